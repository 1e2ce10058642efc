import {describe, expect, it} from 'vitest';
import {groupsPane} from '../../../source/ui/panes/groups.js';
import {broken, context, group, healthy, hostile, hostileShown} from './fixtures.js';
import {lines, tones} from './rows.js';

const titles = groupsPane.columns.map(column => column.title);

describe('groups pane', () => {
	it('shows state, members, total lag, lag status and topics; Enter opens the group', () => {
		expect(titles).toEqual(['GROUP', 'STATE', 'MEMBERS', 'LAG', 'STATUS', 'TOPICS']);
		const [row] = groupsPane.rows(context(healthy()));
		expect(lines([row!])).toEqual(['billing | Stable | 1 | 0 | OK | orders']);
		expect([row!.key, row!.tone, row!.open]).toEqual(['billing', undefined, {view: 'group', subject: 'billing'}]);
		// The group actions act on; a group row has no single topic for c to consume.
		expect([row!.group, row!.topic]).toEqual(['billing', undefined]);
		expect(tones(row!, titles)).toEqual({STATUS: 'ok'});
		expect(groupsPane.summary!(context(healthy()))).toBe('1 group: 1 OK · total lag 0');
	});

	it('tones a lagging group by its status and sorts status by severity', () => {
		const [row] = groupsPane.rows(context(broken()));
		expect(lines([row!])).toEqual(['shipping | Stable | 2 | 1,500 | LAGGING | orders']);
		expect(row!.tone).toBe('warn');
		expect(row!.cells[3]!.sort).toBe(1500);
		const snapshot = healthy();
		snapshot.groups = (['OK', 'UNKNOWN', 'LAGGING', 'STALLED', 'STOPPED'] as const).map(status => group(status, {status}));
		const rows = groupsPane.rows(context(snapshot));
		expect(rows.map(r => [r.cells[4]!.sort, r.cells[4]!.tone, r.tone])).toEqual([
			[0, 'ok', undefined], [1, 'dim', undefined], [2, 'warn', 'warn'], [3, 'warn', 'warn'], [4, 'bad', 'bad'],
		]);
		expect(groupsPane.summary!(context(snapshot))).toBe('5 groups: 1 STOPPED, 1 STALLED, 1 LAGGING, 1 UNKNOWN, 1 OK · total lag 0');
	});

	it('shows a group that could not be read as bad, with the error', () => {
		const snapshot = healthy();
		snapshot.groups = [group('broken', {error: 'COORDINATOR_NOT_AVAILABLE', status: 'UNKNOWN'})];
		const [row] = groupsPane.rows(context(snapshot));
		expect(row!.tone).toBe('bad');
		expect(row!.cells[5]).toEqual({text: 'error: COORDINATOR_NOT_AVAILABLE', tone: 'bad'});
	});

	it('escapes hostile group ids, states and topic names, keeping the raw id to open', () => {
		const snapshot = healthy();
		snapshot.groups = [group(hostile, {
			state: hostile,
			partitions: [{topic: hostile, partition: 0, committed: 1, highWatermark: 1, lag: 0, owner: undefined, status: 'OK'}],
		})];
		const [row] = groupsPane.rows(context(snapshot));
		expect(lines([row!])).toEqual([`${hostileShown} | ${hostileShown} | 0 | 0 | OK | ${hostileShown}`]);
		expect(row!.open).toEqual({view: 'group', subject: hostile});
	});

	it('is empty without groups', () => {
		const snapshot = healthy();
		snapshot.groups = [];
		expect(groupsPane.rows(context(snapshot))).toEqual([]);
		expect(groupsPane.summary!(context(snapshot))).toBeUndefined();
		expect(groupsPane.empty).toBe('no consumer groups');
	});
});
