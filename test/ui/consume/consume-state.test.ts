import {describe, expect, it} from 'vitest';
import type {ConsumedRecord} from '../../../source/model/consume-types.js';
import {
	type ConsumeViewAction, consumeViewReducer, type ConsumeViewState, initialConsumeViewState, recordWindow, seqIndex,
} from '../../../source/ui/consume/consume-state.js';

function records(from: number, to: number): ConsumedRecord[] {
	return Array.from({length: to - from}, (_, index) => ({
		seq: from + index, topic: 't', partition: 0, offset: String(from + index), timestamp: 0,
		key: null, value: null, headers: [], size: 0, truncated: false,
	}));
}

const run = (state: ConsumeViewState, ...actions: ConsumeViewAction[]) => actions.reduce(consumeViewReducer, state);

describe('consume view state', () => {
	it('finds records by seq, among gaps (a filter) too', () => {
		const held = records(10, 20).filter(record => record.seq % 2 === 0);
		expect(seqIndex(held, 14)).toBe(2);
		expect(seqIndex(held, 15)).toBe(3);
		expect(seqIndex(held, 5)).toBe(0);
		expect(seqIndex(held, 99)).toBe(held.length);
	});

	it('follows: the cursor on the newest, the window at the bottom', () => {
		expect(recordWindow(initialConsumeViewState, records(0, 100), 10)).toEqual({cursor: 99, offset: 90});
		expect(recordWindow(initialConsumeViewState, records(0, 3), 10)).toEqual({cursor: 2, offset: 0});
		expect(recordWindow(initialConsumeViewState, [], 10)).toEqual({cursor: -1, offset: 0});
	});

	it('up, page up and top leave follow; down does not start it; bottom does', () => {
		const page = {records: records(0, 100), height: 10};
		const up = run(initialConsumeViewState, {type: 'move', motion: 'up', ...page});
		expect(up.follow).toBe(false);
		expect(recordWindow(up, page.records, 10)).toEqual({cursor: 98, offset: 90});
		expect(run(initialConsumeViewState, {type: 'move', motion: 'down', ...page})).toBe(initialConsumeViewState);
		const down = run(up, {type: 'move', motion: 'down', ...page});
		expect(down.follow).toBe(false);
		expect(recordWindow(down, page.records, 10).cursor).toBe(99);
		const top = run(initialConsumeViewState, {type: 'move', motion: 'top', ...page});
		expect(recordWindow(top, page.records, 10)).toEqual({cursor: 0, offset: 0});
		expect(run(top, {type: 'move', motion: 'bottom', ...page}).follow).toBe(true);
		expect(recordWindow(run(top, {type: 'move', motion: 'pageDown', ...page}), page.records, 10)).toEqual({cursor: 10, offset: 1});
	});

	it('not following, the cursor and window stay on their records as new ones arrive and old ones leave', () => {
		const stopped = run(initialConsumeViewState, {type: 'toggleFollow', records: records(0, 100), height: 10});
		expect(stopped.follow).toBe(false);
		expect(recordWindow(stopped, records(0, 100), 10)).toEqual({cursor: 99, offset: 90});
		// 50 newer records arrived, 50 older ones were evicted: the same records are on screen.
		expect(recordWindow(stopped, records(50, 150), 10)).toEqual({cursor: 49, offset: 40});
		// The cursor's record itself was evicted: the cursor goes to the oldest held.
		expect(recordWindow(stopped, records(120, 220), 10)).toEqual({cursor: 0, offset: 0});
		expect(run(stopped, {type: 'toggleFollow', records: records(0, 100), height: 10}).follow).toBe(true);
	});

	it('opens the cursor record\'s detail, keeps it when the record is evicted, and scrolls it within its lines', () => {
		const page = {records: records(0, 30), height: 10};
		const open = run(initialConsumeViewState, {type: 'move', motion: 'up', ...page}, {type: 'openDetail', ...page});
		expect(open.detail?.record.seq).toBe(28);
		const scrolled = run(open, {type: 'scrollDetail', motion: 'pageDown', lines: 25, height: 10}, {type: 'scrollDetail', motion: 'pageDown', lines: 25, height: 10});
		expect(scrolled.detail?.scroll).toBe(15);
		expect(run(scrolled, {type: 'scrollDetail', motion: 'top', lines: 25, height: 10}).detail?.scroll).toBe(0);
		expect(run(scrolled, {type: 'closeDetail'}).detail).toBeUndefined();
		expect(run(initialConsumeViewState, {type: 'openDetail', records: [], height: 10}).detail).toBeUndefined();
	});
});
