import ZooKeeper from 'zookeeper';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {kafkaNodes, zkNodes, zookeeperConnect} from '../../cluster/layout.js';
import {Unready, waitFor} from '../../cluster/wait-for.js';
import type {ZkTopic} from '../../source/cluster/types.js';
import {openZkSession, type OpenedZkSession} from '../../source/cluster/zookeeper/session.js';
import {createZkSource, type ZkSource, type ZkSourceRead} from '../../source/cluster/zookeeper/zk-source.js';
import {commitGroupOffsets, testKafka, uniqueTopic} from '../helpers/kafka.js';

const [zk1, , zk3] = zkNodes as [typeof zkNodes[0], typeof zkNodes[0], typeof zkNodes[0]];
const zk3Address = `127.0.0.1:${zk3.clientPort}`;
const kafka = testKafka('ktop-zookeeper-source');
const admin = kafka.admin();
const created: string[] = [];
const sources: ZkSource[] = [];

/** A source over the local ensemble, with zk3's AdminServer port unless told otherwise. */
function source(options: {admin?: boolean; onSession?: (session: OpenedZkSession) => void} = {}): ZkSource {
	const made = createZkSource(zookeeperConnect, {
		adminPorts: options.admin === false ? undefined : {[zk3Address]: zk3.adminPort!},
		async openSession(connect, connectTimeoutMs, sessionTimeoutMs) {
			const session = await openZkSession(connect, connectTimeoutMs, sessionTimeoutMs);
			options.onSession?.(session);
			return session;
		},
	});
	sources.push(made);
	return made;
}

async function timed(zk: ZkSource): Promise<{result: ZkSourceRead; ms: number}> {
	const started = performance.now();
	const result = await zk.read();
	return {result, ms: Math.round(performance.now() - started)};
}

async function createTopic(prefix: string, partitions: number): Promise<string> {
	const topic = uniqueTopic(prefix);
	created.push(topic);
	await admin.createTopics({
		topics: [{topic, numPartitions: partitions, replicationFactor: 3, configEntries: [{name: 'min.insync.replicas', value: '2'}]}],
		waitForLeaders: true,
	});
	return topic;
}

/** Reads until the topic shows its whole assignment and a state for every partition. */
async function readUntilTopic(zk: ZkSource, topic: string, partitions: number): Promise<{read: ZkSourceRead; found: ZkTopic}> {
	return waitFor(async () => {
		const read = await zk.read();
		const found = read.kafka?.topics.find(candidate => candidate.name === topic);
		if (!found) return new Unready(`${topic} not among ${read.kafka?.topics.length ?? 'no'} topics; errors ${JSON.stringify(read.errors)}`);
		if (found.states.length < partitions) return new Unready(`${found.states.length} of ${partitions} partition states`);
		return {read, found};
	}, {timeoutMs: 30_000, intervalMs: 100, what: `${topic} in ZooKeeper`});
}

beforeAll(async () => {
	await admin.connect();
	// A fresh cluster has no __consumer_offsets until some group commits, and this file reads its znodes.
	const topic = uniqueTopic('zk-source-offsets');
	created.push(topic);
	await admin.createTopics({topics: [{topic, numPartitions: 1, replicationFactor: 1}], waitForLeaders: true});
	await commitGroupOffsets(kafka, uniqueTopic('zk-source-group'), topic, [{partition: 0, offset: '0'}]);
});

afterAll(async () => {
	for (const zk of sources.splice(0)) zk.close();
	if (created.length > 0) await admin.deleteTopics({topics: created}).catch(() => undefined);
	await admin.disconnect();
});

