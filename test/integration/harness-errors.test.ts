import {execFile} from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {libDir, repoRoot} from '../../cluster/layout.js';

const run = promisify(execFile);
const tsxCli = path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const harnessCli = path.join(repoRoot, 'cluster', 'cli.ts');

/** Runs the harness on a scratch state folder and scratch ports, so the shared cluster is untouched. */
async function harness(args: string[], env: NodeJS.ProcessEnv): Promise<{code: number; output: string}> {
	try {
		const {stdout, stderr} = await run(process.execPath, [tsxCli, harnessCli, ...args], {env: {...process.env, ...env}, timeout: 60_000});
		return {code: 0, output: stdout + stderr};
	} catch (error) {
		const failed = error as {code: number; stdout: string; stderr: string};
		return {code: failed.code, output: failed.stdout + failed.stderr};
	}
}

function whichJava(): string {
	for (const dir of (process.env['PATH'] ?? '').split(':')) {
		const candidate = path.join(dir, 'java');
		if (fs.existsSync(candidate)) return fs.realpathSync(candidate);
	}

	throw new Error('java is not on PATH');
}

/** Pids of any JVM the harness started for this state folder. */
function ourProcesses(home: string): number[] {
	return fs.readdirSync('/proc').filter(entry => /^\d+$/.test(entry)).flatMap(entry => {
		try {
			const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
			const state = fs.readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.[0];
			return cmdline.includes(`-Dktop.home=${home}`) && state !== 'Z' ? [Number(entry)] : [];
		} catch {
			return [];
		}
	});
}

async function listen(port: number): Promise<net.Server | undefined> {
	const server = net.createServer();
	return new Promise(resolve => {
		server.once('error', () => resolve(undefined));
		server.listen(port, '127.0.0.1', () => resolve(server));
	});
}

/**
 * Ports below the kernel's ephemeral range (32768+), each checked free: an outgoing connection can take
 * a port inside that range at any moment (CI once failed because one held the election port 43890).
 */
async function freePorts(count: number): Promise<number[]> {
	const ports: number[] = [];
	for (let port = 20_000 + Math.floor(Math.random() * 10_000); ports.length < count && port < 32_000; port++) {
		const probe = await listen(port);
		if (!probe) continue;
		await new Promise(resolve => probe.close(resolve));
		ports.push(port);
	}

	if (ports.length < count) throw new Error(`found only ${ports.length} free ports below 32000`);
	return ports;
}

