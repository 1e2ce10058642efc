import {execFile} from 'node:child_process';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startNode, stopNode} from '../../cluster/harness.js';
import {repoRoot, zkNodes, zookeeperConnect} from '../../cluster/layout.js';
import {testKafka, uniqueTopic} from '../helpers/kafka.js';
import {startTmux, type TmuxSession} from '../helpers/tmux.js';

const run = promisify(execFile);
const log = () => undefined;
const interval = 2;
const adminFlag = `127.0.0.1:${zkNodes[2]!.clientPort}=${zkNodes[2]!.adminPort}`;

/** The built ktop, as an operator runs it, in a real terminal that reports what ktop left behind. */
async function startKtop(columns: number, rows: number): Promise<TmuxSession> {
	const ktop = `node ${path.join(repoRoot, 'dist', 'cli.js')} -z ${zookeeperConnect} --zk-admin ${adminFlag} -i ${interval}`;
	return startTmux(`sh -c 'echo BEFORE-KTOP; ${ktop}; echo "AFTER-KTOP rc=$?"; sleep 600'`, {columns, rows});
}

describe('the ktop TUI, driven in tmux against the real cluster', () => {
	const admin = testKafka().admin();
	const topic = uniqueTopic('tui-e2e');
	let session: TmuxSession | undefined;
	let stopped: string | undefined;

	beforeAll(async () => {
		// The test drives what users run: the compiled CLI.
		await run('npm', ['run', '--silent', 'build'], {cwd: repoRoot});
		await admin.connect();
		await admin.createTopics({topics: [{topic, numPartitions: 3, replicationFactor: 3}], waitForLeaders: true});
	});

	afterAll(async () => {
		await session?.kill();
		if (stopped) await startNode(stopped, log);
		await admin.deleteTopics({topics: [topic]}).catch(() => undefined);
		await admin.disconnect();
	});

	it('shows the ZooKeeper pane with one leader and two followers', async () => {
		session = await startKtop(120, 30);
		await session.waitForScreen('the header', screen => /zk 3\/3 leader 127\.0\.0\.1:\d+/.test(screen));
		expect((await session.modes()).alternateScreen).toBe(true);
		await session.send([':zk'], {literal: true});
		await session.send(['Enter']);
		const screen = await session.waitForScreen('three servers in the ZooKeeper pane', text =>
			(text.match(/^\s*\d+\s+127\.0\.0\.1:\d+\s+(leader\*|follower\b)/gm) ?? []).length === 3);
		expect(screen.match(/\bleader\*/g)?.length).toBe(1);
		expect(screen.match(/^\s*\d+\s+127\.0\.0\.1:\d+\s+follower\b/gm)?.length).toBe(2);
		expect(screen).toContain('mntr not whitelisted');
	});

	it('filters topics, opens one and shows its partitions with leaders and ISR', async () => {
		await session!.send([':topics'], {literal: true});
		await session!.send(['Enter']);
		await session!.send(['/']);
		await session!.send([topic], {literal: true});
		await session!.send(['Enter']);
		await session!.waitForScreen('the filtered topic', screen => screen.includes(topic) && !/\bpayments\b/.test(screen.split('\n').slice(5).join('\n')));
		await session!.send(['Enter']);
		const screen = await session!.waitForScreen('its partitions', text => text.includes(`partitions of ${topic}`) && /^\s+2\s+\d\s/m.test(text));
		for (const partition of [0, 1, 2]) {
			expect(screen).toMatch(new RegExp(`^\\s+${partition}\\s+[123]\\s+[123],[123],[123]\\s+[123],[123],[123]\\s`, 'm'));
		}
	});

	it('shows under-replicated partitions in the header and the topic within two refreshes of killing kafka2, and clears them after', async () => {
		await stopNode('kafka2', log);
		stopped = 'kafka2';
		// The broker's ZooKeeper session (6 s) must expire before the controller shrinks the ISR; then two refreshes.
		const degraded = await session!.waitForScreen('URP in the header and out-of-ISR markers', screen =>
			/\b[1-9]\d* URP\b/.test(screen) && /\b2!/.test(screen), 6000 + (2 * interval * 1000) + 8000);
		expect(degraded).toMatch(new RegExp(`partitions of ${topic}`));

		await startNode('kafka2', log);
		stopped = undefined;
		const healed = await session!.waitForScreen('no URP and a full ISR again', screen => /\b0 URP\b/.test(screen) && !/\b2!/.test(screen), 60_000);
		expect(healed).toMatch(/^\s+0\s+\d\s+[123],[123],[123]\s+[123],[123],[123]\s/m);
	});

	it('quits on q and leaves the terminal as it found it', async () => {
		await session!.send(['q']);
		const screen = await session!.waitForScreen('the shell after ktop', text => text.includes('AFTER-KTOP rc=0'));
		expect(screen).toContain('BEFORE-KTOP');
		expect(screen).not.toContain('URP');
		expect(await session!.modes()).toEqual({alternateScreen: false, cursorVisible: true});
		await session!.kill();
		session = undefined;
	});

	it('restores the terminal on Ctrl-C too, at 80x24', async () => {
		session = await startKtop(80, 24);
		await session.waitForScreen('the header', screen => /zk 3\/3/.test(screen));
		const frame = await session.screen();
		expect(frame.split('\n').every(line => line.length <= 80)).toBe(true);
		await session.send(['C-c']);
		await session.waitForScreen('the shell after ktop', text => text.includes('AFTER-KTOP rc=0'));
		expect(await session.modes()).toEqual({alternateScreen: false, cursorVisible: true});
	});
});
