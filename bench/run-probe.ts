import {spawn} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
Runs a probe (bench/probes/) in a process of its own, so its CPU and memory are its alone and a
crash or a hang costs one figure, not the run. The probe prints one JSON line on stdout.
NODE_ENV is left as the caller gives it (ktop itself runs with it unset).
*/
export async function runProbe<T>(probe: string, args: ReadonlyArray<string | number>, options: {timeoutMs: number; env?: NodeJS.ProcessEnv; nodeFlags?: string[]}): Promise<T> {
	const child = spawn(process.execPath, [...options.nodeFlags ?? [], '--import', 'tsx', path.join(here, 'probes', probe), ...args.map(String)], {
		stdio: ['ignore', 'pipe', 'pipe'], env: options.env ?? process.env,
	});
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8');
	child.stderr.setEncoding('utf8');
	child.stdout.on('data', (chunk: string) => {
		stdout += chunk;
	});
	child.stderr.on('data', (chunk: string) => {
		stderr = (stderr + chunk).slice(-4000);
	});
	const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
	const code = await new Promise<number | null>((resolve, reject) => {
		child.on('error', reject);
		child.on('close', resolve);
	});
	clearTimeout(timer);
	const line = stdout.split('\n').find(text => text.startsWith('{'));
	if (code !== 0 || !line) {
		throw new Error(`probe ${probe} ${args.join(' ')} failed (exit ${code ?? 'killed: timeout'}): ${stderr.trim().split('\n').slice(-8).join('\n')}`);
	}

	return JSON.parse(line) as T;
}

/** The environment with NODE_ENV as asked: undefined removes it, as ktop runs. */
export function withNodeEnv(nodeEnv: string | undefined): NodeJS.ProcessEnv {
	const env = {...process.env};
	if (nodeEnv === undefined) delete env['NODE_ENV'];
	else env['NODE_ENV'] = nodeEnv;
	return env;
}
