import fs from 'node:fs';
import {ConfigError} from '../config/connection.js';

export type DiagnosticsLog = {
	write(line: string): void;
	close(): void;
};

const discard: DiagnosticsLog = {write() {}, close() {}};

/**
`--log-file`: diagnostics (refresh timings, failures, source errors) appended to a file, one
timestamped line each, never to the terminal the TUI draws on. Opened up front so a bad path is
a usage error before the screen is taken over. Writes are synchronous: a line or two every
refresh is cheap, and the last lines before a crash are exactly the ones wanted.
*/
export function openDiagnosticsLog(path: string | undefined, now: () => number = Date.now): DiagnosticsLog {
	if (path === undefined || path === '') return discard;
	let fd: number;
	try {
		fd = fs.openSync(path, 'a');
	} catch (error) {
		throw new ConfigError(`--log-file ${path}: ${(error as Error).message}`);
	}

	let open = true;
	return {
		write(line) {
			if (!open) return;
			try {
				fs.writeSync(fd, `${new Date(now()).toISOString()} ${line}\n`);
			} catch {
				// A full disk must not take the operator's view down with it; the log is best effort.
			}
		},
		close() {
			if (!open) return;
			open = false;
			fs.closeSync(fd);
		},
	};
}
