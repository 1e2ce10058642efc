import {execFile} from 'node:child_process';
import path from 'node:path';
import {promisify} from 'node:util';
import {beforeAll, describe, expect, it} from 'vitest';
import {repoRoot, zookeeperConnect} from '../../cluster/layout.js';

const run = promisify(execFile);

/** The built CLI, as installed: exit status, stdout and stderr. */
async function builtKtop(args: string[]): Promise<{code: number; stdout: string; stderr: string}> {
	try {
		const {stdout, stderr} = await run('node', [path.join(repoRoot, 'dist', 'cli.js'), ...args], {env: {...process.env, NO_COLOR: '1', KTOP_ZOOKEEPER: '', KTOP_BOOTSTRAP: ''}, timeout: 60_000});
		return {code: 0, stdout, stderr};
	} catch (error) {
		const failed = error as {code: number; stdout: string; stderr: string};
		return {code: failed.code, stdout: failed.stdout, stderr: failed.stderr};
	}
}

describe('the built CLI\'s exit status for bad usage: 2, and 64 for check', () => {
	beforeAll(async () => {
		await run('npm', ['run', '--silent', 'build'], {cwd: repoRoot});
	});

	it.each([
		[['--interval', 'abc', '-z', zookeeperConnect], 2, '--interval abc: expected a number of seconds from 0.5 to 3,600'],
		[['snapshot', '-i', '0', '-z', zookeeperConnect], 2, '--interval 0: expected'],
		[['snapshot', '--samples', '-3', '-z', zookeeperConnect], 2, '--samples -3: expected a whole number of refreshes from 1 to 100'],
		[['consume', 'orders', '--buffer', 'lots', '-z', zookeeperConnect], 2, '--buffer lots: expected a whole number of records'],
		[['snapshto', '-z', zookeeperConnect], 2, 'unknown command "snapshto"; commands are: snapshot, check, consume'],
		[['snapshot', '--jsno', '-z', zookeeperConnect], 2, 'unknown flag --jsno'],
		[['snapshot', '-i', '1', '-i', '2', '-z', zookeeperConnect], 2, '--interval given twice'],
		[['check', '--interval', 'abc', '-z', zookeeperConnect], 64, '--interval abc: expected'],
		[['check', '--bogus', '-z', zookeeperConnect], 64, 'unknown flag --bogus'],
		[['check', 'extra', '-z', zookeeperConnect], 64, 'unexpected argument "extra"'],
	])('ktop %j exits %i and says what is wrong', async (args, code, message) => {
		const result = await builtKtop(args);
		expect(result.code).toBe(code);
		expect(result.stderr).toContain(message);
		expect(result.stderr).not.toContain('NaN');
		expect(result.stderr).not.toContain('unexpected failure');
		expect(result.stdout).toBe('');
	});

	it('names an unknown command before looking for a cluster', async () => {
		const result = await builtKtop(['foo']);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('unknown command "foo"');
		expect(result.stderr).not.toContain('no cluster');
	});

	it('shows help after a command with 0, and runs what is well formed against the cluster', async () => {
		const help = await builtKtop(['check', '--help']);
		expect(help.code).toBe(0);
		expect(help.stdout).toContain('Bad usage');
		const snapshot = await builtKtop(['snapshot', '--json', '-i', '0.5', '--samples', '1', '-z', zookeeperConnect]);
		expect(snapshot.code).toBe(0);
		expect(JSON.parse(snapshot.stdout)).toHaveProperty('brokers');
	});
});
