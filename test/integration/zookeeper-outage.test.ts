import {execFile} from 'node:child_process';
import {setTimeout as sleep} from 'node:timers/promises';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startNode, stopNode} from '../../cluster/harness.js';
import {bootstrapServers, zkNodes} from '../../cluster/layout.js';
import {createClusterWriter} from '../../source/cluster/kafka/writer/cluster-writer.js';
import {sendFourLetterWord} from '../../source/cluster/zookeeper/four-letter-word.js';
import {noQuorumReason} from '../../source/cluster/zookeeper/zookeeper-trouble.js';
import {createActionFactory} from '../../source/model/actions/catalog.js';
import {testKafka, uniqueTopic} from '../helpers/kafka.js';
import {ktop} from '../helpers/run-ktop.js';
import {watchCluster} from '../helpers/watch-cluster.js';

const run = promisify(execFile);
const log = (line: string) => console.log(`  ${line}`);
const outageMs = 60_000;
const stopped = ['zk1', 'zk2'];

type Attempt = {at: number; ok: boolean; detail: string};

/**
Issue 11, "do no harm": a ZooKeeper-mode broker answers a topic's DescribeConfigs (and every
topic write) by waiting on ZooKeeper in a request-handler thread. With the quorum lost, a monitor
that keeps asking pins those threads one by one until the broker answers nobody. Here the quorum
is gone for a minute while ktop's live refresh loop and repeated `ktop check -b` runs watch, and
the cluster's clients must not notice ktop at all: every broker answers metadata throughout, and
an acks=1 producer loses nothing. (The local brokers run 2 request threads: the old ktop stopped
them within about 20 s.)
*/
describe('ZooKeeper quorum lost for a minute while ktop watches', () => {
	const watcher = watchCluster(2000);
	const kafka = testKafka('ktop-outage');
	const admin = kafka.admin();
	const producer = kafka.producer({allowAutoTopicCreation: false, retry: {retries: 2, initialRetryTime: 200}});
	const topic = uniqueTopic('ktop-outage');
	let down: string[] = [];

	beforeAll(async () => {
		await admin.connect();
		await admin.createTopics({waitForLeaders: true, topics: [{topic, numPartitions: 3, replicationFactor: 3}]});
		await producer.connect();
		// Metadata for the topic before ZooKeeper goes: the producer's own refreshes are then served from the brokers' caches.
		await producer.send({topic, acks: 1, messages: [{value: 'warm-up'}]});
		await watcher.until('the new topic in the live view', snapshot => snapshot.topics.some(entry => entry.name === topic));
	}, 120_000);

	afterAll(async () => {
		for (const name of down) await startNode(name, log);
		await producer.disconnect().catch(() => undefined);
		await admin.deleteTopics({topics: [topic]}).catch(() => undefined);
		await admin.disconnect().catch(() => undefined);
		await watcher.close();
	}, 180_000);

	it('keeps every broker answering and loses no acks=1 record; writes through ZooKeeper are refused with the reason', async () => {
		const modes = await Promise.all(zkNodes.map(async node => {
			const reply = await sendFourLetterWord('127.0.0.1', node.clientPort, 'srvr', 2000);
			return `${node.name} ${reply.ok ? /Mode: (\w+)/.exec(reply.text)?.[1] ?? '?' : 'down'}`;
		}));
		log(`before: ${modes.join(', ')}; stopping ${stopped.join(' and ')}`);

		let running = true;
		const metadata: Attempt[] = [];
		const sent: number[] = [];
		const failedSends: Attempt[] = [];
		const checks: Array<{code: number; firstLine: string}> = [];

		// Every 2 s, each broker alone must answer a metadata request (kcat gives up after 5 s).
		const probeMetadata = (async () => {
			while (running) {
				await Promise.all(bootstrapServers.map(async broker => {
					try {
						await run('kcat', ['-b', broker, '-L', '-m', '5', '-J'], {timeout: 15_000});
						metadata.push({at: Date.now(), ok: true, detail: broker});
					} catch (error) {
						metadata.push({at: Date.now(), ok: false, detail: `${broker}: ${(error as Error).message.split('\n')[0]}`});
					}
				}));
				await sleep(2000);
			}
		})();

		// One record every 100 ms, acks=1, numbered.
		const produce = (async () => {
			for (let sequence = 0; running; sequence++) {
				try {
					await producer.send({topic, acks: 1, timeout: 5000, messages: [{key: String(sequence), value: `seq-${sequence}`}]});
					sent.push(sequence);
				} catch (error) {
					failedSends.push({at: Date.now(), ok: false, detail: `seq-${sequence}: ${(error as Error).message}`});
				}

				await sleep(100);
			}
		})();

		// Two monitors running `ktop check -b` back to back, as cron or Nagios would.
		const checkLoops = [0, 1].map(async () => {
			while (running) {
				const result = await ktop(['check', '-b', bootstrapServers.join(',')]);
				checks.push({code: result.code, firstLine: result.stdout.split('\n')[0] ?? ''});
			}
		});

		const started = Date.now();
		for (const name of stopped) {
			await stopNode(name, log);
			down.push(name);
		}

		// ktop's own view: the quorum is gone, and the writes that would wait on it are refused before any preview.
		await watcher.until('ktop to see the quorum lost', () => watcher.reader.zookeeperTrouble() === noQuorumReason || undefined, {timeoutMs: 30_000});
		const writer = createClusterWriter(bootstrapServers, {readOnly: false, zookeeperTrouble: () => watcher.reader.zookeeperTrouble()});
		try {
			const actions = createActionFactory({snapshot: () => watcher.store.getSnapshot(), writer});
			expect(actions('createTopic', {})).toEqual({unavailable: noQuorumReason});
			expect(actions('editConfigs', {topic})).toEqual({unavailable: noQuorumReason});
			expect(actions('deleteTopic', {topic})).toEqual({unavailable: noQuorumReason});
			// The writer itself refuses too, below the actions, without sending anything.
			await expect(writer.describeTopicConfigs(topic)).rejects.toMatchObject({failure: {code: 'ZOOKEEPER_UNAVAILABLE'}});
		} finally {
			await writer.close();
		}

		await sleep(Math.max(0, outageMs - (Date.now() - started)));
		const outage = Date.now() - started;
		running = false;
		await Promise.all([probeMetadata, produce, ...checkLoops]);

		for (const name of [...down]) {
			await startNode(name, log);
			down = down.filter(other => other !== name);
		}

		// Healthy again before the next file runs: a quorum, all three brokers registered, nothing offline.
		await watcher.until('the ensemble and all brokers back', snapshot => (
			snapshot.zookeeper?.quorum.hasQuorum && snapshot.zookeeper.quorum.serving === 3
			&& snapshot.brokers.filter(broker => broker.registered && broker.reachable).length === 3
		) || undefined, {after: Date.now(), timeoutMs: 120_000});

		const failedMetadata = metadata.filter(attempt => !attempt.ok);
		const firstFailure = [...failedMetadata, ...failedSends].map(attempt => attempt.at).sort((x, y) => x - y)[0];
		log(firstFailure === undefined ? 'no broker stopped answering' : `first failure ${Math.round((firstFailure - started) / 1000)} s after ZooKeeper lost its quorum`);
		log(`outage ${Math.round(outage / 1000)} s: ${metadata.length} metadata requests (${failedMetadata.length} failed), ${sent.length} records acked (${failedSends.length} failed), ${checks.length} ktop check runs (exit ${[...new Set(checks.map(check => check.code))].join('/')})`);
		const load = watcher.reader.load();
		log(`live view's requests during the test: ${JSON.stringify(load)}`);
		expect(checks.length).toBeGreaterThan(0);
		expect(metadata.length).toBeGreaterThanOrEqual(bootstrapServers.length * 10);
		expect(failedMetadata).toEqual([]);
		expect(failedSends).toEqual([]);
		// The live view never asked a broker for a topic's configs.
		for (const byApi of Object.values(load)) expect(byApi['DescribeConfigs topic'] ?? 0).toBe(0);

		// Every acknowledged record is in the topic.
		const {stdout} = await run('kcat', ['-b', bootstrapServers.join(','), '-C', '-t', topic, '-o', 'beginning', '-e', '-q', '-f', '%s\\n'], {maxBuffer: 64 * 1024 * 1024, timeout: 60_000});
		const stored = new Set(stdout.split('\n').filter(line => line.startsWith('seq-')));
		const missing = sent.filter(sequence => !stored.has(`seq-${sequence}`));
		expect(missing).toEqual([]);
	}, 420_000);
});
