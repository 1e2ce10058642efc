import {describe, expect, it} from 'vitest';
import {ConfigError} from '../../source/config/connection.js';
import {joinNegativeFromValue, parseConsumeArgs, parsePartitionList} from '../../source/config/consume-args.js';

const now = Date.UTC(2024, 5, 10, 12);

describe('parseConsumeArgs', () => {
	it('defaults to following new records on all partitions with a 10,000-record buffer', () => {
		expect(parseConsumeArgs(['orders'], {}, now)).toEqual({topic: 'orders', start: {kind: 'end'}, partitions: undefined, capacity: 10_000, exitAtEnd: false});
	});

	it('reads --from, --partitions, --buffer and --exit', () => {
		expect(parseConsumeArgs(['orders.v2_x-y'], {from: '-10m', partitions: '0,2', buffer: 500, exit: true}, now)).toEqual({
			topic: 'orders.v2_x-y', start: {kind: 'timestamp', at: now - 600_000}, partitions: [0, 2], capacity: 500, exitAtEnd: true,
		});
		expect(parseConsumeArgs(['t'], {from: 'last:5'}, now).start).toEqual({kind: 'last', count: 5});
	});

	it('says what is wrong, as a usage error', () => {
		const fails = (input: string[], flags: Parameters<typeof parseConsumeArgs>[1], message: RegExp) => {
			expect(() => parseConsumeArgs(input, flags, now)).toThrow(ConfigError);
			expect(() => parseConsumeArgs(input, flags, now)).toThrow(message);
		};

		fails([], {}, /which topic\? usage: ktop consume <topic>/);
		fails(['a', 'b'], {}, /one topic at a time; unexpected "b"/);
		fails(['no/slash'], {}, /"no\/slash" is not a valid topic name/);
		fails(['..'], {}, /not a valid topic name/);
		fails(['x'.repeat(250)], {}, /not a valid topic name/);
		fails(['t'], {from: 'soon'}, /--from "soon": not understood/);
		fails(['t'], {buffer: 0}, /--buffer 0: expected a whole number of records from 1 to 1,000,000/);
		fails(['t'], {buffer: Number.NaN}, /--buffer NaN/);
		fails(['t'], {buffer: 2.5}, /--buffer 2.5/);
		fails(['t'], {partitions: '0,x'}, /--partitions "0,x": expected partition numbers like 0,2 or 0-3/);
	});
});

describe('parsePartitionList', () => {
	it('reads lists and ranges, sorted and without repeats', () => {
		expect(parsePartitionList('2,0,5-7, 6')).toEqual([0, 2, 5, 6, 7]);
		expect(() => parsePartitionList('3-1')).toThrow(ConfigError);
		expect(() => parsePartitionList('-1')).toThrow(ConfigError);
		expect(() => parsePartitionList('')).toThrow(ConfigError);
	});
});

describe('joinNegativeFromValue', () => {
	it('joins --from with a value that starts with a minus, so meow does not read it as flags', () => {
		expect(joinNegativeFromValue(['consume', 't', '--from', '-10m', '--exit'])).toEqual(['consume', 't', '--from=-10m', '--exit']);
		expect(joinNegativeFromValue(['--from', 'beginning'])).toEqual(['--from', 'beginning']);
		expect(joinNegativeFromValue(['--from'])).toEqual(['--from']);
	});
});
