import {describe, expect, it} from 'vitest';
import type {BrokerRegistration, ZkServerProbe} from '../../source/cluster/types.js';
import {parseSrvr, type SrvrStats} from '../../source/cluster/zookeeper/parse-srvr.js';
import type {ClusterReach} from '../../source/model/reach.js';
import {ago, reachLines} from '../../source/text/reach-lines.js';
import {fixture} from '../helpers/fixture.js';

const now = 1_763_756_700_000;
const connect = '127.0.0.1:2181,127.0.0.1:2182,127.0.0.1:2183';

function recordedStats(name: string): SrvrStats {
	const parsed = parseSrvr(fixture(`4lw/${name}`));
	if (parsed.kind !== 'serving') throw new Error(`${name} is not a serving reply`);
	return parsed.stats;
}

function serving(port: number, name: string): ZkServerProbe {
	return {host: '127.0.0.1', port, state: 'serving', stats: recordedStats(name)};
}

function broker(id: number, registeredAgoMs: number): BrokerRegistration {
	return {
		id,
		endpoints: [`PLAINTEXT://127.0.0.1:${9091 + id}`],
		rack: `rack-${'abc'[id - 1]}`,
		registeredAt: now - registeredAgoMs,
		jmxPort: undefined,
		version: 5,
	};
}

const healthy: ClusterReach = {
	takenAt: now,
	zookeeper: {
		connect,
		servers: [
			serving(2181, 'srvr-follower-2181.txt'),
			serving(2182, 'srvr-follower-2182.txt'),
			serving(2183, 'srvr-leader-2183.txt'),
		],
		clusterId: 'x6BZb0lrSUaLfWj8x0nV4Q',
		controllerId: 1,
		registrations: [broker(1, 300_000), broker(2, 45_000), broker(3, 7_200_000)],
		error: undefined,
	},
	kafka: {
		bootstrap: ['127.0.0.1:9092', '127.0.0.1:9093', '127.0.0.1:9094'],
		view: {
			brokers: [1, 2, 3].map(id => ({id, host: '127.0.0.1', port: 9091 + id, rack: undefined})),
			controllerId: 1,
			clusterId: 'x6BZb0lrSUaLfWj8x0nV4Q',
			topicCount: 4,
		},
		error: undefined,
	},
};

const unhealthy: ClusterReach = {
	takenAt: now,
	zookeeper: {
		connect,
		servers: [
			serving(2181, 'srvr-follower-2181.txt'),
			{host: '127.0.0.1', port: 2182, state: 'unreachable', error: 'connection refused by 127.0.0.1:2182'},
			{host: '127.0.0.1', port: 2183, state: 'srvr-refused'},
		],
		clusterId: undefined,
		controllerId: undefined,
		registrations: [],
		error: 'could not open a ZooKeeper session with 127.0.0.1:2181,127.0.0.1:2182,127.0.0.1:2183 within 5 s',
	},
	kafka: {
		bootstrap: ['127.0.0.1:9092'],
		view: undefined,
		error: 'brokers 127.0.0.1:9092 did not answer metadata: Connection error: connect ECONNREFUSED 127.0.0.1:9092',
	},
};

