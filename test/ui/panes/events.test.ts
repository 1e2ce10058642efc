import {describe, expect, it} from 'vitest';
import {eventsPane} from '../../../source/ui/panes/events.js';
import {context, event, healthy, hostile, hostileShown} from './fixtures.js';
import {lines} from './rows.js';

// Local times, built as local times, so the test holds in every time zone.
const at = (hours: number, minutes: number, seconds: number) => new Date(2026, 10, 21, hours, minutes, seconds).getTime();

describe('events pane', () => {
	it('shows events newest first as the store keeps them, with local time, severity, kind, subject and message', () => {
		const events = [
			event(at(14, 3, 9), 'broker-left', 'broker 3', 'broker 3 (127.0.0.1:9094) left', 'warning'),
			event(at(14, 3, 9), 'finding-raised', 'orders-2', 'OFFLINE_PARTITION: leader 3 is down', 'critical'),
			event(at(9, 0, 0), 'broker-joined', 'broker 3', 'broker 3 (127.0.0.1:9094) joined'),
		];
		const rows = eventsPane.rows(context(healthy(), {events}));
		expect(lines(rows)).toEqual([
			'14:03:09 | WARN | broker-left | broker 3 | broker 3 (127.0.0.1:9094) left',
			'14:03:09 | CRIT | finding-raised | orders-2 | OFFLINE_PARTITION: leader 3 is down',
			'09:00:00 | INFO | broker-joined | broker 3 | broker 3 (127.0.0.1:9094) joined',
		]);
		expect(rows.map(row => row.tone)).toEqual(['warn', 'bad', undefined]);
		expect(rows.map(row => row.cells[0]!.sort)).toEqual([at(14, 3, 9), at(14, 3, 9), at(9, 0, 0)]);
		expect(eventsPane.defaultSort).toEqual({column: 0, descending: true});
		expect(eventsPane.summary!(context(healthy(), {events}))).toBe('3 events, newest first; times are local');
	});

	it('keeps each event\'s key as newer events arrive and old ones leave, even for identical events', () => {
		const twin = event(at(10, 0, 0), 'isr-shrank', 'orders-0', 'orders-0 ISR shrank');
		const older = event(at(9, 0, 0), 'broker-joined', 'broker 1', 'joined');
		const before = eventsPane.rows(context(healthy(), {events: [twin, {...twin}, older]}));
		expect(new Set(before.map(row => row.key)).size).toBe(3);
		const newer = event(at(11, 0, 0), 'leader-changed', 'orders-0', 'moved');
		// A new event at the front, the oldest dropped at the back.
		const after = eventsPane.rows(context(healthy(), {events: [newer, twin, {...twin}]}));
		expect(after.slice(1).map(row => row.key)).toEqual(before.slice(0, 2).map(row => row.key));
	});

	it('shows ktop\'s own writes by kind: applied toned as ktop\'s (accent), partial and failed as warnings; `/` finds them by subject', () => {
		const events = [
			event(at(14, 5, 0), 'action-failed', 'group billing', 'ktop: Delete group billing — failed: group billing has 2 active members', 'warning'),
			event(at(14, 4, 0), 'action-partial', 'topic orders', 'ktop: Purge records of orders — partly applied: orders-0: 10 records deleted (+1 more)', 'warning'),
			event(at(14, 3, 10), 'topic-deleted', 'topic quotes', 'topic quotes deleted'),
			event(at(14, 3, 9), 'action-applied', 'topic quotes', 'ktop: Delete topic quotes — applied: quotes is marked for deletion'),
		];
		const rows = eventsPane.rows(context(healthy(), {events}));
		expect(lines(rows)).toEqual([
			'14:05:00 | WARN | action-failed | group billing | ktop: Delete group billing — failed: group billing has 2 active members',
			'14:04:00 | WARN | action-partial | topic orders | ktop: Purge records of orders — partly applied: orders-0: 10 records deleted (+1 more)',
			'14:03:10 | INFO | topic-deleted | topic quotes | topic quotes deleted',
			'14:03:09 | INFO | action-applied | topic quotes | ktop: Delete topic quotes — applied: quotes is marked for deletion',
		]);
		expect(rows.map(row => row.tone)).toEqual(['warn', 'warn', undefined, 'accent']);
		// The longest kind fits its column.
		expect(Math.max(...rows.map(row => row.cells[2]!.text.length))).toBeLessThanOrEqual(19);
	});

	it('escapes subjects and messages', () => {
		const rows = eventsPane.rows(context(healthy(), {events: [event(at(1, 2, 3), 'topic-created', `topic ${hostile}`, `topic ${hostile} created`)]}));
		expect(lines(rows)).toEqual([`01:02:03 | INFO | topic-created | topic ${hostileShown} | topic ${hostileShown} created`]);
	});

	it('is empty before anything happened', () => {
		expect(eventsPane.rows(context(healthy()))).toEqual([]);
		expect(eventsPane.summary!(context(healthy()))).toBeUndefined();
		expect(eventsPane.empty).toBe('no events yet: changes to the cluster appear here as they happen');
	});
});
