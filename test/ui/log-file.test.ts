import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {ConfigError} from '../../source/config/connection.js';
import {openDiagnosticsLog} from '../../source/ui/log-file.js';

describe('--log-file', () => {
	it('appends timestamped lines to the file, keeping what was there', () => {
		const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'ktop-log-'));
		const file = path.join(directory, 'ktop.log');
		fs.writeFileSync(file, 'earlier\n');
		const log = openDiagnosticsLog(file, () => Date.UTC(2024, 0, 2, 3, 4, 5));
		log.write('refresh ok in 12 ms');
		log.close();
		log.write('after close: dropped');
		expect(fs.readFileSync(file, 'utf8')).toBe('earlier\n2024-01-02T03:04:05.000Z refresh ok in 12 ms\n');
		fs.rmSync(directory, {recursive: true});
	});

	it('a path that cannot be opened is a usage error before the screen is taken over', () => {
		expect(() => openDiagnosticsLog('/nonexistent-directory/ktop.log')).toThrow(ConfigError);
	});

	it('without a path, writes go nowhere', () => {
		expect(() => openDiagnosticsLog(undefined).write('x')).not.toThrow();
	});
});
