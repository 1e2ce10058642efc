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
		expect(parse('consume')).toMatchObject({kind: 'usage'});
	});

	it('completes to the longest common prefix of the matching aliases', () => {
		const aliases = ['topics', 't', 'brokers', 'b', 'groups', 'group-detail'];
		expect(completeCommandLine('bro', aliases)).toEqual({text: 'brokers', candidates: ['brokers']});
		expect(completeCommandLine('gr', aliases)).toEqual({text: 'group', candidates: ['group-detail', 'groups']});
		expect(completeCommandLine('x', aliases)).toEqual({text: 'x', candidates: []});
		expect(completeCommandLine('', aliases).text).toBe('');
	});
});
