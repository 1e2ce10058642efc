import {execFile} from 'node:child_process';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {home, kafkaNodes, portsFromEnv, repoRoot, zkNodes} from '../../cluster/layout.js';
import {Unready, waitFor} from '../../cluster/wait-for.js';
import {sendFourLetterWord} from '../../source/cluster/zookeeper/four-letter-word.js';
import {createKafkaReader} from '../../source/cluster/zookeeper/kafka-reader.js';
import {parseSrvr} from '../../source/cluster/zookeeper/parse-srvr.js';
import {openZkSession} from '../../source/cluster/zookeeper/session.js';
import {openClusterReader} from '../../source/model/cluster-reader.js';
import {createStore} from '../../source/model/store.js';
import type {ClusterSnapshot} from '../../source/model/types.js';
import {clusterLine} from '../../source/ui/header-lines.js';
import {ktop} from '../helpers/run-ktop.js';
import {zookeeperWriter} from '../helpers/zookeeper-writer.js';

const run = promisify(execFile);

/**
A second, classic ensemble beside the shared cluster: zoo.cfg as most deployments (and every 3.4)
write it, `server.N=host:quorum:election` with `clientPort=`, so /zookeeper/config carries no client
address. Its ports are the shared cluster's moved by 30 (ZooKeeper: by 10 they met the secure cluster's 2191) and 3 (Kafka), its state in
a folder of its own; this file starts it and stops it.
*/
const zkShift = 30;
const shift = (ports: number[], by: number) => ports.map(port => port + by).join(',');
const classicEnv: NodeJS.ProcessEnv = {
	...process.env,
	KTOP_CLUSTER_DIR: `${home}-classic`,
	KTOP_ZK_PORTS: shift(zkNodes.map(node => node.clientPort), zkShift),
	KTOP_ZK_QUORUM_PORTS: shift(zkNodes.map(node => node.quorumPort), zkShift),
	KTOP_ZK_ELECTION_PORTS: shift(zkNodes.map(node => node.electionPort), zkShift),
	KTOP_ZK_ADMIN_PORT: shift(portsFromEnv('KTOP_ZK_ADMIN_PORT', [8183]), zkShift),
	KTOP_KAFKA_PORTS: shift(kafkaNodes.map(node => node.port), 3),
	KTOP_ZK_CLASSIC_CONFIG: '1',
	KTOP_CLUSTER_ZOOKEEPER_ONLY: '1',
};
const clientPorts = zkNodes.map(node => node.clientPort + zkShift);
const brokerPort = kafkaNodes[0]!.port + 3;
const address = (port: number) => `127.0.0.1:${port}`;

async function harness(...args: string[]): Promise<string> {
	const {stdout} = await run(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), [path.join(repoRoot, 'cluster', 'cli.ts'), ...args], {env: classicEnv, timeout: 240_000});
	return stdout;
}

async function modes(): Promise<Map<number, string>> {
	return new Map(await Promise.all(clientPorts.map(async port => {
		const reply = await sendFourLetterWord('127.0.0.1', port, 'srvr', 1500);
		const parsed = reply.ok ? parseSrvr(reply.text) : undefined;
		return [port, parsed?.kind === 'serving' ? parsed.stats.mode : 'down'] as const;
	})));
}

/** One refresh through the reader and store the TUI uses, and the TUI's own header line for it. */
async function read(zookeeper: string, bootstrap?: string[]): Promise<{snapshot: ClusterSnapshot; header: string}> {
	const reader = openClusterReader({zookeeper, bootstrap});
	try {
		const store = createStore();
		store.update(await reader.read());
		const snapshot = store.getSnapshot()!;
		return {snapshot, header: clusterLine(snapshot, zookeeper, false).map(span => span.text).join('')};
	} finally {
		await reader.close();
	}
}

const zkCodes = (snapshot: ClusterSnapshot) => snapshot.findings.filter(finding => finding.code.startsWith('ZK_')).map(finding => `${finding.code} ${finding.subject}`);

