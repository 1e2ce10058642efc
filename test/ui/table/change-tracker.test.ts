import {describe, expect, it} from 'vitest';
import type {Row} from '../../../source/ui/panes/pane.js';
import {createChangeTracker} from '../../../source/ui/table/change-tracker.js';

const row = (key: string, ...texts: string[]): Row => ({key, cells: texts.map(text => ({text}))});

describe('change tracker', () => {
	it('highlights the cells a refresh changed, by row key, for two seconds', () => {
		const tracker = createChangeTracker();
		tracker.observe('topics', [row('a', 'a', '1'), row('b', 'b', '2')], 0, true);
		expect(tracker.changed('topics', 'a', 0)).toBeUndefined();
		tracker.observe('topics', [row('b', 'b', '3'), row('a', 'a', '1'), row('c', 'c', '9')], 1000, true);
		expect([...tracker.changed('topics', 'b', 1000)!]).toEqual([1]);
		expect(tracker.changed('topics', 'a', 1000)).toBeUndefined();
		// A new row is not a changed one.
		expect(tracker.changed('topics', 'c', 1000)).toBeUndefined();
		expect(tracker.nextExpiry('topics', 1000)).toBe(3000);
		expect(tracker.changed('topics', 'b', 2999)).toBeDefined();
		expect(tracker.changed('topics', 'b', 3000)).toBeUndefined();
		expect(tracker.nextExpiry('topics', 3000)).toBeUndefined();
	});

	it('remembers without marking when told not to mark, and per view', () => {
		const tracker = createChangeTracker();
		tracker.observe('topics', [row('a', '1')], 0, true);
		tracker.observe('topics', [row('a', '2')], 100, false);
		expect(tracker.changed('topics', 'a', 100)).toBeUndefined();
		tracker.observe('topics', [row('a', '2')], 200, true);
		expect(tracker.changed('topics', 'a', 200)).toBeUndefined();
		// The first sight of a view never marks.
		tracker.observe('brokers', [row('a', '9')], 300, true);
		expect(tracker.changed('brokers', 'a', 300)).toBeUndefined();
	});

	it('a second change restarts that cell\'s two seconds', () => {
		const tracker = createChangeTracker(2000);
		tracker.observe('v', [row('a', '1')], 0, true);
		tracker.observe('v', [row('a', '2')], 1000, true);
		tracker.observe('v', [row('a', '3')], 2500, true);
		expect(tracker.changed('v', 'a', 4000)).toBeDefined();
		expect(tracker.changed('v', 'a', 4500)).toBeUndefined();
	});
});
