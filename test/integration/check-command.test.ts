import {afterAll, describe, expect, it} from 'vitest';
import {startNode, stopNode} from '../../cluster/harness.js';
import {bootstrapServers, zkNodes, zookeeperConnect} from '../../cluster/layout.js';
import {Unready, waitFor} from '../../cluster/wait-for.js';
import {commitGroupOffsets, testKafka, uniqueTopic} from '../helpers/kafka.js';
import {ktop} from '../helpers/run-ktop.js';

const log = () => undefined;
const connect = ['-z', zookeeperConnect, '-b', bootstrapServers.join(',')];

async function checkUntil(expected: number, what: string): Promise<{code: number; stdout: string}> {
	return waitFor(async () => {
		const result = await ktop(['check', ...connect]);
		return result.code === expected ? result : new Unready(`exit ${result.code}: ${result.stdout.trim().split('\n').slice(0, 6).join(' | ')}`);
	}, {timeoutMs: 60_000, intervalMs: 1000, what});
}

describe('ktop check exit status (monitoring-plugin convention)', () => {
	let stopped: string | undefined;
	afterAll(async () => {
		if (stopped) await startNode(stopped, log);
	});

	it('is 0 for the healthy cluster, with a summary line', async () => {
		const result = await checkUntil(0, 'a healthy check');
		expect(result.stdout).toMatch(/^KTOP OK - 0 critical, 0 warning, \d+ info; cluster \S+$/m);
	});

	it('is 1 (warning) with a ZooKeeper follower down, naming it', async () => {
		const follower = zkNodes.find(node => node.name === 'zk3')!;
		// zk3 may lead; any server that is not the leader will do, so pick by asking the snapshot.
		const snapshot = JSON.parse((await ktop(['snapshot', '--json', ...connect])).stdout) as {zookeeper: {quorum: {leader: string}}};
		const victim = snapshot.zookeeper.quorum.leader.endsWith(`:${follower.clientPort}`) ? zkNodes[0]! : follower;
		await stopNode(victim.name, log);
		stopped = victim.name;
		const result = await checkUntil(1, 'a warning');
		expect(result.stdout).toMatch(new RegExp(`^WARNING\\s+ZK_SERVER_DOWN\\s+127\\.0\\.0\\.1:${victim.clientPort}: `, 'm'));
		await startNode(victim.name, log);
		stopped = undefined;
		await checkUntil(0, 'healthy again');
	});

	it('is 2 (critical) with a broker killed', async () => {
		await stopNode('kafka3', log);
		stopped = 'kafka3';
		const result = await checkUntil(2, 'a critical finding');
		expect(result.stdout).toMatch(/^CRITICAL\s+BROKER_UNREACHABLE\s+broker 3: /m);
		expect(result.stdout).toMatch(/^KTOP CRITICAL - [1-9]\d* critical/m);
		await startNode('kafka3', log);
		stopped = undefined;
	});

	it('is 3 (unknown) when nothing answers, and 64 for bad usage', async () => {
		const dead = await ktop(['check', '-z', '127.0.0.1:1', '-b', '127.0.0.1:1']);
		expect(dead.code).toBe(3);
		expect(dead.stdout).toMatch(/^KTOP UNKNOWN/m);
		const bad = await ktop(['check', '--samples', '0', ...connect]);
		expect(bad.code).toBe(64);
		expect(bad.stderr).toContain('--samples 0');
	});

	it('snapshot --json carries the documented shape', async () => {
		// Its own topic and group with committed offsets: the shape must not depend on earlier tests.
		const kafka = testKafka();
		const admin = kafka.admin();
		await admin.connect();
		const topic = uniqueTopic('check-shape');
		await admin.createTopics({topics: [{topic, numPartitions: 1, replicationFactor: 3}], waitForLeaders: true});
		await admin.disconnect();
		await commitGroupOffsets(kafka, uniqueTopic('check-shape-group'), topic, [{partition: 0, offset: '0'}]);
		const result = await ktop(['snapshot', '--json', ...connect]);
		expect(result.code).toBe(0);
		const snapshot = JSON.parse(result.stdout) as Record<string, unknown> & {
			zookeeper: {servers: Array<Record<string, unknown>>; quorum: Record<string, unknown>};
			brokers: Array<Record<string, unknown>>; topics: Array<{partitions: Array<Record<string, unknown>>} & Record<string, unknown>>;
			groups: Array<Record<string, unknown>>;
		};
		for (const key of ['takenAt', 'clusterId', 'zookeeper', 'controller', 'brokers', 'topics', 'groups', 'findings', 'errors']) expect(snapshot).toHaveProperty(key);
		for (const key of ['address', 'mode', 'zxid', 'error']) expect(snapshot.zookeeper.servers[0]).toHaveProperty(key);
		for (const key of ['size', 'serving', 'leader']) expect(snapshot.zookeeper.quorum).toHaveProperty(key);
		for (const key of ['brokerId', 'epoch']) expect(snapshot['controller']).toHaveProperty(key);
		for (const key of ['id', 'host', 'port', 'rack', 'registeredAt', 'reachable']) expect(snapshot.brokers[0]).toHaveProperty(key);
		for (const key of ['name', 'internal', 'partitions']) expect(snapshot.topics[0]).toHaveProperty(key);
		for (const key of ['partition', 'leader', 'replicas', 'isr', 'offlineReplicas', 'lowWatermark', 'highWatermark']) expect(snapshot.topics[0]!.partitions[0]).toHaveProperty(key);
		expect(snapshot.groups.length).toBeGreaterThan(0);
		for (const key of ['groupId', 'state', 'members', 'lag', 'status']) expect(snapshot.groups[0]).toHaveProperty(key);

		const dead = await ktop(['snapshot', '--json', '-z', '127.0.0.1:1', '-b', '127.0.0.1:1']);
		expect(dead.code).toBe(3);
		expect((JSON.parse(dead.stdout) as {errors: unknown[]}).errors.length).toBeGreaterThan(0);
	});
});

describe('ktop snapshot with only --bootstrap', () => {
	it('finds ZooKeeper from the brokers\' zookeeper.connect and shows the ensemble', async () => {
		const result = await ktop(['snapshot', '--json', '-b', bootstrapServers[0]!], {KTOP_ZOOKEEPER: ''});
		expect(result.code).toBe(0);
		const snapshot = JSON.parse(result.stdout) as {connection: {zookeeper: string}; zookeeper: {quorum: {size: number; serving: number}}};
		expect(snapshot.connection.zookeeper).toBe(zookeeperConnect);
		expect(snapshot.zookeeper.quorum).toMatchObject({size: 3, serving: 3});
	});
});
