import {execFile, spawn} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {bootstrapServers, repoRoot, secureLayout} from '../../cluster/layout.js';
import {Unready, waitFor} from '../../cluster/wait-for.js';
import {openClusterReader} from '../../source/model/cluster-reader.js';
import {ktop} from '../helpers/run-ktop.js';
import {startTmux, type TmuxSession} from '../helpers/tmux.js';

const run = promisify(execFile);
const zookeeper = secureLayout.zookeeperConnect;
// Digest auth takes any user:password (Kafka's ACLs let anyone read); a distinctive one to grep for.
const secret = `zk-secret-${randomBytes(6).toString('hex')}`;
const refusal = `ZooKeeper ${zookeeper} refused ktop: it requires authentication (the server closed the session at the first read: enforce.auth.enabled); give --zk-auth digest:user:password if the ensemble accepts digest; ZooKeeper over SASL is not supported by ktop's client`;

type Json = {
	brokersOnly: {reason: string; chosen: boolean} | null;
	notJudged: Array<{code: string}>;
	zookeeper: {servers: Array<{mode: string}>} | null;
	brokers: Array<{id: number; registered: boolean; inMetadata: boolean; reachable: boolean}>;
	clusterId: string | null;
	errors: Array<{source: string; message: string}>;
};

/*
The secure cluster's ZooKeeper (enforce.auth.enabled, digest accepted). ktop's TLS/SASL client for
the brokers is another helper's part, so the brokers here are the plain cluster's when a test needs
brokers that answer: ZooKeeper's side is what is under test.
*/
describe('a ZooKeeper that requires authentication', () => {
	it('without --zk-auth: refused, said so with what to do, brokers-only; its servers still probed', async () => {
		const result = await ktop(['snapshot', '--json', '-z', zookeeper]);
		const json = JSON.parse(result.stdout) as Json;
		expect(json.brokersOnly?.chosen).toBe(false);
		expect(json.brokersOnly?.reason).toContain(refusal);
		expect(json.zookeeper?.servers.map(server => server.mode)).toEqual(['standalone']);
		expect(json.notJudged.map(entry => entry.code)).toContain('BROKER_NOT_REGISTERED');
		expect(json.notJudged.map(entry => entry.code)).not.toContain('ZK_QUORUM_LOST');
		expect(json.errors).toEqual([{source: 'kafka', message: 'no brokers to ask: ZooKeeper refused ktop, so their registrations in /brokers/ids could not be read; give the brokers with --bootstrap'}]);
	});

	it('refused, with brokers that answer: check runs on the brokers and is UNKNOWN, not OK, unless something is wrong', async () => {
		const result = await ktop(['check', '-z', zookeeper, '-b', bootstrapServers.join(',')]);
		expect(result.stdout).toContain(`NOT_JUDGED                 zookeeper: cannot be judged without ZooKeeper: ${refusal}`);
		const summary = /^KTOP (OK|WARNING|CRITICAL|UNKNOWN) - .*; brokers only, 9 checks not judged$/m.exec(result.stdout);
		expect(summary?.[1]).not.toBe('OK');
		expect(result.code).toBe(['OK', 'WARNING', 'CRITICAL', 'UNKNOWN'].indexOf(summary![1]!));
		expect(result.stdout).not.toMatch(/SOURCE_FAILED\s+zookeeper/);
	});

	it('refused, ktop holds no action back for ZooKeeper\'s sake: its probes show the server serving', async () => {
		const reader = openClusterReader({zookeeper, bootstrap: bootstrapServers});
		try {
			const read = await reader.read();
			expect(read.brokersOnly?.reason).toContain(refusal);
			expect(read.kafka?.brokers.length).toBeGreaterThan(0);
			expect(reader.zookeeperTrouble()).toBeUndefined();
		} finally {
			await reader.close();
		}
	});

	it('with --zk-auth digest: reads /brokers/ids (brokers 1 and 2 registered), and the secret is nowhere in the output', async () => {
		const result = await ktop(['snapshot', '--json', '-z', zookeeper, '--zk-auth', `digest:ktop:${secret}`]);
		const json = JSON.parse(result.stdout) as Json;
		expect(json.brokersOnly).toBeNull();
		expect(json.notJudged).toEqual([]);
		expect(json.clusterId).not.toBeNull();
		expect(json.brokers.filter(broker => broker.registered).map(broker => broker.id)).toEqual([1, 2]);
		expect(result.stdout + result.stderr).not.toContain(secret);

		// `digest:ktop:x` as an operator would type it, from the environment.
		const fromEnv = JSON.parse((await ktop(['snapshot', '--json', '-z', zookeeper], {KTOP_ZK_AUTH: 'digest:ktop:x'})).stdout) as Json;
		expect(fromEnv.brokers.filter(broker => broker.registered).map(broker => broker.id)).toEqual([1, 2]);
	});

	it('hides --zk-auth from the process list once running: /proc/<pid>/cmdline is ktop\'s title, without the secret', async () => {
		await run('npm', ['run', '--silent', 'build'], {cwd: repoRoot});
		const child = spawn('node', [path.join(repoRoot, 'dist', 'cli.js'), 'snapshot', '-z', zookeeper, '--zk-auth', `digest:ktop:${secret}`, '--samples', '5', '-i', '1'], {stdio: 'ignore'});
		try {
			const cmdline = await waitFor(async () => {
				const text = fs.readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
				return text.startsWith('ktop') ? text : new Unready(`cmdline still "${text.replace(secret, '<secret>')}"`);
			}, {timeoutMs: 20_000, intervalMs: 100, what: 'the process title'});
			expect(cmdline.startsWith('ktop')).toBe(true);
			expect(cmdline).not.toContain(secret);
		} finally {
			child.kill();
		}
	});

	it('a scheme the server rejects: AUTH_FAILED, naming the scheme and not the secret', async () => {
		const result = await ktop(['snapshot', '-z', zookeeper, '--zk-auth', `bogus:${secret}`]);
		expect(result.stdout).toContain(`zookeeper not read, brokers only: ZooKeeper ${zookeeper} refused ktop with bogus auth (AUTH_FAILED); check the user and password`);
		expect(result.stdout + result.stderr).not.toContain(secret);
	});
});

