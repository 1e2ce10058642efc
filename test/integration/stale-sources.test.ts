import {afterAll, describe, expect, it} from 'vitest';
import {pauseNode, resumeNode, startNode, stopNode} from '../../cluster/harness.js';
import {kafkaNodes, zkNodes} from '../../cluster/layout.js';
import {probeBrokers, probeQuorum, srvr} from '../../cluster/readiness.js';
import {Unready, waitFor} from '../../cluster/wait-for.js';
import {openClusterReader} from '../../source/model/cluster-reader.js';
import {partitionCounts} from '../../source/model/partition-counts.js';
import {createStore} from '../../source/model/store.js';
import type {Finding} from '../../source/model/types.js';
import {statusLine} from '../../source/ui/header-lines.js';
import {commitGroupOffsets, testKafka, uniqueTopic} from '../helpers/kafka.js';
import {ktop} from '../helpers/run-ktop.js';
import {localAdminPorts, localConnection} from '../helpers/watch-cluster.js';

const log = () => undefined;
const paused = new Set<string>();
const stopped = new Set<string>();
/** Groups and topics this file made: a group left lagging with no members would be GROUP_STOPPED for every later file's `ktop check`. */
const made = {groups: [] as string[], topics: [] as string[]};

/** The reader and store the TUI uses, on a clock the test moves, so lag windows pass without waiting. */
function watch() {
	let clock = Date.now();
	const reader = openClusterReader(localConnection, {adminPorts: localAdminPorts, now: () => clock});
	const store = createStore();
	return {
		store,
		async refresh(advanceMs = 2000) {
			clock += advanceMs;
			store.update(await reader.read());
			return store.getSnapshot()!;
		},
		/** The header's second line as the TUI draws it now. */
		status() {
			const snapshot = store.getSnapshot()!;
			return statusLine(snapshot, partitionCounts(snapshot), store.getStale(), clock, 2000).map(span => span.text).join('');
		},
		close: async () => reader.close(),
	};
}

async function healthyAgain(): Promise<void> {
	for (const name of paused) await resumeNode(name, log);
	paused.clear();
	for (const name of stopped) await startNode(name, log);
	stopped.clear();
	await waitFor(async () => probeQuorum(zkNodes), {timeoutMs: 60_000, what: 'the ZooKeeper quorum back'});
	await waitFor(async () => probeBrokers(kafkaNodes), {timeoutMs: 120_000, intervalMs: 1000, what: 'every broker registered and answering again'});
}

async function removeWhatWasMade(): Promise<void> {
	const admin = testKafka().admin();
	await admin.connect();
	try {
		if (made.groups.length > 0) await admin.deleteGroups(made.groups);
		if (made.topics.length > 0) await admin.deleteTopics({topics: made.topics});
	} finally {
		await admin.disconnect();
	}
}