describe('reachLines', () => {
	it('reports a healthy cluster line by line', () => {
		expect(reachLines(healthy, now)).toEqual([
			{text: 'cluster x6BZb0lrSUaLfWj8x0nV4Q', tone: 'plain'},
			{text: `zookeeper ${connect}: 3/3 serving, leader 127.0.0.1:2183`, tone: 'ok'},
			{text: '  127.0.0.1:2181  follower  zxid 0x1000000ac  latency 1.5882 ms avg  1 conns  30 znodes', tone: 'ok'},
			{text: '  127.0.0.1:2182  follower  zxid 0x1000000ac  latency 1.347 ms avg  4 conns  30 znodes', tone: 'ok'},
			{text: '  127.0.0.1:2183  leader    zxid 0x1000000ac  latency 1.8095 ms avg  1 conns  30 znodes', tone: 'ok'},
			{text: 'controller broker 1', tone: 'plain'},
			{text: 'registered brokers (/brokers/ids): 3', tone: 'plain'},
			{text: '  1  PLAINTEXT://127.0.0.1:9092  rack rack-a, registered 5m ago', tone: 'plain'},
			{text: '  2  PLAINTEXT://127.0.0.1:9093  rack rack-b, registered 45s ago', tone: 'plain'},
			{text: '  3  PLAINTEXT://127.0.0.1:9094  rack rack-c, registered 2h ago', tone: 'plain'},
			{text: 'brokers answering metadata via 127.0.0.1:9092,127.0.0.1:9093,127.0.0.1:9094: 1, 2, 3; 4 topics', tone: 'ok'},
		]);
	});

	it('reports an unhealthy cluster with each failure in place of its data', () => {
		expect(reachLines(unhealthy, now)).toEqual([
			{text: 'cluster (id unknown)', tone: 'warn'},
			{text: `zookeeper ${connect}: 1/3 serving, 0 leaders`, tone: 'bad'},
			{text: '  127.0.0.1:2181  follower  zxid 0x1000000ac  latency 1.5882 ms avg  1 conns  30 znodes', tone: 'ok'},
			{text: '  127.0.0.1:2182  unreachable: connection refused by 127.0.0.1:2182', tone: 'bad'},
			{text: '  127.0.0.1:2183  srvr not whitelisted (4lw.commands.whitelist)', tone: 'warn'},
			{text: `  session: ${unhealthy.zookeeper!.error!}`, tone: 'bad'},
			{text: 'controller and registered brokers unknown (no ZooKeeper session)', tone: 'bad'},
			{text: `brokers: ${unhealthy.kafka.error!}`, tone: 'bad'},
		]);
	});

	it('shows the other server states', () => {
		const reach: ClusterReach = {
			...unhealthy,
			zookeeper: {
				...unhealthy.zookeeper!,
				servers: [
					{host: 'zk1', port: 2181, state: 'not-serving'},
					{host: 'zk2', port: 2181, state: 'unparsable', text: 'garbage'},
				],
			},
		};
		const lines = reachLines(reach, now);
		expect(lines).toContainEqual({text: '  zk1:2181  not serving (no quorum reached from this server)', tone: 'bad'});
		expect(lines).toContainEqual({text: '  zk2:2181  unrecognised srvr reply', tone: 'warn'});
	});

	it('calls a quorum with a majority serving and one leader ok, and two leaders bad', () => {
		const zookeeper = healthy.zookeeper!;
		const oneDown = reachLines({...healthy, zookeeper: {...zookeeper, servers: [
			zookeeper.servers[0]!, {host: '127.0.0.1', port: 2182, state: 'unreachable', error: 'timeout'}, zookeeper.servers[2]!,
		]}}, now);
		expect(oneDown[1]).toEqual({text: `zookeeper ${connect}: 2/3 serving, leader 127.0.0.1:2183`, tone: 'ok'});

		const twoLeaders = reachLines({...healthy, zookeeper: {...zookeeper, servers: [
			zookeeper.servers[2]!, {...zookeeper.servers[2]!, port: 2184} as ZkServerProbe, zookeeper.servers[0]!,
		]}}, now);
		expect(twoLeaders[1]).toEqual({text: `zookeeper ${connect}: 3/3 serving, 2 leaders`, tone: 'bad'});
	});

	it('calls exactly half of the ensemble serving bad: half is not a majority', () => {
		const zookeeper = healthy.zookeeper!;
		const down = (port: number): ZkServerProbe => ({host: '127.0.0.1', port, state: 'unreachable', error: 'timeout'});
		const lines = reachLines({...healthy, zookeeper: {...zookeeper, servers: [
			zookeeper.servers[0]!, zookeeper.servers[2]!, down(2182), down(2184),
		]}}, now);
		expect(lines[1]).toEqual({text: `zookeeper ${connect}: 2/4 serving, leader 127.0.0.1:2183`, tone: 'bad'});
	});

	it('flags a missing controller as bad when ZooKeeper was read without error', () => {
		const lines = reachLines({...healthy, zookeeper: {...healthy.zookeeper!, controllerId: undefined}}, now);
		expect(lines).toContainEqual({text: 'controller none', tone: 'bad'});
	});

	it('takes the cluster id from the brokers when ZooKeeper was not asked', () => {
		const lines = reachLines({...healthy, zookeeper: undefined}, now);
		expect(lines).toEqual([
			{text: 'cluster x6BZb0lrSUaLfWj8x0nV4Q', tone: 'plain'},
			{text: 'brokers answering metadata via 127.0.0.1:9092,127.0.0.1:9093,127.0.0.1:9094: 1, 2, 3; 4 topics', tone: 'ok'},
		]);
	});

	it('says the brokers were not reached when there is neither a view nor an error', () => {
		const lines = reachLines({...unhealthy, kafka: {bootstrap: [], view: undefined, error: undefined}}, now);
		expect(lines.at(-1)).toEqual({text: 'brokers: not reached', tone: 'bad'});
	});

	it('leaves out the registration age when the registration has no timestamp', () => {
		const registrations = [{...broker(1, 0), registeredAt: undefined, rack: undefined}];
		const lines = reachLines({...healthy, zookeeper: {...healthy.zookeeper!, registrations}}, now);
		expect(lines).toContainEqual({text: '  1  PLAINTEXT://127.0.0.1:9092', tone: 'plain'});
	});

	it('escapes control sequences in every string that came from the cluster', () => {
		const clear = '\u001B[2J';
		const reach: ClusterReach = {
			takenAt: now,
			zookeeper: {
				connect: `zk${clear}:2181`,
				servers: [
					{host: `evil${clear}`, port: 2181, state: 'unreachable', error: `refused${clear}`},
					{host: '127.0.0.1', port: 2182, state: 'srvr-refused'},
				],
				clusterId: `id${clear}`,
				controllerId: undefined,
				registrations: [{...broker(1, 1000), endpoints: [`PLAINTEXT://h${clear}:9092`], rack: `r${clear}\n`}],
				error: undefined,
			},
			kafka: {bootstrap: [`b${clear}:9092`], view: undefined, error: `down${clear}`},
		};
		const lines = reachLines(reach, now);
		const escaped = String.raw`\x1b[2J`;
		expect(lines.map(line => line.text)).toEqual([
			`cluster id${escaped}`,
			`zookeeper zk${escaped}:2181: 0/2 serving, 0 leaders`,
			`  evil${escaped}:2181  unreachable: refused${escaped}`,
			'  127.0.0.1:2182  srvr not whitelisted (4lw.commands.whitelist)',
			'controller none',
			'registered brokers (/brokers/ids): 1',
			String.raw`  1  PLAINTEXT://h\x1b[2J:9092  rack r\x1b[2J\n, registered 1s ago`,
			`brokers: down${escaped}`,
		]);
		for (const line of lines) expect(line.text).not.toContain('\u001B');
	});

	it('escapes the bootstrap list and cluster id the brokers reported', () => {
		const lines = reachLines({
			takenAt: now,
			zookeeper: undefined,
			kafka: {
				bootstrap: ['b\u001B]0;t\u0007:9092'],
				view: {brokers: [{id: 1, host: 'h', port: 9092, rack: undefined}], controllerId: 1, clusterId: 'c\u202E', topicCount: 0},
				error: undefined,
			},
		}, now);
		expect(lines.map(line => line.text)).toEqual([
			String.raw`cluster c\u202e`,
			String.raw`brokers answering metadata via b\x1b]0;t\x07:9092: 1; 0 topics`,
		]);
	});
});

describe('ago', () => {
	it.each([
		[0, '0s'],
		[-5000, '0s'],
		[89_000, '89s'],
		[300_000, '5m'],
		[89 * 60_000, '89m'],
		[7_200_000, '2h'],
		[47 * 3_600_000, '47h'],
		[3 * 86_400_000, '3d'],
	])('renders %i ms as %s', (ms, text) => {
		expect(ago(ms)).toBe(text);
	});
});