describe('the cluster harness explains what stops it', () => {
	let scratch: string;
	let blocker: net.Server;
	let env: NodeJS.ProcessEnv;

	beforeAll(async () => {
		scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ktop-harness-'));
		const ports = await freePorts(13);
		const blocked = await listen(ports[0]!);
		if (!blocked) throw new Error(`port ${ports[0]} was taken between the probe and the listen`);
		blocker = blocked;
		const list = (from: number) => ports.slice(from, from + 3).join(',');
		env = {
			KTOP_CLUSTER_DIR: scratch,
			KTOP_CLUSTER_LIB: libDir,
			KTOP_ZK_PORTS: list(0),
			KTOP_ZK_QUORUM_PORTS: list(3),
			KTOP_ZK_ELECTION_PORTS: list(6),
			KTOP_ZK_ADMIN_PORT: String(ports[9]),
			KTOP_KAFKA_PORTS: list(10),
		};
	});

	afterAll(() => {
		blocker.close();
		fs.rmSync(scratch, {recursive: true, force: true});
	});

	it('names the port already in use and the node that needs it, starting nothing', async () => {
		const result = await harness(['up'], env);
		const taken = (blocker.address() as net.AddressInfo).port;
		expect(result.code).toBe(1);
		expect(result.output).toContain(`port ${taken} on 127.0.0.1, needed by zk1, is already in use`);
		expect(fs.existsSync(path.join(scratch, 'run', 'zk1.pid'))).toBe(false);
	});

	it('clears a pid file left by a crashed run and says so', async () => {
		fs.mkdirSync(path.join(scratch, 'run'), {recursive: true});
		// A pid that cannot be ours: the kernel's pid_max is far below this.
		fs.writeFileSync(path.join(scratch, 'run', 'kafka2.pid'), '99999999\n');
		const result = await harness(['up'], env);
		expect(result.output).toContain('kafka2: clearing a stale pid file left by a crashed run');
		expect(fs.existsSync(path.join(scratch, 'run', 'kafka2.pid'))).toBe(false);
	});

	it('says java is missing when it is not on PATH', async () => {
		const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'ktop-path-'));
		fs.symlinkSync(process.execPath, path.join(bin, 'node'));
		const result = await harness(['up'], {...env, PATH: bin});
		fs.rmSync(bin, {recursive: true, force: true});
		expect(result.code).toBe(1);
		expect(result.output).toContain('java was not found on PATH');
	});

	it('says Maven is missing when the jars must be fetched and mvn is not on PATH', async () => {
		const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'ktop-path-'));
		fs.symlinkSync(process.execPath, path.join(bin, 'node'));
		fs.symlinkSync(whichJava(), path.join(bin, 'java'));
		const result = await harness(['up'], {...env, PATH: bin, KTOP_CLUSTER_LIB: path.join(scratch, 'lib')});
		fs.rmSync(bin, {recursive: true, force: true});
		expect(result.code).toBe(1);
		expect(result.output).toContain('mvn (Maven) was not found on PATH');
	});

	it('reports jars that Maven cannot fetch, with Maven\'s own words, and leaves no half-fetched cache', async () => {
		// A private Maven home whose only mirror is a closed local port: nothing can be downloaded.
		const mavenHome = path.join(scratch, 'maven-home');
		fs.mkdirSync(path.join(mavenHome, '.m2'), {recursive: true});
		fs.writeFileSync(path.join(mavenHome, '.m2', 'settings.xml'), `<settings>
  <localRepository>${path.join(mavenHome, 'repository')}</localRepository>
  <mirrors><mirror><id>nowhere</id><mirrorOf>*</mirrorOf><url>http://127.0.0.1:9/</url></mirror></mirrors>
</settings>`);
		const lib = path.join(scratch, 'lib');
		const result = await harness(['up'], {...env, KTOP_CLUSTER_LIB: lib, MAVEN_OPTS: `-Duser.home=${mavenHome}`});
		expect(result.code).toBe(1);
		expect(result.output).toContain('Maven could not fetch the Kafka jars');
		expect(result.output).toContain('Check that Maven Central is reachable');
		expect(fs.existsSync(lib)).toBe(false);
		expect(fs.existsSync(`${lib}.partial`)).toBe(false);
	});

	it('rejects an unknown node or verb with usage and exit 2', async () => {
		const badNode = await harness(['stop', 'kafka9'], env);
		expect(badNode.code).toBe(2);
		expect(badNode.output).toContain('unknown node "kafka9"');
		const badVerb = await harness(['explode'], env);
		expect(badVerb.code).toBe(2);
		expect(badVerb.output).toContain('unknown verb "explode"');
	});

	it('names the node that did not come up and its log, and leaves no process behind', async () => {
		blocker.close();
		// A heap too small to boot: ZooKeeper starts, every broker JVM dies at once.
		const result = await harness(['up'], {...env, KTOP_KAFKA_HEAP: '2m', KTOP_CLUSTER_TIMEOUT_S: '90'});
		expect(result.code).toBe(1);
		expect(result.output).toMatch(/kafka\d did not come up: kafka\d exited during start-up/);
		expect(result.output).toContain(`log: ${path.join(scratch, 'logs')}`);
		expect(result.output).toMatch(/zk1: killed \(started by this run\)/);
		expect(ourProcesses(scratch)).toEqual([]);
	});

	it('rejects malformed port overrides', async () => {
		const result = await harness(['status'], {...env, KTOP_KAFKA_PORTS: '9092,nine'});
		expect(result.code).toBe(1);
		expect(result.output).toContain('KTOP_KAFKA_PORTS=9092,nine: expected 3 comma-separated ports');
	});
});
