/**
Taking over the terminal and giving it back. ktop draws on the alternate screen with the cursor
hidden; whatever way it ends — q, Ctrl-C, SIGTERM from a supervisor, SIGHUP when the SSH session
drops, a crash — the operator gets their own screen, scrollback and cursor back, exactly once.
*/

export const enterAlternateScreen = '\u001B[?1049h';
export const leaveAlternateScreen = '\u001B[?1049l';
export const hideCursor = '\u001B[?25l';
export const showCursor = '\u001B[?25h';
/** Clear the (alternate) screen and home the cursor: Ink draws from the top-left. */
const clearScreen = '\u001B[2J\u001B[H';

type Output = {write(text: string): unknown};
type Input = {isTTY?: boolean; setRawMode?(mode: boolean): unknown};

/** The parts of `process` the guard uses, so tests can hand it an EventEmitter. */
export type ProcessLike = {
	on(event: string, listener: (...args: any[]) => void): unknown;
	off(event: string, listener: (...args: any[]) => void): unknown;
	exit(code?: number): unknown;
};

export type TerminalGuardOptions = {
	stdout: Output;
	stderr: Output;
	stdin: Input;
	process: ProcessLike;
	/** Runs after the terminal is restored when a signal or crash ends ktop (stop polling, close the log). */
	onAbort?: (reason: string) => void;
};

export type TerminalGuard = {
	/** Back to the operator's screen. Safe to call any number of times; only the first does anything. */
	restore(): void;
};

/** Exit status for a signal, as a shell reports it: 128 + the signal number. */
const signals = {SIGHUP: 129, SIGINT: 130, SIGTERM: 143} as const;

/**
Enters the alternate screen, hides the cursor, and arranges for `restore` on every way out:
signals exit with 128 + signal number, an uncaught exception or unhandled rejection prints its
error only after the screen is restored (so it lands in the scrollback, readable) and exits 1.
`exit` itself is a last resort for paths nothing else saw.
*/
export function guardTerminal({stdout, stderr, stdin, process, onAbort}: TerminalGuardOptions): TerminalGuard {
	let restored = false;
	const listeners: Array<[string, (...args: any[]) => void]> = [];

	const restore = () => {
		if (restored) return;
		restored = true;
		for (const [event, listener] of listeners) process.off(event, listener);
		// Raw mode off first: a shell left in raw mode echoes nothing and ignores Enter.
		if (stdin.isTTY) stdin.setRawMode?.(false);
		stdout.write(showCursor + leaveAlternateScreen);
	};

	const abort = (reason: string, code: number, error?: unknown) => {
		restore();
		if (error !== undefined) stderr.write(`ktop: ${reason}: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
		try {
			onAbort?.(reason);
		} catch {
			// ktop is on its way out and the screen is already back; exit regardless.
		}

		process.exit(code);
	};

	const on = (event: string, listener: (...args: any[]) => void) => {
		listeners.push([event, listener]);
		process.on(event, listener);
	};

	for (const [signal, code] of Object.entries(signals)) on(signal, () => abort(signal, code));
	on('uncaughtException', (error: unknown) => abort('crashed', 1, error));
	on('unhandledRejection', (error: unknown) => abort('crashed (unhandled rejection)', 1, error));
	on('exit', restore);

	stdout.write(enterAlternateScreen + hideCursor + clearScreen);
	return {restore};
}

/**
Why the live view cannot run here, or undefined when it can: it needs a terminal on both
sides (keys in, frames out). Scripts and pipes get the one-shot commands instead.
*/
export function notATerminalMessage(stdin: {isTTY?: boolean}, stdout: {isTTY?: boolean}): string | undefined {
	if (stdin.isTTY && stdout.isTTY) return undefined;
	const which = !stdout.isTTY && !stdin.isTTY ? 'stdin and stdout are not' : !stdout.isTTY ? 'stdout is not' : 'stdin is not';
	return `ktop: the live view needs a terminal, and ${which} a TTY.\n`
		+ 'For scripts and pipes use `ktop snapshot` (add --json for JSON) or `ktop check` (exit status 0/1/2/3);\n'
		+ '`ktop --once` prints the connection report.\n';
}
