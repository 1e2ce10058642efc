import {describe, expect, it} from 'vitest';
import {describeStartPosition, parseDuration, parseStartPosition} from '../../source/model/start-position.js';

const now = Date.UTC(2024, 5, 10, 12, 0, 0);

describe('parseStartPosition', () => {
	it('reads the named positions', () => {
		expect(parseStartPosition('end', now)).toEqual({kind: 'end'});
		expect(parseStartPosition('latest', now)).toEqual({kind: 'end'});
		expect(parseStartPosition('Beginning', now)).toEqual({kind: 'beginning'});
		expect(parseStartPosition('earliest', now)).toEqual({kind: 'beginning'});
	});

	it('reads plain digits as an offset, kept exact beyond 2^53', () => {
		expect(parseStartPosition('1234', now)).toEqual({kind: 'offset', offset: '1234'});
		expect(parseStartPosition('0', now)).toEqual({kind: 'offset', offset: '0'});
		expect(parseStartPosition('9007199254740993', now)).toEqual({kind: 'offset', offset: '9007199254740993'});
		expect(parseStartPosition('007', now)).toEqual({kind: 'offset', offset: '7'});
		expect(() => parseStartPosition('9223372036854775808', now)).toThrow(/larger than any offset/);
	});

	it('reads last:N', () => {
		expect(parseStartPosition('last:100', now)).toEqual({kind: 'last', count: 100});
		expect(() => parseStartPosition('last:0', now)).toThrow(/at least 1/);
		expect(() => parseStartPosition('last:', now)).toThrow(/not understood/);
	});

	it('reads a time ago, in one unit or several', () => {
		expect(parseStartPosition('-10m', now)).toEqual({kind: 'timestamp', at: now - 600_000});
		expect(parseStartPosition('-1h', now)).toEqual({kind: 'timestamp', at: now - 3_600_000});
		expect(parseStartPosition('-30s', now)).toEqual({kind: 'timestamp', at: now - 30_000});
		expect(parseStartPosition('-1h30m', now)).toEqual({kind: 'timestamp', at: now - 5_400_000});
		expect(parseStartPosition('-2d', now)).toEqual({kind: 'timestamp', at: now - 172_800_000});
		expect(parseStartPosition('-500ms', now)).toEqual({kind: 'timestamp', at: now - 500});
		expect(parseStartPosition('-1.5h', now)).toEqual({kind: 'timestamp', at: now - 5_400_000});
		expect(() => parseStartPosition('+10m', now)).toThrow(/negative/);
		expect(() => parseStartPosition('-10', now)).toThrow(/not a duration/);
		expect(() => parseStartPosition('-10y', now)).toThrow(/not a duration/);
	});

	it('reads epoch milliseconds after @, and refuses what looks like seconds', () => {
		expect(parseStartPosition('@1718000000000', now)).toEqual({kind: 'timestamp', at: 1_718_000_000_000});
		expect(() => parseStartPosition('@1718000000', now)).toThrow(/epoch seconds\? give milliseconds \(@1718000000000\)/);
		expect(() => parseStartPosition('@soon', now)).toThrow(/epoch milliseconds/);
	});

	it('reads ISO 8601 times; a date or time without a zone is local', () => {
		expect(parseStartPosition('2024-06-10T08:00:00Z', now)).toEqual({kind: 'timestamp', at: Date.UTC(2024, 5, 10, 8)});
		expect(parseStartPosition('2024-06-10T08:00:00+02:00', now)).toEqual({kind: 'timestamp', at: Date.UTC(2024, 5, 10, 6)});
		expect(parseStartPosition('2024-06-10', now)).toEqual({kind: 'timestamp', at: new Date(2024, 5, 10).getTime()});
		expect(parseStartPosition('2024-06-10T08:00', now)).toEqual({kind: 'timestamp', at: new Date(2024, 5, 10, 8).getTime()});
		expect(() => parseStartPosition('2024-13-45', now)).toThrow(/not a valid ISO 8601 time/);
	});

	it('says what it expected', () => {
		expect(() => parseStartPosition('', now)).toThrow('--from "": empty; expected end, beginning, an offset (1234), last:N');
		expect(() => parseStartPosition('yesterday', now)).toThrow(/not understood; expected end, beginning/);
		// The reason alone, for the TUI's own usage line.
		expect(() => parseStartPosition('last:0', now)).toThrow(expect.objectContaining({name: 'StartPositionError', text: 'last:0', reason: 'last:N needs N of at least 1'}));
	});
});

describe('parseDuration and describeStartPosition', () => {
	it('work', () => {
		expect(parseDuration('1h30m')).toBe(5_400_000);
		expect(parseDuration('m')).toBeUndefined();
		expect(describeStartPosition({kind: 'last', count: 5})).toBe('last 5 per partition');
		expect(describeStartPosition({kind: 'timestamp', at: Date.UTC(2024, 0, 1)})).toBe('from 2024-01-01T00:00:00.000Z');
	});
});