describe('a classic zoo.cfg ensemble (no client addresses in /zookeeper/config)', () => {
	let leader: number;
	let followers: number[];

	beforeAll(async () => {
		await harness('reset');
		await harness('up');
		const settled = await waitFor(async () => {
			const current = await modes();
			const leaders = [...current].filter(([, mode]) => mode === 'leader');
			const following = [...current].filter(([, mode]) => mode === 'follower');
			return leaders.length === 1 && following.length === 2 ? current : new Unready(JSON.stringify([...current]));
		}, {timeoutMs: 60_000, what: 'the classic ensemble to settle'});
		leader = [...settled].find(([, mode]) => mode === 'leader')![0];
		followers = [...settled].filter(([, mode]) => mode === 'follower').map(([port]) => port);
	});

	afterAll(async () => {
		await harness('down');
	});

	it('really is classic: ZooKeeper 3.8 lists the members without client addresses', async () => {
		const session = await openZkSession(clientPorts.map(address).join(','), 10_000);
		try {
			const config = await session.getConfig();
			expect(config).toMatch(/^server\.1=127\.0\.0\.1:\d+:\d+:participant$/m);
			expect(config).not.toContain(';');
		} finally {
			session.close();
		}
	});

	it('-z naming only a follower: no ZK_NO_LEADER, quorum ok with the leader unseen, and the members it could not probe said once', async () => {
		const {snapshot, header} = await read(address(followers[0]!));
		expect(snapshot.zookeeper!.quorum).toMatchObject({size: 3, serving: 1, unprobed: 2, state: 'ok', leaderState: 'unseen', hasQuorum: true});
		expect(zkCodes(snapshot)).toEqual(['ZK_MEMBERS_UNPROBED zookeeper']);
		expect(snapshot.findings.find(finding => finding.code === 'ZK_MEMBERS_UNPROBED')!.message)
			.toBe('2 members of 3 not probed: no client address known; give them with -z');
		expect(header).toContain('zk 1/3, 2 not probed leader not probed');
		expect(header).not.toMatch(/NO LEADER|QUORUM LOST/);
	});

	it('-z naming only the leader: it leads, so a quorum holds; its own count of synced followers says how many serve', async () => {
		const {snapshot, header} = await read(address(leader));
		// The leader's mntr is whitelisted on zk1 and zk2 only; without it the count stays at what was probed.
		const synced = snapshot.zookeeper!.servers[0]!.monitor?.syncedFollowers;
		expect(snapshot.zookeeper!.quorum).toMatchObject({size: 3, serving: synced === undefined ? 1 : 3, unprobed: 2, state: 'ok', leaderState: 'one'});
		expect(zkCodes(snapshot)).not.toContain('ZK_NO_LEADER zookeeper');
		expect(zkCodes(snapshot)).not.toContain('ZK_QUORUM_LOST zookeeper');
		expect(header).toContain(`leader ${address(leader)}`);
	});

	it('-z naming two servers, and `ktop check` agrees with the header: no ZooKeeper alarm', async () => {
		const two = [followers[1]!, leader].map(address).join(',');
		const {snapshot, header} = await read(two);
		const synced = snapshot.zookeeper!.servers.find(server => server.mode === 'leader')!.monitor?.syncedFollowers;
		const serving = synced === undefined ? 2 : 3;
		expect(snapshot.zookeeper!.quorum).toMatchObject({size: 3, serving, unprobed: 1, state: 'ok', leaderState: 'one'});
		expect(header).toContain(`zk ${serving}/3, 1 not probed leader ${address(leader)}`);
		for (const connect of [address(followers[0]!), address(leader), two]) {
			const result = await ktop(['check', '-z', connect]);
			expect(result.stdout).not.toMatch(/ZK_NO_LEADER|ZK_QUORUM_LOST/);
			expect(result.stdout).toMatch(/^INFO\s+ZK_MEMBERS_UNPROBED\s+zookeeper: \d members? of 3 not probed: no client address known; give (them|it) with -z$/m);
		}
	});

	it('with a broker on the ensemble, its zookeeper.connect gives the other members: all three probed, and check is OK', async () => {
		await harness('start', 'kafka1');
		const {snapshot, header} = await read(address(followers[0]!));
		expect(snapshot.zookeeper!.servers.map(server => server.address).sort()).toEqual(clientPorts.map(address).sort());
		expect(snapshot.zookeeper!.quorum).toMatchObject({size: 3, serving: 3, unprobed: 0, state: 'ok', leaderState: 'one', leader: address(leader)});
		expect(header).toContain(`zk 3/3 leader ${address(leader)}`);
		const result = await waitFor(async () => {
			const check = await ktop(['check', '-z', address(followers[0]!), '-b', address(brokerPort)]);
			return check.code === 0 ? check : new Unready(check.stdout);
		}, {timeoutMs: 60_000, intervalMs: 2000, what: 'check on the classic cluster to be OK'});
		expect(result.stdout).toMatch(/^KTOP OK - 0 critical, 0 warning, \d+ info; cluster \S+$/m);
		expect(result.stdout).not.toContain('ZK_MEMBERS_UNPROBED');
	});

	// ZooKeeper 3.8 logs the refusal ("Refusing session request for client … as it has seen zxid …") only at
	// debug level, so the test holds to what ktop must do whatever the server said: never pass the old cache off.
	it('an ensemble restored from an older state (it refuses the session: "has seen zxid"): the reader says so instead of serving its cache, then opens a new session', async () => {
		// A registration of its own (the broker of the test before may or may not be there), and zxids to remember.
		const writer = await zookeeperWriter(clientPorts.map(address).join(','));
		for (const node of ['/brokers', '/brokers/ids']) await writer.create(node, '', 0).catch(() => undefined);
		await writer.create('/brokers/ids/7', JSON.stringify({endpoints: ['PLAINTEXT://127.0.0.1:1'], version: 5, timestamp: '1'}), 0).catch(() => undefined);
		writer.close();
		const reader = createKafkaReader(clientPorts.map(address).join(','), {sessionTimeoutMs: 10_000, readTimeoutMs: 5000});
		try {
			const before = await reader.read();
			expect(before.kafka?.registrations.length).toBeGreaterThan(0);
			// The same addresses, a fresh ensemble: its zxids are far below what the session has seen.
			await harness('down');
			await harness('reset');
			await harness('up');
			const reads: Array<Awaited<ReturnType<typeof reader.read>>> = [];
			const renewed = await waitFor(async () => {
				const read = await reader.read();
				reads.push(read);
				return read.fullRead && read.kafka !== undefined ? read : new Unready(read.errors.map(error => error.message).join('; '));
			}, {timeoutMs: 60_000, intervalMs: 500, what: 'a new session on the fresh ensemble'});
			// Never the cached registrations of the old ensemble passed off as current: an error, then the fresh (empty) view.
			expect(reads.filter(read => (read.kafka?.registrations.length ?? 0) > 0)).toEqual([]);
			for (const read of reads.slice(0, -1)) expect(read.errors[0]?.message).toMatch(/^not connected to ZooKeeper since /);
			expect(renewed.kafka!.registrations).toEqual([]);
		} finally {
			reader.close();
		}
	});
});

