import {describe, expect, it} from 'vitest';
import {parseConfigPairs, parseNameList} from '../../../source/model/actions/config-pairs.js';
import {unknownConfigErrors} from '../../../source/model/actions/config-reference.js';
import {parseResetTarget} from '../../../source/model/actions/offset-target.js';
import {failureText} from '../../../source/model/actions/outcome-lines.js';
import {choosePartitions, parsePartitionList, rangeText} from '../../../source/model/actions/partition-list.js';
import {table} from '../../../source/model/actions/preview-table.js';
import {collidingTopics, topicNameErrors} from '../../../source/model/actions/topic-name-rules.js';
import {parseWholeNumber} from '../../../source/model/actions/whole-number.js';

describe('topic name rules (Kafka\'s Topic.validate)', () => {
	it('accepts legal names and refuses each illegal kind with the reason', () => {
		expect(topicNameErrors('orders.eu-1_a')).toEqual([]);
		expect(topicNameErrors('a'.repeat(249))).toEqual([]);
		expect(topicNameErrors('')).toEqual(['name: required']);
		expect(topicNameErrors('.')).toEqual(['name: cannot be "." or ".."']);
		expect(topicNameErrors('..')).toEqual(['name: cannot be "." or ".."']);
		expect(topicNameErrors('a'.repeat(250))).toEqual(['name: 250 characters; Kafka allows at most 249']);
		expect(topicNameErrors('or ders/x')).toEqual(['name: " " "/" not allowed; Kafka allows only letters, digits, \'.\', \'_\' and \'-\'']);
		expect(topicNameErrors('ordérs')).toHaveLength(1);
	});

	it('finds names equal once . and _ are the same, but not the name itself', () => {
		expect(collidingTopics('orders.eu', ['orders_eu', 'orders.eu', 'orders-eu'])).toEqual(['orders_eu']);
		expect(collidingTopics('orders-eu', ['orders_eu'])).toEqual([]);
	});
});

describe('partition lists', () => {
	it('reads "all", single partitions and ranges, sorted without repeats', () => {
		expect(parsePartitionList('all')).toBe('all');
		expect(parsePartitionList(' ALL ')).toBe('all');
		expect(parsePartitionList('5-7, 0,2,6')).toEqual([0, 2, 5, 6, 7]);
	});

	it('says what is wrong with a bad list', () => {
		expect(parsePartitionList('')).toEqual({error: 'partitions: required ("all", or a list like 0,2,5-7)'});
		expect(parsePartitionList('0,x')).toEqual({error: 'partitions: "x" is not a partition or a range like 5-7'});
		expect(parsePartitionList('7-5')).toEqual({error: 'partitions: 7-5 runs backwards; write 5-7'});
		expect(parsePartitionList('-1')).toHaveProperty('error');
	});

	it('checks the chosen partitions exist in the topic', () => {
		expect(choosePartitions('all', 'orders', [2, 0, 1])).toEqual([0, 1, 2]);
		expect(choosePartitions([1], 'orders', [0, 1, 2])).toEqual([1]);
		expect(choosePartitions([1, 5, 9], 'orders', [0, 1, 2, 3])).toEqual({error: 'orders has no partition 5, 9 (it has 0-3)'});
		expect(rangeText([0, 1, 2, 5, 7, 8])).toBe('0-2, 5, 7-8');
	});
});

