import {execFile} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {promisify} from 'node:util';
import {Unready, waitFor} from '../../cluster/wait-for.js';

const run = promisify(execFile);

/**
A real terminal for end-to-end tests: tmux on its own server socket, driven with send-keys
and read with capture-pane, as an operator's SSH session would see the screen.
*/
export type TmuxSession = {
	/** The visible screen as plain text (no colour), one string per line. */
	screen(): Promise<string>;
	/**
	The screen with the lines tmux wrapped joined back (capture-pane -J): fewer lines than
	screen() exactly when some line was wider than the terminal, by tmux's own measure.
	*/
	joinedScreen(): Promise<string>;
	/** tmux key names: 'Enter', 'Escape', 'C-c', 'PageDown', or literal text with {literal: true}. */
	send(keys: string[], options?: {literal?: boolean}): Promise<void>;
	waitForScreen(what: string, check: (screen: string) => boolean, timeoutMs?: number): Promise<string>;
	/** Whether the program in the pane has exited (the pane stays, showing the shell's last state). */
	exited(): Promise<boolean>;
	/** The pane's terminal modes, as tmux tracks them: how ktop left the terminal. */
	modes(): Promise<{alternateScreen: boolean; cursorVisible: boolean}>;
	resize(columns: number, rows: number): Promise<void>;
	kill(): Promise<void>;
};

export async function startTmux(command: string, options: {columns: number; rows: number; env?: Record<string, string>}): Promise<TmuxSession> {
	const socket = `ktop-test-${process.pid}-${randomBytes(3).toString('hex')}`;
	const tmux = async (...args: string[]) => (await run('tmux', ['-L', socket, '-f', '/dev/null', ...args], {env: {...process.env, ...options.env}})).stdout;
	// remain-on-exit keeps the pane after ktop quits, so the test can read what it left behind.
	await tmux('new-session', '-d', '-s', 'ktop', '-x', String(options.columns), '-y', String(options.rows), command);
	await tmux('set-option', '-t', 'ktop', 'remain-on-exit', 'on');

	const session: TmuxSession = {
		async screen() {
			return tmux('capture-pane', '-p', '-t', 'ktop');
		},
		async joinedScreen() {
			return tmux('capture-pane', '-p', '-J', '-t', 'ktop');
		},
		async send(keys, sendOptions = {}) {
			await tmux('send-keys', '-t', 'ktop', ...(sendOptions.literal ? ['-l'] : []), ...keys);
		},
		async waitForScreen(what, check, timeoutMs = 30_000) {
			return waitFor(async () => {
				const screen = await session.screen();
				return check(screen) ? screen : new Unready(`screen:\n${screen}`);
			}, {timeoutMs, intervalMs: 200, what});
		},
		async exited() {
			return (await tmux('display-message', '-p', '-t', 'ktop', '#{pane_dead}')).trim() === '1';
		},
		async modes() {
			const [alternate, cursor] = (await tmux('display-message', '-p', '-t', 'ktop', '#{alternate_on} #{cursor_flag}')).trim().split(' ');
			return {alternateScreen: alternate === '1', cursorVisible: cursor === '1'};
		},
		async resize(columns, rows) {
			await tmux('resize-window', '-t', 'ktop', '-x', String(columns), '-y', String(rows));
		},
		async kill() {
			await tmux('kill-server').catch(() => undefined);
		},
	};
	return session;
}
