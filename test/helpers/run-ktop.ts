import {execFile} from 'node:child_process';
import path from 'node:path';
import {promisify} from 'node:util';
import {repoRoot} from '../../cluster/layout.js';

const run = promisify(execFile);
const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
const cli = path.join(repoRoot, 'source', 'cli.tsx');

/** Runs the ktop CLI from source as a separate process, as a script or a monitoring system would. */
export async function ktop(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{code: number; stdout: string; stderr: string}> {
	try {
		const {stdout, stderr} = await run(tsx, [cli, ...args], {env: {...process.env, NO_COLOR: '1', ...env}, timeout: 60_000});
		return {code: 0, stdout, stderr};
	} catch (error) {
		const failed = error as {code: number; stdout: string; stderr: string};
		return {code: failed.code, stdout: failed.stdout, stderr: failed.stderr};
	}
}
