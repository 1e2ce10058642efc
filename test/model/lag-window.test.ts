import {describe, expect, it} from 'vitest';
import {createLagWindows} from '../../source/model/lag-window.js';
import {groupAt} from './lag-fixtures.js';

const S = 1000;

describe('createLagWindows', () => {
	it('adds a sample when the committed offset moves, and only then', () => {
		const windows = createLagWindows();
		windows.record([groupAt('g', [{committed: 10, highWatermark: 50}])], 0);
		windows.record([groupAt('g', [{committed: 10, highWatermark: 60}])], 2 * S);
		windows.record([groupAt('g', [{committed: 30, highWatermark: 70}])], 4 * S);
		const history = windows.history('g', 'orders', 0)!;
		expect(history.samples).toEqual([{at: 0, committed: 10, highWatermark: 50}, {at: 4 * S, committed: 30, highWatermark: 70}]);
		expect(history.latest).toEqual({at: 4 * S, committed: 30, highWatermark: 70});
	});

	it('keeps at most `size` samples, the newest', () => {
		const windows = createLagWindows({size: 10});
		for (let commit = 1; commit <= 100; commit++) windows.record([groupAt('g', [{committed: commit, highWatermark: 1000}])], commit * S);
		const {samples} = windows.history('g', 'orders', 0)!;
		expect(samples).toHaveLength(10);
		expect(samples.map(sample => sample.committed)).toEqual([91, 92, 93, 94, 95, 96, 97, 98, 99, 100]);
	});

	it('moves progressAt when the offset moves or the lag is zero, not otherwise', () => {
		const windows = createLagWindows();
		const progress = (committed: number, highWatermark: number, at: number) => {
			windows.record([groupAt('g', [{committed, highWatermark}])], at);
			return windows.history('g', 'orders', 0)!.progressAt;
		};

		expect(progress(10, 20, 0)).toBe(0);
		expect(progress(10, 30, 5 * S)).toBe(0);
		expect(progress(20, 30, 10 * S)).toBe(10 * S);
		expect(progress(30, 30, 15 * S)).toBe(15 * S);
		// Caught up and idle: still progress, so a message landing later is not a long stall.
		expect(progress(30, 30, 60 * S)).toBe(60 * S);
		expect(progress(30, 31, 61 * S)).toBe(60 * S);
	});

	it('starts over when the offset moves back or the watermark falls', () => {
		const windows = createLagWindows();
		windows.record([groupAt('g', [{committed: 10, highWatermark: 50}])], 0);
		windows.record([groupAt('g', [{committed: 20, highWatermark: 50}])], S);
		windows.record([groupAt('g', [{committed: 5, highWatermark: 50}])], 2 * S);
		expect(windows.history('g', 'orders', 0)!.samples).toEqual([{at: 2 * S, committed: 5, highWatermark: 50}]);
		windows.record([groupAt('g', [{committed: 6, highWatermark: 50}])], 3 * S);
		windows.record([groupAt('g', [{committed: 6, highWatermark: 7}])], 4 * S);
		expect(windows.history('g', 'orders', 0)!.samples).toEqual([{at: 4 * S, committed: 6, highWatermark: 7}]);
	});

	it('forgets groups and partitions no longer reported, and partitions without a commit', () => {
		const windows = createLagWindows();
		windows.record([
			groupAt('a', [{partition: 0, committed: 1, highWatermark: 2}, {partition: 1, committed: 1, highWatermark: 2}]),
			groupAt('b', [{committed: 1, highWatermark: 2}]),
		], 0);
		expect(windows.tracked()).toBe(3);
		windows.record([groupAt('a', [{partition: 0, committed: 1, highWatermark: 2}, {partition: 1, committed: undefined, highWatermark: 2}])], S);
		expect(windows.tracked()).toBe(1);
		expect(windows.history('b', 'orders', 0)).toBeUndefined();
		expect(windows.history('a', 'orders', 1)).toBeUndefined();
		windows.record([], 2 * S);
		expect(windows.tracked()).toBe(0);
	});

	it('keeps history untouched for a group that failed to describe or a partition without a watermark', () => {
		const windows = createLagWindows();
		windows.record([groupAt('a', [{committed: 1, highWatermark: 2}]), groupAt('b', [{committed: 1, highWatermark: 2}])], 0);
		windows.record([
			groupAt('a', [], {error: 'coordinator not available'}),
			groupAt('b', [{committed: 5, highWatermark: undefined}]),
		], S);
		expect(windows.history('a', 'orders', 0)!.latest.at).toBe(0);
		expect(windows.history('b', 'orders', 0)!.latest).toEqual({at: 0, committed: 1, highWatermark: 2});
		expect(windows.tracked()).toBe(2);
	});

	it('keeps memory bounded across many partitions and refreshes', () => {
		const windows = createLagWindows({size: 5});
		for (let refresh = 1; refresh <= 30; refresh++) {
			const partitions = Array.from({length: 200}, (_, partition) => ({partition, committed: refresh, highWatermark: refresh + 10}));
			windows.record([groupAt('g', partitions)], refresh * S);
		}

		expect(windows.tracked()).toBe(200);
		expect(windows.history('g', 'orders', 199)!.samples).toHaveLength(5);
	});
});
