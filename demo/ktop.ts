import {spawn} from 'node:child_process';
import path from 'node:path';
import {bootstrapServers, repoRoot, zookeeperConnect} from '../cluster/layout.js';
import {within} from './signals.js';

export type KtopExit = {code: number | null; signal: NodeJS.Signals | null; error?: Error};

export type RunningKtop = {
	exited: Promise<KtopExit>;
	/** Makes sure ktop is gone after the demo itself received `signal`. */
	stop: (signal: NodeJS.Signals) => Promise<KtopExit>;
};

/** ktop from source, pointed at the local cluster; it shares the terminal (and its process group) with the demo. */
export function launchKtop(): RunningKtop {
	const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
	const args = ['source/cli.tsx', '--zookeeper', zookeeperConnect, '--bootstrap', bootstrapServers.join(',')];
	const child = spawn(tsx, args, {cwd: repoRoot, stdio: 'inherit'});
	const exited = new Promise<KtopExit>(resolve => {
		child.once('exit', (code, signal) => {
			resolve({code, signal});
		});
		// Fires without 'exit' when the program could not be started at all.
		child.once('error', error => {
			resolve({code: null, signal: null, error});
		});
	});

	return {
		exited,
		async stop(signal) {
			// A Ctrl-C typed in the terminal reached ktop too, so first let it quit on its own;
			// a SIGTERM sent to the demo alone did not, so pass it on at once.
			const own = await within(exited, signal === 'SIGINT' ? 2000 : 0);
			if (own) return own;
			child.kill('SIGTERM');
			const terminated = await within(exited, 5000);
			if (terminated) return terminated;
			child.kill('SIGKILL');
			return exited;
		},
	};
}
