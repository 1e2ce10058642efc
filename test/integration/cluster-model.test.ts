import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {pauseNode, resumeNode, startNode, stopNode} from '../../cluster/harness.js';
import {bootstrapServers, zkNodes} from '../../cluster/layout.js';
import {testKafka, uniqueTopic} from '../helpers/kafka.js';
import {watchCluster} from '../helpers/watch-cluster.js';

const run = promisify(execFile);
const log = () => undefined;
const interval = 2000;

type KcatMetadata = {
	brokers: Array<{id: number; name: string}>;
	topics: Array<{topic: string; partitions: Array<{partition: number; leader: number; replicas: Array<{id: number}>; isrs: Array<{id: number}>}>}>;
};

describe('the cluster model against the real cluster', () => {
	const watcher = watchCluster(interval);
	const admin = testKafka().admin();
	const topic = uniqueTopic('model-rf3');
	const strictTopic = uniqueTopic('model-minisr2');
	let stopped: string | undefined;
	let paused: string | undefined;

	beforeAll(async () => {
		await admin.connect();
		// Replicas on every broker: losing one leaves `topic` under-replicated, and `strictTopic`
		// (min.insync.replicas 2) exactly at its minimum ISR, one failure away from refusing writes.
		await admin.createTopics({topics: [
			{topic, numPartitions: 3, replicationFactor: 3},
			{topic: strictTopic, numPartitions: 1, replicationFactor: 3, configEntries: [{name: 'min.insync.replicas', value: '2'}]},
		], waitForLeaders: true});
	});

	afterAll(async () => {
		if (paused) await resumeNode(paused, log);
		if (stopped) await startNode(stopped, log);
		await watcher.close();
		await admin.deleteTopics({topics: [topic, strictTopic]}).catch(() => undefined);
		await admin.disconnect();
	});

	it('sees the healthy cluster as kcat -L does', async () => {
		const {snapshot} = await watcher.until('the new topic with a full ISR', s => {
			const partitions = s.topics.find(t => t.name === topic)?.partitions;
			return partitions?.length === 3 && partitions.every(p => p.isr.length === 3) ? true : undefined;
		});
		const {stdout} = await run('kcat', ['-b', bootstrapServers.join(','), '-L', '-J', '-m', '10']);
		const kcat = JSON.parse(stdout) as KcatMetadata;

		expect(snapshot.brokers.filter(b => b.inMetadata).map(b => `${b.id} ${b.host}:${b.port}`))
			.toEqual(kcat.brokers.map(b => `${b.id} ${b.name}`).sort());
		const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
		const kcatTopics = kcat.topics.filter(t => snapshot.topics.some(s => s.name === t.topic));
		expect(kcatTopics.length).toBeGreaterThanOrEqual(1);
		for (const kcatTopic of kcatTopics) {
			const ours = snapshot.topics.find(t => t.name === kcatTopic.topic)!;
			const theirs = [...kcatTopic.partitions].sort((a, b) => a.partition - b.partition);
			expect(ours.partitions.map(p => [p.partition, p.leader, p.replicas, sorted(p.isr)]))
				.toEqual(theirs.map(p => [p.partition, p.leader, p.replicas.map(r => r.id), sorted(p.isrs.map(r => r.id))]));
		}

		expect(snapshot.zookeeper!.quorum).toMatchObject({size: 3, serving: 3, hasQuorum: true});
		expect(snapshot.zookeeper!.servers.find(s => s.address === `127.0.0.1:${zkNodes[2]!.clientPort}`)!.limits).toContain('mntr not whitelisted');
		expect(snapshot.findings.filter(f => f.severity !== 'info')).toEqual([]);
	});

	it('reports under-replication and ISR shrink within two refreshes of killing kafka2, and the recovery after', async () => {
		const killedAt = Date.now();
		await stopNode('kafka2', log);
		stopped = 'kafka2';
		const shrunk = await watcher.until('UNDER_REPLICATED for the topic', s =>
			s.findings.some(f => f.code === 'UNDER_REPLICATED' && f.subject.startsWith(topic)) ? true : undefined,
		{after: killedAt, timeoutMs: 6000 + (2 * interval) + 10_000});
		expect(shrunk.snapshot.topics.find(t => t.name === topic)!.partitions.every(p => !p.isr.includes(2))).toBe(true);
		// Many partitions shrink at once, so the timeline may fold them into one event per topic.
		const aboutTopic = (subject: string) => subject.startsWith(`${topic}-`) || subject === `topic ${topic}`;
		expect(watcher.events(killedAt).some(e => e.kind === 'isr-shrank' && aboutTopic(e.subject) && e.message.includes('2'))).toBe(true);
		expect(shrunk.snapshot.findings.some(f => f.code === 'BROKER_UNREACHABLE' && f.subject === 'broker 2')).toBe(true);
		expect(shrunk.snapshot.findings.some(f => f.code === 'AT_MIN_ISR' && f.subject.startsWith(strictTopic))).toBe(true);

		const restartedAt = Date.now();
		await startNode('kafka2', log);
		stopped = undefined;
		await watcher.until('the topic fully replicated again', s => {
			const partitions = s.topics.find(t => t.name === topic)?.partitions ?? [];
			return partitions.length === 3 && partitions.every(p => p.isr.length === 3)
				&& !s.findings.some(f => f.code === 'UNDER_REPLICATED' && f.subject.startsWith(topic))
				&& !s.findings.some(f => f.subject === 'broker 2' && f.code === 'BROKER_UNREACHABLE') ? true : undefined;
		}, {after: restartedAt});
		expect(watcher.events(restartedAt).some(e => e.kind === 'isr-expanded' && aboutTopic(e.subject))).toBe(true);
		expect(watcher.events(restartedAt).some(e => e.kind === 'finding-cleared')).toBe(true);
	});

	it('follows a ZooKeeper leader election and keeps refreshing', async () => {
		const {snapshot} = await watcher.until('a ZooKeeper leader', s => s.zookeeper?.quorum.leader);
		const leaderAddress = snapshot.zookeeper!.quorum.leader!;
		const leaderNode = zkNodes.find(node => leaderAddress === `127.0.0.1:${node.clientPort}`)!.name;
		const killedAt = Date.now();
		await stopNode(leaderNode, log);
		stopped = leaderNode;

		const elected = await watcher.until('a new leader', s => {
			const leader = s.zookeeper?.quorum.leader;
			return leader && leader !== leaderAddress ? leader : undefined;
		}, {after: killedAt});
		expect(elected.snapshot.zookeeper!.servers.find(s => s.address === leaderAddress)!.mode).toBe('unreachable');
		expect(elected.snapshot.findings.some(f => f.code === 'ZK_SERVER_DOWN' && f.subject === leaderAddress)).toBe(true);
		const events = watcher.events(killedAt);
		expect(events.some(e => e.kind === 'zk-mode-changed' || e.kind === 'zk-leader-elected')).toBe(true);

		await startNode(leaderNode, log);
		stopped = undefined;
		await watcher.until('all three serving again', s => (s.zookeeper?.quorum.serving === 3 ? true : undefined), {after: Date.now()});
	});

	it('reports a hung (paused) broker as unreachable without the refresh loop hanging', async () => {
		const pausedAt = Date.now();
		await pauseNode('kafka3', log);
		paused = 'kafka3';
		await watcher.until('BROKER_UNREACHABLE for broker 3', s =>
			s.findings.some(f => f.code === 'BROKER_UNREACHABLE' && f.subject === 'broker 3') ? true : undefined,
		{after: pausedAt, timeoutMs: 40_000});
		const countAtDetection = watcher.readDurations.length;
		// The loop goes on: more refreshes complete while the broker stays hung.
		await watcher.until('two more refreshes', () => (watcher.readDurations.length >= countAtDetection + 2 ? true : undefined), {timeoutMs: 40_000});
		expect(Math.max(...watcher.readDurations.slice(countAtDetection))).toBeLessThan(15_000);

		await resumeNode('kafka3', log);
		paused = undefined;
		await watcher.until('broker 3 back', s => (s.brokers.find(b => b.id === 3)?.reachable && s.brokers.find(b => b.id === 3)?.registered ? true : undefined), {after: Date.now(), timeoutMs: 60_000});
	});
});
