import {describe, expect, it} from 'vitest';
import {completeCommandLine, parseCommandLine} from '../../source/ui/input/command-line.js';
import {stubRegistry} from './stub-panes.js';

const parse = (text: string) => parseCommandLine(text, alias => stubRegistry.paneForAlias(alias));

describe(':command line', () => {
	it('opens panes by alias, quits on :q, and names what it does not know', () => {
		expect(parse('zk')).toEqual({kind: 'open', view: {view: 'zookeeper'}});
		expect(parse(' Topics ')).toEqual({kind: 'open', view: {view: 'topics'}});
		expect(parse('q')).toEqual({kind: 'quit'});
		expect(parse('quit')).toEqual({kind: 'quit'});
		expect(parse('')).toEqual({kind: 'none'});
		expect(parse('partitions')).toEqual({kind: 'unknown', text: 'partitions'});
	});

	it(':consume takes a topic, keeping its case; without one it says how to use it', () => {
		expect(parse('consume Orders.V2')).toEqual({kind: 'consume', topic: 'Orders.V2'});
		expect(parse(' CONSUME  orders ')).toEqual({kind: 'consume', topic: 'orders'});
		expect(parse('consume')).toEqual({kind: 'usage', text: ':consume needs a topic: :consume <topic> [end|beginning|1234|last:N|-10m|@ms|ISO-time]'});
	});

	it(':consume <topic> <start> takes every form of --from, kept as typed (a time may have a space)', () => {
		for (const from of ['beginning', 'earliest', 'end', 'last:20', '-10m', '-1h30m', '1234', '@1718000000000', '2026-11-21T10:00:00Z', '2026-11-21 10:00']) {
			expect(parse(`consume orders ${from}`), from).toEqual({kind: 'consume', topic: 'orders', from});
		}

		expect(parse('consume orders  LAST:2 ')).toEqual({kind: 'consume', topic: 'orders', from: 'LAST:2'});
	});

	it('a start it cannot read opens nothing: the reason, then every accepted form', () => {
		expect(parse('consume orders yesterday')).toEqual({kind: 'usage', text: ':consume "yesterday": not understood; use end|beginning|1234|last:N|-10m|@ms|ISO-time'});
		expect(parse('consume orders last:0')).toEqual({kind: 'usage', text: ':consume "last:0": last:N needs N of at least 1; use end|beginning|1234|last:N|-10m|@ms|ISO-time'});
		expect(parse('consume orders +5m')).toMatchObject({kind: 'usage', text: expect.stringContaining('a time ago is negative, like -10m')});
		expect(parse('consume orders @1718000000')).toMatchObject({kind: 'usage', text: expect.stringContaining('epoch seconds? give milliseconds')});
		expect(parse('consume orders beginning now')).toMatchObject({kind: 'usage', text: expect.stringContaining('"beginning now": not understood')});
		// What was typed is shown as typed, escapes made visible.
		expect(parse('consume orders \u001B[2J')).toMatchObject({kind: 'usage', text: expect.stringContaining('"\\x1b[2J"')});
	});

	it('completes to the longest common prefix of the matching aliases', () => {
		const aliases = ['topics', 't', 'brokers', 'b', 'groups', 'group-detail'];
		expect(completeCommandLine('bro', aliases)).toEqual({text: 'brokers', candidates: ['brokers']});
		expect(completeCommandLine('gr', aliases)).toEqual({text: 'group', candidates: ['group-detail', 'groups']});
		expect(completeCommandLine('x', aliases)).toEqual({text: 'x', candidates: []});
		expect(completeCommandLine('', aliases).text).toBe('');
	});
});
