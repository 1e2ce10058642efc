import {describe, expect, it} from 'vitest';
import {chooseStart} from '../../../source/cluster/kafka/start-offsets.js';
import {backoffMs} from '../../../source/cluster/kafka/wakeup.js';

const range = {earliest: 100n, latest: 250n};

describe('chooseStart', () => {
	it('resolves end, beginning and last N against the partition\'s range', () => {
		expect(chooseStart({kind: 'end'}, range)).toEqual({offset: 250n});
		expect(chooseStart({kind: 'beginning'}, range)).toEqual({offset: 100n});
		expect(chooseStart({kind: 'last', count: 10}, range)).toEqual({offset: 240n});
		// Fewer records than asked for: from the first one kept.
		expect(chooseStart({kind: 'last', count: 1000}, range)).toEqual({offset: 100n});
	});

	it('takes an offset inside the range as it is and clamps one outside, saying so', () => {
		expect(chooseStart({kind: 'offset', offset: '180'}, range)).toEqual({offset: 180n});
		expect(chooseStart({kind: 'offset', offset: '250'}, range)).toEqual({offset: 250n});
		expect(chooseStart({kind: 'offset', offset: '5'}, range)).toEqual({offset: 100n, notice: 'offset 5 is before the first one kept (100): reading from 100'});
		expect(chooseStart({kind: 'offset', offset: '9000'}, range)).toEqual({offset: 250n, notice: 'offset 9000 is past the end (250): following from the end'});
	});

	it('starts a timestamp at the first record that late, or follows the end when there is none', () => {
		expect(chooseStart({kind: 'timestamp', at: 1_700_000_000_000}, {...range, atTimestamp: 170n})).toEqual({offset: 170n});
		expect(chooseStart({kind: 'timestamp', at: 1_700_000_000_000}, range)).toEqual({
			offset: 250n, notice: 'no record at or after 2023-11-14T22:13:20.000Z: following from the end (250)',
		});
	});

	it('skips records deleted under the reader, and follows a log truncated below its position', () => {
		expect(chooseStart({kind: 'out-of-range', offset: 40n}, range)).toEqual({offset: 100n, notice: 'offsets 40-99 were deleted (retention) before they were read: skipped to 100'});
		expect(chooseStart({kind: 'out-of-range', offset: 300n}, range).offset).toBe(250n);
	});
});

describe('backoffMs', () => {
	it('doubles from 250 ms up to 5 s', () => {
		expect([0, 1, 2, 3, 4, 5, 6, 7, 50].map(backoffMs)).toEqual([0, 250, 500, 1000, 2000, 4000, 5000, 5000, 5000]);
	});
});
