import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {beforeAll, describe, expect, it} from 'vitest';
import {bootstrapServers, zookeeperConnect} from '../../cluster/layout.js';
import {compareVersions, describeVersion, knownZookeeper, defaultKafkaVersion} from '../../cluster/versions.js';
import {Unready, waitFor} from '../../cluster/wait-for.js';
import {openZkSession} from '../../source/cluster/zookeeper/session.js';
import {uniqueTopic} from '../helpers/kafka.js';
import {ktop} from '../helpers/run-ktop.js';
import {compatVersion} from './compat-env.js';
import {kafkaTools, parseGroupDescribe, parseTopicDescribe} from './kafka-tools.js';

/*
ktop's read path against one older release (npm run test:compat -- --kafka <version>): what
snapshot --json says about a topic and a group this file makes, next to what that release's own
kafka-topics and kafka-consumer-groups say; check on the healthy cluster; consume reading back.
*/

const run = promisify(execFile);
const version = compatVersion();
const tools = kafkaTools(version);
const connect = ['-z', zookeeperConnect, '-b', bootstrapServers.join(',')];
const topic = uniqueTopic('compat');
const group = `${topic}-group`;
const records = Array.from({length: 30}, (_, index) => `key-${index}:value-${index}`);

type SnapshotJson = {
	zookeeper: {servers: Array<{address: string; mode: string | null}>};
	topics: Array<{name: string; partitions: Array<{partition: number; leader: number; replicas: number[]; isr: number[]; highWatermark: number | null}>}>;
	groups: Array<{groupId: string; state: string; partitions: Array<{topic: string; partition: number; committed: number | null; highWatermark: number | null; lag: number | null}>}>;
	findings: Array<{severity: string; code: string; subject: string; message: string}>;
	errors: unknown[];
};

async function snapshot(): Promise<SnapshotJson> {
	const {code, stdout, stderr} = await ktop(['snapshot', '--json', ...connect]);
	expect(code, stderr).toBe(0);
	return JSON.parse(stdout) as SnapshotJson;
}

beforeAll(async () => {
	await tools.topics(['--create', '--topic', topic, '--partitions', '3', '--replication-factor', '3']);
	// Every partition led and fully in sync before anything is compared.
	await waitFor(async () => {
		const lines = parseTopicDescribe(await tools.topics(['--describe', '--topic', topic]));
		return lines.length === 3 && lines.every(line => line.leader >= 0 && line.isr.length === 3) ? true : new Unready(`${topic}: ${JSON.stringify(lines)}`);
	}, {timeoutMs: 60_000, what: `${topic} to have 3 led, in-sync partitions`});
	// Keyed, uncompressed (zstd is 2.1+): kcat spreads them over the partitions by key.
	await run('sh', ['-c', `printf '%s\\n' "$@" | kcat -P -b ${bootstrapServers[0]} -t ${topic} -K: -z none`, 'kcat', ...records], {timeout: 60_000});
	// A group without members whose committed offsets are the start of each partition: its lag is every record.
	await tools.groups(['--reset-offsets', '--group', group, '--topic', topic, '--to-earliest', '--execute']);
}, 240_000);

describe(`read path on ${describeVersion(version)}`, () => {
	it('snapshot --json agrees with kafka-topics --describe on leaders, replicas and ISR', async () => {
		const described = parseTopicDescribe(await tools.topics(['--describe', '--topic', topic]));
		const ours = (await snapshot()).topics.find(candidate => candidate.name === topic);
		expect(ours).toBeDefined();
		const mine = ours!.partitions.map(({partition, leader, replicas, isr}) => ({partition, leader, replicas, isr: [...isr].sort()}))
			.sort((a, b) => a.partition - b.partition);
		expect(mine).toEqual(described.map(line => ({...line, isr: [...line.isr].sort()})));
		expect(ours!.partitions.reduce((sum, partition) => sum + (partition.highWatermark ?? 0), 0)).toBe(records.length);
	});

	it('snapshot --json agrees with kafka-consumer-groups --describe on committed offsets, ends and lag', async () => {
		const rows = parseGroupDescribe(await tools.groups(['--describe', '--group', group]));
		expect(rows.map(row => row.partition)).toEqual([0, 1, 2]);
		const ours = (await snapshot()).groups.find(candidate => candidate.groupId === group);
		expect(ours).toBeDefined();
		const mine = ours!.partitions.filter(partition => partition.topic === topic).sort((a, b) => a.partition - b.partition);
		expect(mine.map(({partition, committed, highWatermark, lag}) => ({partition, current: String(committed), end: String(highWatermark), lag: String(lag)})))
			.toEqual(rows.map(({partition, current, end, lag}) => ({partition, current, end, lag})));
		expect(mine.reduce((sum, partition) => sum + (partition.lag ?? 0), 0)).toBe(records.length);
	});

	it('ZooKeeper: all three members serve, with no membership alarm (3.4 has no /zookeeper/config)', async () => {
		const zookeeper = version.zookeeper ?? knownZookeeper[version.kafka ?? defaultKafkaVersion] ?? '3.8.4';
		const session = await openZkSession(zookeeperConnect, 10_000);
		try {
			const config = await session.getData('/zookeeper/config');
			if (compareVersions(zookeeper, '3.5.0') < 0) expect(config).toBeUndefined();
			else expect(config).toBeDefined();
		} finally {
			session.close();
		}

		const taken = await snapshot();
		expect(taken.zookeeper.servers.map(server => server.mode).sort()).toEqual(['follower', 'follower', 'leader']);
		expect(taken.findings.filter(finding => finding.code.startsWith('ZK_') && finding.severity !== 'info')).toEqual([]);
	});

	it('ktop consume --exit reads every record back', async () => {
		const {code, stdout, stderr} = await ktop(['consume', topic, '--from', 'beginning', '--exit', ...connect]);
		expect(code, stderr).toBe(0);
		// partition, offset, timestamp, key, value: tab-separated
		const read = stdout.split('\n').filter(Boolean).map(line => line.split('\t')).map(cells => `${cells[3]}:${cells[4]}`);
		expect(read.sort()).toEqual([...records].sort());
	});

	it('ktop check exits 0 on the healthy cluster, with no warning or critical finding', async () => {
		// The group's lag above is, rightly, a stopped group: catch it up first.
		await tools.groups(['--reset-offsets', '--group', group, '--topic', topic, '--to-latest', '--execute']);
		const {code, stdout, stderr} = await ktop(['check', ...connect]);
		expect(stdout.split('\n').filter(line => /^(WARNING|CRITICAL|UNKNOWN)\b/.test(line)), stderr).toEqual([]);
		expect(code, stdout + stderr).toBe(0);
	});
});
