import {spawn} from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {type ClusterNode, paths} from './layout.js';

export type ProcessState = 'running' | 'paused' | 'stopped';

/**
Every JVM the harness starts carries these markers, so a pid is only ever taken for ours:
a stale pid file whose number was reused by another program is recognised as stale.
*/
function markers(node: ClusterNode): string[] {
	return [`-Dktop.node=${node.name}`, `-Dktop.home=${node.home}`];
}

function readCmdline(pid: number): string[] | undefined {
	try {
		return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
	} catch {
		return undefined;
	}
}

/** The state letter from /proc/<pid>/stat: R, S, D, T (stopped), Z (zombie)... */
function procStateLetter(pid: number): string | undefined {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The command name in parentheses may contain spaces; the state follows the last ')'.
		return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
	} catch {
		return undefined;
	}
}

function isOurs(pid: number, node: ClusterNode): boolean {
	const cmdline = readCmdline(pid);
	if (!cmdline) return false;
	return markers(node).every(marker => cmdline.includes(marker));
}

function stateOfPid(pid: number): ProcessState {
	const letter = procStateLetter(pid);
	if (letter === undefined || letter === 'Z' || letter === 'X') return 'stopped';
	return letter === 'T' || letter === 't' ? 'paused' : 'running';
}

/** Finds the node's JVM by pid file, or failing that by scanning /proc for its markers. */
export function findPid(node: ClusterNode): number | undefined {
	const recorded = readPidFile(node);
	if (recorded !== undefined && isOurs(recorded, node) && stateOfPid(recorded) !== 'stopped') return recorded;
	return scanForOrphan(node);
}

function readPidFile(node: ClusterNode): number | undefined {
	try {
		const pid = Number.parseInt(fs.readFileSync(paths.pid(node), 'utf8'), 10);
		return Number.isInteger(pid) && pid > 0 ? pid : undefined;
	} catch {
		return undefined;
	}
}

/** A JVM of ours without a pid file: left by a crashed harness run whose pid file was lost. */
function scanForOrphan(node: ClusterNode): number | undefined {
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		const pid = Number(entry);
		if (pid !== process.pid && isOurs(pid, node) && stateOfPid(pid) !== 'stopped') return pid;
	}

	return undefined;
}

export function processState(node: ClusterNode): {state: ProcessState; pid: number | undefined} {
	const pid = findPid(node);
	if (pid === undefined) return {state: 'stopped', pid};
	return {state: stateOfPid(pid), pid};
}

/** A pid file that names no live process of ours: evidence of a crashed run. */
export function hasStalePidFile(node: ClusterNode): boolean {
	const recorded = readPidFile(node);
	return recorded !== undefined && (!isOurs(recorded, node) || stateOfPid(recorded) === 'stopped');
}

export function removePidFile(node: ClusterNode): void {
	fs.rmSync(paths.pid(node), {force: true});
}

export async function isPortFree(port: number): Promise<boolean> {
	return new Promise(resolve => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen({port, host: '127.0.0.1', exclusive: true}, () => {
			server.close(() => resolve(true));
		});
	});
}

/**
Starts a JVM detached from the harness (its own process group, output to a file),
so it outlives `npm run cluster -- up` and a test run's worker processes.
*/
export function spawnJava(node: ClusterNode, java: string, jvmArgs: string[], mainClass: string, args: string[]): number {
	const consolePath = paths.console(node);
	fs.mkdirSync(path.dirname(consolePath), {recursive: true});
	fs.mkdirSync(path.dirname(paths.pid(node)), {recursive: true});
	const out = fs.openSync(consolePath, 'a');
	fs.writeSync(out, `\n===== ${new Date().toISOString()} starting ${node.name} =====\n`);
	try {
		const child = spawn(java, [...markers(node), ...jvmArgs, mainClass, ...args], {
			detached: true,
			stdio: ['ignore', out, out],
			cwd: paths.data(node),
		});
		child.unref();
		if (child.pid === undefined) throw new Error(`could not start java for ${node.name}`);
		fs.writeFileSync(paths.pid(node), `${child.pid}\n`);
		return child.pid;
	} finally {
		fs.closeSync(out);
	}
}

export function signal(pid: number, name: NodeJS.Signals): void {
	try {
		process.kill(pid, name);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
	}
}

export function isGone(pid: number): boolean {
	return stateOfPid(pid) === 'stopped';
}

/** SIGTERM (after SIGCONT, in case it is paused), then SIGKILL if it outlives the grace period. */
export async function terminate(pid: number, graceMs: number): Promise<'graceful' | 'killed'> {
	signal(pid, 'SIGCONT');
	signal(pid, 'SIGTERM');
	const deadline = Date.now() + graceMs;
	while (Date.now() < deadline) {
		if (isGone(pid)) return 'graceful';
		await sleep(100);
	}

	signal(pid, 'SIGKILL');
	while (!isGone(pid)) await sleep(50);
	return 'killed';
}

export async function sleep(ms: number): Promise<void> {
	return new Promise(resolve => setTimeout(resolve, ms));
}