describe('createZkSource against the local cluster', () => {
	it('reads three servers with exactly one leader, zk1 with 4lw monitor stats and zk3 with its whitelist limits', async () => {
		const {servers, errors} = await source().read();
		expect(errors).toEqual([]);
		expect(servers.map(server => [server.address, server.id, server.role, server.inConnectString])).toEqual(
			zkNodes.map(node => [`127.0.0.1:${node.clientPort}`, node.id, 'participant', true]),
		);
		const modes = servers.map(server => (server.probe.state === 'serving' ? server.probe.stats.mode : server.probe.state));
		expect(modes.filter(mode => mode === 'leader')).toHaveLength(1);
		expect(modes.filter(mode => mode === 'follower')).toHaveLength(2);

		const first = servers[0]!;
		expect(first.monitorSource).toBe('4lw');
		expect(first.limits).toEqual([]);
		expect(first.monitor?.openFileDescriptors).toBeGreaterThan(0);
		expect(first.monitor?.raw['server_state']).toMatch(/^(leader|follower)$/);

		const third = servers[2]!;
		expect(third.limits).toEqual(['mntr not whitelisted']);
		expect(third.monitorSource).toBe('admin-server');
		expect(third.monitor?.ephemeralsCount).toBeGreaterThan(0);
		expect(third.monitor?.raw['server_state']).toBe(third.probe.state === 'serving' ? third.probe.stats.mode : undefined);
	});

	it('without zk3\'s admin port, shows zk3 with no monitor stats and says why', async () => {
		const {servers} = await source({admin: false}).read();
		const third = servers.find(server => server.port === zk3.clientPort)!;
		expect(third.probe.state).toBe('serving');
		expect(third.monitor).toBeUndefined();
		expect(third.limits).toEqual(['mntr not whitelisted']);
		expect(servers.find(server => server.port === zk1.clientPort)!.monitorSource).toBe('4lw');
	});

	it('reads Kafka\'s znodes: cluster id, controller, brokers 1-3', async () => {
		const {kafka: view, errors} = await source().read();
		expect(errors).toEqual([]);
		expect(view?.clusterId).toMatch(/^[\w-]{22}$/);
		expect([1, 2, 3]).toContain(view?.controller?.brokerId);
		expect(view?.controller?.since).toBeGreaterThan(Date.parse('2020-01-01'));
		expect(view?.controllerEpoch).toBeGreaterThan(0);
		expect(view?.registrations.map(broker => [broker.id, broker.rack, broker.endpoints])).toEqual([
			...kafkaNodes.map(node => [node.id, node.rack, [`PLAINTEXT://127.0.0.1:${node.port}`]]),
		]);
		expect(view?.topics.find(topic => topic.name === '__consumer_offsets')?.configOverrides['cleanup.policy']).toBe('compact');
		expect(view?.reassignments).toEqual([]);
		expect(view?.preferredElections).toEqual([]);
	});

	it('sees a topic created with kafkajs: assignment, partition states, config override', async () => {
		const zk = source();
		const topic = await createTopic('zk-source', 3);
		const {found} = await readUntilTopic(zk, topic, 3);
		expect(Object.keys(found.assignment)).toEqual(['0', '1', '2']);
		for (const replicas of Object.values(found.assignment)) expect([...replicas].sort()).toEqual([1, 2, 3]);
		expect(found.states.map(state => state.partition)).toEqual([0, 1, 2]);
		for (const state of found.states) {
			expect(found.assignment[state.partition]).toContain(state.leader);
			expect(state.isr.length).toBeGreaterThanOrEqual(2);
			expect(state.controllerEpoch).toBeGreaterThan(0);
		}

		expect(found.configOverrides).toEqual({'min.insync.replicas': '2'});
	});

	it('on a second read, sees a new topic through its watches, reading only the new znodes', async () => {
		const zk = source();
		const first = await zk.read();
		expect(first.stats.fullRead).toBe(true);
		const before = first.kafka!.topics.reduce((sum, topic) => sum + Object.keys(topic.assignment).length, 0);

		const topic = await createTopic('zk-source-watch', 4);
		const {read, found} = await readUntilTopic(zk, topic, 4);
		expect(read.stats.fullRead).toBe(false);
		expect(found.configOverrides).toEqual({'min.insync.replicas': '2'});
		// Far fewer than a full read: the listing, the topic, its config and states, and whatever else moved.
		expect(read.stats.znodesRead).toBeLessThan(before);
	});

	it('survives an expired session: a new one, a full read, no error', async () => {
		let current: OpenedZkSession | undefined;
		const zk = source({onSession(session) {
			current = session;
		}});
		expect((await zk.read()).errors).toEqual([]);
		const expired = current!;

		// Take the session over with its credentials and close it: the server ends it for both clients.
		const {id, password} = expired.credentials();
		const thief = new ZooKeeper({connect: zookeeperConnect, timeout: 10_000, debug_level: 0, client_id: id, client_password: password});
		await new Promise<void>(resolve => {
			thief.once('connect', () => {
				resolve();
			});
			thief.init({});
		});
		thief.close();

		const after = await waitFor(async () => {
			const read = await zk.read();
			return current !== expired && read.errors.length === 0 ? read : new Unready(`errors ${JSON.stringify(read.errors)}`);
		}, {timeoutMs: 30_000, intervalMs: 200, what: 'a read on a new session'});
		expect(after.stats.fullRead).toBe(true);
		expect(after.kafka?.registrations).toHaveLength(3);
		expect((await zk.read()).stats).toMatchObject({fullRead: false, znodesRead: 0});
	});

	it('takes a few milliseconds to read the cluster as it is, and less again from the cache', async () => {
		const zk = source();
		const first = await timed(zk);
		const second = await timed(zk);
		const third = await timed(zk);
		const partitions = first.result.kafka!.topics.reduce((sum, topic) => sum + topic.states.length, 0);
		console.log(`[zookeeper-source] ${first.result.kafka!.topics.length} topics, ${partitions} partitions: `
			+ `first read ${first.ms} ms (${first.result.stats.znodesRead} znodes), `
			+ `second ${second.ms} ms (${second.result.stats.znodesRead} znodes), third ${third.ms} ms (${third.result.stats.znodesRead} znodes)`);
		expect(first.result.stats.fullRead).toBe(true);
		expect(second.result.stats.fullRead).toBe(false);
		expect(second.result.stats.znodesRead).toBeLessThan(first.result.stats.znodesRead);
		expect(first.ms).toBeLessThan(5000);
		expect(second.ms).toBeLessThan(2000);
	});
});