describe('when a whole source cannot refresh', () => {
	afterAll(async () => {
		await healthyAgain();
		await removeWhatWasMade();
	});

	it('every broker hung: STALE names kafka and since when, and a group finding is held with its first-seen time, never cleared', async () => {
		const kafka = testKafka();
		const topic = uniqueTopic('held');
		const admin = kafka.admin();
		await admin.connect();
		await admin.createTopics({topics: [{topic, numPartitions: 1, replicationFactor: 3}], waitForLeaders: true});
		await admin.disconnect();
		const producer = kafka.producer();
		await producer.connect();
		await producer.send({topic, messages: Array.from({length: 10}, (_, index) => ({value: `m${index}`}))});
		await producer.disconnect();
		const groupId = `${topic}-group`;
		made.topics.push(topic);
		made.groups.push(groupId);
		await commitGroupOffsets(kafka, groupId, topic, [{partition: 0, offset: '2'}]);

		const cluster = watch();
		try {
			// A group with lag and no member, judged over a window the clock jumps across.
			await cluster.refresh();
			const raised = await waitFor(async () => {
				const snapshot = await cluster.refresh(61_000);
				return snapshot.findings.find(finding => finding.subject === `group ${groupId}` && finding.code.startsWith('GROUP_')) ?? new Unready(snapshot.findings.map(f => `${f.code} ${f.subject}`).join('; '));
			}, {timeoutMs: 60_000, intervalMs: 100, what: `a finding on group ${groupId}`});
			expect(cluster.store.getStale()).toBeUndefined();

			for (const node of kafkaNodes) {
				await pauseNode(node.name, log);
				paused.add(node.name);
			}

			const failed = await cluster.refresh(30_000);
			expect(failed.stale?.map(entry => entry.source)).toEqual(['kafka']);
			const stale = cluster.store.getStale()!;
			expect(stale.error).toMatch(/^kafka: /);
			expect(stale.since).toBe(failed.takenAt);
			expect(cluster.status()).toMatch(/^STALE since \d\d:\d\d:\d\d \(\d+s\): kafka: /);
			const held = failed.findings.find(finding => finding.code === raised.code && finding.subject === raised.subject) as Finding;
			expect(held).toMatchObject({since: raised.since, held: {since: failed.takenAt, source: 'kafka'}});
			const again = await cluster.refresh(30_000);
			expect(again.findings.find(finding => finding.subject === raised.subject)).toMatchObject({since: raised.since, held: {since: failed.takenAt}});
			expect(cluster.store.getStale()!.since).toBe(failed.takenAt);
			expect(cluster.store.getEvents().filter(event => event.kind === 'finding-cleared' && event.subject === raised.subject)).toEqual([]);

			// `ktop check` says the same: the source failed, and its summary line says STALE kafka.
			const check = await ktop(['check', '-z', localConnection.zookeeper, '-b', localConnection.bootstrap.join(',')]);
			expect(check.stdout).toMatch(/^CRITICAL\s+SOURCE_FAILED\s+kafka: /m);
			expect(check.stdout).toMatch(/^KTOP CRITICAL - .*; STALE kafka$/m);

			for (const node of kafkaNodes) await resumeNode(node.name, log);
			paused.clear();
			const fresh = await waitFor(async () => {
				const snapshot = await cluster.refresh(2000);
				return snapshot.stale === undefined ? snapshot : new Unready(JSON.stringify(snapshot.stale));
			}, {timeoutMs: 120_000, intervalMs: 500, what: 'the brokers to answer again'});
			expect(cluster.store.getStale()).toBeUndefined();
			expect(cluster.status()).not.toContain('STALE');
			const back = fresh.findings.find(finding => finding.subject === raised.subject && finding.code === raised.code);
			// Its evidence is back and still shows it: the same finding, first seen when it was, no longer held.
			expect(back).toMatchObject({since: raised.since});
			expect(back!.held).toBeUndefined();
		} finally {
			await cluster.close();
			await healthyAgain();
		}
	});

	it('ZooKeeper quorum lost: STALE names zookeeper within two refreshes of the survivor giving up, and check says it', async () => {
		const cluster = watch();
		try {
			await cluster.refresh();
			expect(cluster.store.getStale()).toBeUndefined();
			const [survivor, ...victims] = zkNodes;
			for (const node of victims) {
				await stopNode(node.name, log);
				stopped.add(node.name);
			}

			// The survivor stops serving once it notices the quorum is gone; from then on, two refreshes at most.
			await waitFor(async () => ((await srvr(survivor!)).kind === 'serving' ? new Unready('still serving') : true), {timeoutMs: 60_000, what: `${survivor!.name} to stop serving`});
			const first = await cluster.refresh();
			const snapshot = first.stale ? first : await cluster.refresh();
			expect(snapshot.stale?.map(entry => entry.source)).toContain('zookeeper');
			expect(cluster.store.getStale()!.error).toMatch(/zookeeper: /);
			expect(cluster.status()).toMatch(/^STALE since .*zookeeper: /);
			expect(snapshot.findings.map(finding => finding.code)).toContain('ZK_QUORUM_LOST');

			const check = await ktop(['check', '-z', localConnection.zookeeper, '-b', localConnection.bootstrap.join(',')]);
			expect(check.stdout).toMatch(/^CRITICAL\s+ZK_QUORUM_LOST\s+zookeeper: /m);
			expect(check.stdout).toMatch(/; STALE zookeeper(, kafka)?$/m);
		} finally {
			await cluster.close();
			await healthyAgain();
		}
	});
});
