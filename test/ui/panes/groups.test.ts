import {describe, expect, it} from 'vitest';
import {groupsPane} from '../../../source/ui/panes/groups.js';
import {broken, context, group, healthy, hostile, hostileShown} from './fixtures.js';
import {lines, tones} from './rows.js';

const titles = groupsPane.columns.map(column => column.title);

describe('groups pane', () => {
	it('shows state, members, total lag, time lag, lag status, coordinator and topics; Enter opens the group', () => {
		expect(titles).toEqual(['GROUP', 'STATE', 'MEMBERS', 'LAG', 'TIME LAG', 'STATUS', 'COORD', 'TOPICS']);
		const [row] = groupsPane.rows(context(healthy()));
		expect(lines([row!])).toEqual(['billing | Stable | 1 | 0 | 0s | OK | 1 | orders']);
		expect([row!.key, row!.tone, row!.open]).toEqual(['billing', undefined, {view: 'group', subject: 'billing'}]);
		// The group actions act on; a group row has no single topic for c to consume.
		expect([row!.group, row!.topic]).toEqual(['billing', undefined]);
		expect(tones(row!, titles)).toEqual({STATUS: 'ok'});
		expect(groupsPane.summary!(context(healthy()))).toBe('1 group: 1 OK · total lag 0');
	});

	it('tones a lagging group by its status and sorts status by severity', () => {
		const [row] = groupsPane.rows(context(broken()));
		// One partition has no committed offset: its lag is unknown, counted apart and never as 0.
		expect(lines([row!])).toEqual(['shipping | Stable | 2 | 1,500 (+1 ?) | 90s | LAGGING | 2 | orders']);
		expect(row!.tone).toBe('warn');
		expect(row!.cells[3]!.sort).toBe(1500);
		expect(groupsPane.summary!(context(broken()))).toBe('1 group: 1 LAGGING · total lag 1,500 (+1 partition unknown: nothing committed)');
		const snapshot = healthy();
		snapshot.groups = (['OK', 'UNKNOWN', 'AT_RISK', 'LAGGING', 'STALLED', 'STOPPED'] as const).map(status => group(status, {status}));
		const rows = groupsPane.rows(context(snapshot));
		expect(rows.map(r => [r.cells[5]!.sort, r.cells[5]!.tone, r.tone])).toEqual([
			[0, 'ok', undefined], [1, 'dim', undefined], [2, 'warn', 'warn'], [3, 'warn', 'warn'], [4, 'warn', 'warn'], [5, 'bad', 'bad'],
		]);
		expect(groupsPane.summary!(context(snapshot))).toBe('6 groups: 1 STOPPED, 1 STALLED, 1 LAGGING, 1 AT_RISK, 1 UNKNOWN, 1 OK · total lag 0');
	});

	it('shows a group whose every partition lacks a commit as "-", never 0, and an unknown coordinator as "?"', () => {
		const snapshot = healthy();
		snapshot.groups = [group('new', {members: 1, lag: 0, unknownLagPartitions: 2, partitions: [0, 1].map(partition => ({topic: 'orders', partition, committed: undefined, highWatermark: 5, lag: undefined, owner: 'm', status: 'UNKNOWN' as const}))})];
		const [row] = groupsPane.rows(context(snapshot));
		expect(lines([row!])).toEqual(['new | Stable | 1 | - (2 ?) | - | OK | ? | orders']);
	});

	it('shows a group that could not be read as bad, with the error', () => {
		const snapshot = healthy();
		snapshot.groups = [group('broken', {error: 'COORDINATOR_NOT_AVAILABLE', status: 'UNKNOWN'})];
		const [row] = groupsPane.rows(context(snapshot));
		expect(row!.tone).toBe('bad');
		expect(row!.cells[7]).toEqual({text: 'error: COORDINATOR_NOT_AVAILABLE', tone: 'bad'});
	});

	it('escapes hostile group ids, states and topic names, keeping the raw id to open', () => {
		const snapshot = healthy();
		snapshot.groups = [group(hostile, {
			state: hostile,
			partitions: [{topic: hostile, partition: 0, committed: 1, highWatermark: 1, lag: 0, owner: undefined, status: 'OK'}],
		})];
		const [row] = groupsPane.rows(context(snapshot));
		expect(lines([row!])).toEqual([`${hostileShown} | ${hostileShown} | 0 | 0 | - | OK | ? | ${hostileShown}`]);
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