describe('config lists in kafka-configs syntax', () => {
	it('reads k=v pairs, bracketed list values and trims', () => {
		expect(parseConfigPairs('retention.ms=3600000, cleanup.policy=[compact, delete],x=', 'set')).toEqual([
			{name: 'retention.ms', value: '3600000'}, {name: 'cleanup.policy', value: 'compact,delete'}, {name: 'x', value: ''},
		]);
		expect(parseConfigPairs('  ', 'set')).toEqual([]);
	});

	it('refuses a pair without =, an empty key and a key given twice', () => {
		expect(parseConfigPairs('cleanup.policy=compact,delete', 'configs')).toEqual({errors: ['configs: "delete" is not key=value (a value with commas goes in brackets: k=[a,b])']});
		expect(parseConfigPairs('=1', 'configs')).toEqual({errors: ['configs: "=1" has no key before \'=\'']});
		expect(parseConfigPairs('a=1,a=2', 'configs')).toEqual({errors: ['configs: a is given twice']});
	});

	it('reads name lists and suggests known names for typos', () => {
		expect(parseNameList('a, b,,a')).toEqual(['a', 'b']);
		const known = new Set(['retention.ms', 'retention.bytes', 'cleanup.policy']);
		expect(unknownConfigErrors(['retention.msx', 'cleanup.policy', 'zzzzzzzzzz'], known, 'configs')).toEqual([
			'configs: unknown config retention.msx; did you mean retention.ms?',
			'configs: unknown config zzzzzzzzzz',
		]);
	});
});

describe('numbers, targets, failures and tables', () => {
	it('takes whole numbers only, within bounds', () => {
		expect(parseWholeNumber('12', 'partitions', 1)).toBe(12);
		expect(parseWholeNumber('', 'partitions', 1)).toEqual({error: 'partitions: required'});
		expect(parseWholeNumber('1e3', 'partitions', 1)).toEqual({error: 'partitions: "1e3" is not a whole number'});
		expect(parseWholeNumber('0', 'partitions', 1)).toEqual({error: 'partitions: at least 1'});
		expect(parseWholeNumber('40000', 'rf', 1, 32_767)).toEqual({error: 'rf: at most 32767'});
	});

	it('parses reset targets: times (ISO, relative, @epoch), offsets and signed shifts', () => {
		const now = Date.parse('2024-06-10T12:00:00Z');
		expect(parseResetTarget('earliest', 'ignored')).toEqual({kind: 'earliest'});
		expect(parseResetTarget('timestamp', '-1h', now)).toEqual({kind: 'timestamp', at: now - 3_600_000});
		expect(parseResetTarget('timestamp', '2024-06-10T08:00:00Z', now)).toEqual({kind: 'timestamp', at: Date.parse('2024-06-10T08:00:00Z')});
		expect(parseResetTarget('timestamp', '@1718000000000', now)).toEqual({kind: 'timestamp', at: 1_718_000_000_000});
		expect(parseResetTarget('timestamp', 'yesterday', now)).toHaveProperty('error', expect.stringContaining('"yesterday" is not a time'));
		expect(parseResetTarget('timestamp', '1234', now)).toHaveProperty('error');
		expect(parseResetTarget('offset', '1234')).toEqual({kind: 'offset', offset: 1234});
		expect(parseResetTarget('offset', '-5')).toHaveProperty('error');
		expect(parseResetTarget('shift', '-100')).toEqual({kind: 'shift', by: -100});
		expect(parseResetTarget('shift', '+7')).toEqual({kind: 'shift', by: 7});
		expect(parseResetTarget('shift', '')).toEqual({error: 'value: a shift is required (-100 moves back, +100 forward)'});
		expect(parseResetTarget('middle', '')).toEqual({error: 'to: one of earliest, latest, timestamp, offset, shift'});
	});

	it('writes a failure as "message; next (detail)", without repeating the detail', () => {
		expect(failureText({code: 'X', message: 'a topic named orders already exists', next: 'pick another name', detail: "Topic 'orders' already exists."}))
			.toBe("a topic named orders already exists; pick another name (Topic 'orders' already exists.)");
		expect(failureText({code: 'X', message: 'no reply', next: undefined, detail: 'no reply'})).toBe('no reply');
	});

	it('aligns tables, numbers to the right, and escapes control characters before measuring', () => {
		expect(table([['a', '1', 'x'], ['long', '100', '']], ['left', 'right'])).toEqual(['a       1  x', 'long  100']);
		expect(table([['g\u001b', 'x']])).toEqual(['g\\x1b  x']);
	});
});
