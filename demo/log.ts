import fs from 'node:fs';
import path from 'node:path';
import {home} from '../cluster/layout.js';

export type Log = (line: string) => void;

/** Everything the demo says also lands here, so what happened while ktop owned the screen can be read afterwards. */
export const logFile = path.join(home, 'logs', 'demo.log');

/**
Lines go to the log file always and to the terminal only until `mute()`:
once ktop draws the screen, a stray line would tear its frame.
*/
export function createLog(): {log: Log; mute: () => void; unmute: () => void} {
	fs.mkdirSync(path.dirname(logFile), {recursive: true});
	let muted = false;
	const log: Log = line => {
		fs.appendFileSync(logFile, `${new Date().toISOString()} ${line}\n`);
		if (!muted) console.log(`demo: ${line}`);
	};

	// Node prints process warnings to stderr by default. kafkajs 2.2.4 on Node 24 warns on every
	// connection (TimeoutNegativeWarning, https://github.com/tulios/kafkajs/issues/1751), which would land on ktop's screen.
	process.removeAllListeners('warning');
	process.on('warning', warning => {
		log(`node warning: ${warning.name}: ${warning.message}`);
	});

	return {
		log,
		mute() {
			muted = true;
		},
		unmute() {
			muted = false;
		},
	};
}
