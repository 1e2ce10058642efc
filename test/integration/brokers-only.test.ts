import {execFile} from 'node:child_process';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {bootstrapServers, repoRoot} from '../../cluster/layout.js';
import {openClusterReader} from '../../source/model/cluster-reader.js';
import {ktop} from '../helpers/run-ktop.js';
import {startTmux, type TmuxSession} from '../helpers/tmux.js';

const run = promisify(execFile);
const brokers = ['-b', bootstrapServers.join(',')];

type Json = {
	brokersOnly: {reason: string; chosen: boolean} | null;
	notJudged: Array<{code: string; needs: string; reason: string}>;
	zookeeper: unknown;
	controller: {brokerId: number} | null;
	brokers: Array<{id: number; reachable: boolean; registered: boolean; inMetadata: boolean}>;
	findings: Array<{code: string}>;
};

/*
Brokers-only against the plain cluster: `-b` with --brokers-only never reads ZooKeeper, and
everything the brokers tell still comes through. Plain `-b` alone still finds ZooKeeper through the
brokers' zookeeper.connect, and is not brokers-only.
*/
describe('brokers-only on the plain cluster', () => {
	it('snapshot --json: the controller from the metadata, every broker reachable, ZooKeeper\'s checks listed as not judged', async () => {
		const result = await ktop(['snapshot', '--json', '--brokers-only', ...brokers]);
		expect(result.code).toBe(0);
		const json = JSON.parse(result.stdout) as Json;
		expect(json.brokersOnly).toEqual({reason: '--brokers-only: ZooKeeper is not read', chosen: true});
		expect(json.zookeeper).toBeNull();
		expect(json.brokers.map(broker => [broker.id, broker.reachable, broker.inMetadata, broker.registered])).toEqual([[1, true, true, false], [2, true, true, false], [3, true, true, false]]);
		expect(json.notJudged.map(entry => entry.code)).toEqual(expect.arrayContaining(['ZK_QUORUM_LOST', 'BROKER_NOT_REGISTERED', 'METADATA_MISMATCH', 'UNDER_MIN_ISR']));
		expect(json.findings.map(finding => finding.code)).not.toContain('SOURCE_FAILED');

		// The same controller ZooKeeper names, read with ZooKeeper.
		const full = JSON.parse((await ktop(['snapshot', '--json', ...brokers])).stdout) as Json;
		expect(full.brokersOnly).toBeNull();
		expect(full.notJudged).toEqual([]);
		expect(full.zookeeper).not.toBeNull();
		expect(json.controller?.brokerId).toBe(full.controller?.brokerId);
	});

	it('check: says which checks were not judged and that it ran brokers only; OK is 0 since --brokers-only asked for it', async () => {
		const result = await ktop(['check', '--brokers-only', ...brokers]);
		expect(result.stdout).toMatch(/^UNKNOWN +NOT_JUDGED +zookeeper: cannot be judged without ZooKeeper: --brokers-only: ZooKeeper is not read: ZK_QUORUM_LOST, /m);
		const summary = /^KTOP (OK|WARNING|CRITICAL|UNKNOWN) - .*; brokers only, 13 checks not judged$/m.exec(result.stdout);
		expect(summary).not.toBeNull();
		expect(result.code).toBe(['OK', 'WARNING', 'CRITICAL', 'UNKNOWN'].indexOf(summary![1]!));
	});

	it('holds no action back for a ZooKeeper it cannot see (brokers-only would otherwise never write)', async () => {
		const reader = openClusterReader({zookeeper: undefined, bootstrap: bootstrapServers, brokersOnly: true});
		try {
			const read = await reader.read();
			expect(read.brokersOnly).toEqual({reason: '--brokers-only: ZooKeeper is not read', chosen: true});
			expect(read.zkServers).toBeUndefined();
			expect(reader.zookeeperTrouble()).toBeUndefined();
		} finally {
			await reader.close();
		}

		// Without --brokers-only and before ZooKeeper is read, it does hold them back.
		const unread = openClusterReader({zookeeper: undefined, bootstrap: bootstrapServers});
		expect(unread.zookeeperTrouble()).toMatch(/has not read ZooKeeper yet/);
		await unread.close();
	});

	it('refuses --brokers-only with -z, as bad usage (exit 64 for check)', async () => {
		const result = await ktop(['check', '--brokers-only', '-z', '127.0.0.1:2181', ...brokers]);
		expect(result.code).toBe(64);
		expect(result.stderr).toBe('ktop: --brokers-only and --zookeeper exclude each other: --brokers-only never reads ZooKeeper\n');
	});
});

describe('the brokers-only TUI, in tmux', () => {
	let session: TmuxSession | undefined;
	beforeAll(async () => {
		await run('npm', ['run', '--silent', 'build'], {cwd: repoRoot});
	});

	afterAll(async () => {
		await session?.kill();
	});

	it('says brokers only in the header, why the ZooKeeper pane is empty, and lists the checks not judged in health', async () => {
		const command = `node ${path.join(repoRoot, 'dist', 'cli.js')} --brokers-only ${brokers.join(' ')} -i 2`;
		session = await startTmux(`sh -c '${command}; sleep 600'`, {columns: 200, rows: 40});
		await session.waitForScreen('the brokers-only header', screen => /ktop │ zk not read: brokers only │ brokers 3\/3 up │ controller \d/.test(screen));
		await session.send([':zk'], {literal: true});
		await session.send(['Enter']);
		await session.waitForScreen('the ZooKeeper pane saying why', screen => screen.includes('ZooKeeper not read · brokers only: --brokers-only: ZooKeeper is not read · not judged: ZK_QUORUM_LOST'));
		await session.send([':health'], {literal: true});
		await session.send(['Enter']);
		const screen = await session.waitForScreen('health listing the checks not judged', text => /\?\s+BROKER_NOT_REGISTERED\s+not judged\s+cannot be judged without ZooKeeper/.test(text));
		expect(screen).toMatch(/13 checks cannot be judged without ZooKeeper \(brokers only\)/);
	});
});
