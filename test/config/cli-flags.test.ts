import {describe, expect, it} from 'vitest';
import {checkCommand, commandIn, numberFlag, unknownFlags, usageExitCode} from '../../source/config/cli-flags.js';
import {ConfigError} from '../../source/config/connection.js';

const interval = {min: 0.5, max: 3600, integer: false, unit: 'seconds'};
const samples = {min: 1, max: 100, integer: true, unit: 'refreshes'};

describe('numberFlag', () => {
	it('reads whole and decimal numbers in range', () => {
		expect(numberFlag('--interval', '2', interval)).toBe(2);
		expect(numberFlag('--interval', '0.5', interval)).toBe(0.5);
		expect(numberFlag('--samples', '100', samples)).toBe(100);
		expect(numberFlag('--samples', undefined, samples)).toBeUndefined();
	});

	it.each([
		['--interval', 'abc', interval, '--interval abc: expected a number of seconds from 0.5 to 3,600'],
		['--interval', '', interval, '--interval needs a value: expected a number of seconds from 0.5 to 3,600'],
		['--interval', '0.1', interval, '--interval 0.1: expected'],
		['--interval', '-1', interval, '--interval -1: expected'],
		['--interval', '1e3', interval, '--interval 1e3: expected'],
		['--interval', 'Infinity', interval, '--interval Infinity: expected'],
		['--interval', '3601', interval, '--interval 3601: expected'],
		['--samples', '0', samples, '--samples 0: expected a whole number of refreshes from 1 to 100'],
		['--samples', '1.5', samples, '--samples 1.5: expected a whole number'],
		['--samples', '0x10', samples, '--samples 0x10: expected a whole number'],
	])('refuses %s %j, naming the flag and what it accepts', (flag, text, rule, message) => {
		expect(() => numberFlag(flag, text, rule)).toThrow(ConfigError);
		expect(() => numberFlag(flag, text, rule)).toThrow(message);
	});
});

describe('checkCommand', () => {
	it('takes the commands and none', () => {
		for (const command of [undefined, 'snapshot', 'check', 'consume']) expect(() => checkCommand(command)).not.toThrow();
	});

	it('names an unknown command and lists the known ones', () => {
		expect(() => checkCommand('snapshto')).toThrow(ConfigError);
		expect(() => checkCommand('snapshto')).toThrow('unknown command "snapshto"; commands are: snapshot, check, consume, contexts (none: the live view)');
	});
});

describe('unknownFlags', () => {
	const known = {zkAdmin: {type: 'string'}, interval: {type: 'string', shortFlag: 'i'}, json: {type: 'boolean'}};

	it('accepts known flags under every name yargs records them by', () => {
		expect(unknownFlags({zkAdmin: 'a', 'zk-admin': 'a', interval: '2', i: '2', json: true}, known)).toEqual([]);
	});

	it('reports unknown ones as typed, once each', () => {
		expect(unknownFlags({bogus: true, 'log-level': 'x', logLevel: 'x', x: true, json: false}, known)).toEqual(['--bogus', '--log-level', '-x']);
	});
});

describe('usage exit status', () => {
	it('is 2, and 64 for check, where 2 means critical', () => {
		expect(usageExitCode(undefined)).toBe(2);
		expect(usageExitCode('snapshot')).toBe(2);
		expect(usageExitCode('consume')).toBe(2);
		expect(usageExitCode('bogus')).toBe(2);
		expect(usageExitCode('check')).toBe(64);
	});

	it('finds the command in the raw arguments, for errors before parsing', () => {
		expect(commandIn(['-i', '2', 'check', '--bogus'])).toBe('check');
		expect(commandIn(['-z', 'x'])).toBeUndefined();
	});
});
