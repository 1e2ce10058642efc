import {afterAll, describe, expect, it} from 'vitest';
import {startNode, stopNode} from '../../cluster/harness.js';
import {zkNodes} from '../../cluster/layout.js';
import {Unready, waitFor} from '../../cluster/wait-for.js';
import {sendFourLetterWord} from '../../source/cluster/zookeeper/four-letter-word.js';
import {parseSrvr, type SrvrStats} from '../../source/cluster/zookeeper/parse-srvr.js';
import {openZkSession} from '../../source/cluster/zookeeper/session.js';

const log = () => undefined;

async function modes(): Promise<Map<string, SrvrStats['mode'] | string>> {
	const entries = await Promise.all(zkNodes.map(async node => {
		const reply = await sendFourLetterWord('127.0.0.1', node.clientPort, 'srvr', 1500);
		if (!reply.ok) return [node.name, 'unreachable'] as const;
		const parsed = parseSrvr(reply.text);
		return [node.name, parsed.kind === 'serving' ? parsed.stats.mode : parsed.kind] as const;
	}));
	return new Map(entries);
}

async function settledQuorum(expected: string[]): Promise<Map<string, string>> {
	return waitFor(async () => {
		const current = await modes();
		const serving = expected.filter(name => ['leader', 'follower'].includes(current.get(name) ?? ''));
		const leaders = expected.filter(name => current.get(name) === 'leader');
		return serving.length === expected.length && leaders.length === 1 ? current : new Unready(JSON.stringify([...current]));
	}, {timeoutMs: 60_000, what: `a settled quorum of ${expected.join(', ')}`});
}

describe('the local ZooKeeper ensemble', () => {
	let stopped: string | undefined;
	afterAll(async () => {
		if (stopped) await startNode(stopped, log);
	});

	it('has exactly one leader and two followers, each answering srvr', async () => {
		const current = await settledQuorum(zkNodes.map(node => node.name));
		const values = [...current.values()].sort();
		expect(values).toEqual(['follower', 'follower', 'leader']);
	});

	it('lists every server with its client address in /zookeeper/config', async () => {
		const session = await openZkSession(zkNodes.map(node => `127.0.0.1:${node.clientPort}`).join(','));
		try {
			const config = await session.getConfig();
			for (const node of zkNodes) {
				expect(config).toContain(`server.${node.id}=127.0.0.1:${node.quorumPort}:${node.electionPort}:participant;127.0.0.1:${node.clientPort}`);
			}
		} finally {
			session.close();
		}
	});

	it('keeps ZooKeeper\'s default whitelist on zk3 and allows mntr on zk1', async () => {
		const locked = await sendFourLetterWord('127.0.0.1', zkNodes[2]!.clientPort, 'mntr');
		const open = await sendFourLetterWord('127.0.0.1', zkNodes[0]!.clientPort, 'mntr');
		expect(locked).toEqual({ok: true, text: expect.stringContaining('mntr is not executed because it is not in the whitelist')});
		expect(open.ok && open.text).toMatch(/^zk_server_state\t(leader|follower)$/m);
	});

	it('elects a new leader among the other two when the leader is killed', async () => {
		const before = await settledQuorum(zkNodes.map(node => node.name));
		const leader = [...before].find(([, mode]) => mode === 'leader')![0];
		await stopNode(leader, log);
		stopped = leader;

		const others = zkNodes.map(node => node.name).filter(name => name !== leader);
		const after = await settledQuorum(others);
		expect(after.get(leader)).toBe('unreachable');
		const newLeader = others.find(name => after.get(name) === 'leader');
		expect(newLeader).toBeDefined();

		await startNode(leader, log);
		stopped = undefined;
		const restored = await settledQuorum(zkNodes.map(node => node.name));
		expect([...restored.values()].sort()).toEqual(['follower', 'follower', 'leader']);
	});
});