describe('the TUI on a ZooKeeper that requires authentication, in tmux', () => {
	let session: TmuxSession | undefined;
	const logFile = path.join(os.tmpdir(), `ktop-zk-auth-${process.pid}.log`);
	beforeAll(async () => {
		await run('npm', ['run', '--silent', 'build'], {cwd: repoRoot});
	});

	afterAll(async () => {
		await session?.kill();
		fs.rmSync(logFile, {force: true});
	});

	it('without auth: the ZooKeeper pane shows the server and says ktop was refused; with auth: the brokers registered', async () => {
		const cli = `node ${path.join(repoRoot, 'dist', 'cli.js')}`;
		session = await startTmux(`sh -c '${cli} -z ${zookeeper} -b ${bootstrapServers.join(',')} -i 2; sleep 600'`, {columns: 250, rows: 40});
		await session.waitForScreen('the refused header', screen => screen.includes('zk 1/1, refused ktop: brokers only'));
		await session.send([':zk'], {literal: true});
		await session.send(['Enter']);
		await session.waitForScreen('the refusal in the ZooKeeper pane', screen => screen.includes(`brokers only: ZooKeeper ${zookeeper} refused ktop: it requires authentication`) && /standalone/.test(screen));
		await session.kill();

		session = await startTmux(`sh -c '${cli} -z ${zookeeper} --zk-auth digest:ktop:${secret} --log-file ${logFile} -i 2; sleep 600'`, {columns: 250, rows: 40});
		await session.waitForScreen('the header with ZooKeeper read', screen => /zk 1\/1 leader 127\.0\.0\.1:\d+ │ brokers 0\/2 up/.test(screen));
		await session.send([':brokers'], {literal: true});
		await session.send(['Enter']);
		const screen = await session.waitForScreen('both brokers registered', text => /2 brokers: 0 reachable, 2 registered/.test(text));
		expect(screen).not.toContain(secret);
		expect(fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '').not.toContain(secret);
	});
});
