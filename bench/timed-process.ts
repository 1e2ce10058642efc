import {spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type TimedRun = {
	wallMs: number;
	/** Peak resident set size of the process, from GNU time's %M (the kernel's maxrss). */
	peakRssMb: number;
	exitCode: number | null;
	stderr: string;
};

export type TimedOptions = {
	/** Where standard output goes: a file to inspect, else /dev/null (the figure is the work, not the terminal). */
	stdoutFile?: string;
	env?: NodeJS.ProcessEnv;
	cwd?: string;
	timeoutMs?: number;
};

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ktop-bench-'));
let counter = 0;

/**
Runs one command to completion under /usr/bin/time: wall time measured here from spawn to exit
(time's own fork adds about a millisecond), peak RSS from time's report, written to a file of
its own so the command's stderr stays intact.
*/
export async function timedRun(command: string, args: readonly string[], options: TimedOptions = {}): Promise<TimedRun> {
	const report = path.join(scratch, `time-${counter++}.txt`);
	const out = fs.openSync(options.stdoutFile ?? '/dev/null', 'w');
	try {
		const started = performance.now();
		const child = spawn('/usr/bin/time', ['-f', '%M', '-o', report, command, ...args], {
			stdio: ['ignore', out, 'pipe'], env: options.env ?? process.env, cwd: options.cwd,
		});
		let stderr = '';
		child.stderr?.setEncoding('utf8');
		child.stderr?.on('data', (chunk: string) => {
			// Only the tail matters for an error message; a chatty tool must not fill memory.
			stderr = (stderr + chunk).slice(-4000);
		});
		const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
		const exitCode = await new Promise<number | null>((resolve, reject) => {
			child.on('error', reject);
			child.on('close', code => resolve(code));
		});
		const wallMs = performance.now() - started;
		clearTimeout(timer);
		const kilobytes = Number(fs.readFileSync(report, 'utf8').trim().split('\n').at(-1));
		return {wallMs, peakRssMb: kilobytes / 1024, exitCode, stderr: stderr.trim()};
	} finally {
		fs.closeSync(out);
		fs.rmSync(report, {force: true});
	}
}

/** A file in this run's scratch folder (removed with the folder at exit). */
export function scratchFile(name: string): string {
	return path.join(scratch, name);
}

process.on('exit', () => {
	fs.rmSync(scratch, {recursive: true, force: true});
});
