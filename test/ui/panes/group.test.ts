import {describe, expect, it} from 'vitest';
import {groupPane} from '../../../source/ui/panes/group.js';
import {broken, context, group, healthy, hostile, hostileShown} from './fixtures.js';
import {lines, tones} from './rows.js';

const titles = groupPane.columns.map(column => column.title);

describe('group pane', () => {
	it('shows each partition with committed offset, end offset, lag, owner by client id and host, and status', () => {
		expect(titles).toEqual(['TOPIC', 'PART', 'COMMITTED', 'END', 'LAG', 'TIME LAG', 'OWNER', 'STATUS']);
		const rows = groupPane.rows(context(healthy(), {subject: 'billing'}));
		expect(lines(rows)).toEqual([
			'orders | 0 | 1500000 | 1500000 | 0 | 0s | billing-1@10.0.0.7 | OK',
			'orders | 1 | 20000 | 20000 | 0 | 0s | billing-1@10.0.0.7 | OK',
			'orders | 2 | 0 | 0 | 0 | 0s | billing-1@10.0.0.7 | OK',
		]);
		expect(rows.map(row => row.key)).toEqual(['orders\u00000', 'orders\u00001', 'orders\u00002']);
		// What actions act on (reset offsets prefills the topic and partition) and c consumes.
		expect(rows.map(({group, topic, partition}) => ({group, topic, partition}))).toEqual([0, 1, 2].map(partition => ({group: 'billing', topic: 'orders', partition})));
		expect(groupPane.summary!(context(healthy(), {subject: 'billing'}))).toBe(
			'state Stable · protocol range (consumer) · 1 member: billing-1@10.0.0.7 · coordinator 127.0.0.1:9092 (broker 1) · lag 0 · time lag 0s · OK',
		);
		expect(groupPane.title('billing')).toBe('group billing');
	});

	it('tells members with the same client id and host apart, and shows unowned, uncommitted partitions plainly', () => {
		const rows = groupPane.rows(context(broken(), {subject: 'shipping'}));
		expect(lines(rows)).toEqual([
			'orders | 0 | 400 | 1000 | 600 | 90s | app@10.0.0.8 ~111111 | LAGGING',
			'orders | 1 | 100 | 1000 | 900 | ? | app@10.0.0.8 ~222222 | STOPPED',
			'orders | 2 | - | 1000 | - | - | - | UNKNOWN',
		]);
		expect(rows.map(row => row.tone)).toEqual(['warn', 'bad', undefined]);
		expect(tones(rows[2]!, titles)).toEqual({COMMITTED: 'dim', LAG: 'dim', 'TIME LAG': 'dim', OWNER: 'dim', STATUS: 'dim'});
		expect(rows[0]!.search).toBe('orders 0 400 1000 600 90s app@10.0.0.8 ~111111 LAGGING app-0a1b2c3d-1111-2222-3333-aaaaaa111111');
		expect(rows[2]!.search).toBeUndefined();
		expect(groupPane.summary!(context(broken(), {subject: 'shipping'}))).toBe(
			'state Stable · protocol range (consumer) · 2 members: app@10.0.0.8 ~111111, app@10.0.0.8 ~222222 · coordinator 127.0.0.1:9093 (broker 2) · lag 1,500 (+1 unknown) · time lag 90s · LAGGING'
			+ ' · time lag unknown on orders-1: the record at offset 100 is gone, deleted by retention (the log starts at 150 now)',
		);
	});

	it('shows an unknown end offset as "?" and lag unknown', () => {
		const snapshot = healthy();
		snapshot.groups[0]!.partitions[0] = {...snapshot.groups[0]!.partitions[0]!, highWatermark: undefined, lag: undefined, status: 'UNKNOWN'};
		const [row] = groupPane.rows(context(snapshot, {subject: 'billing'}));
		expect([row!.cells[3]!.text, row!.cells[4]!.text]).toEqual(['?', '?']);
	});

	it('summarises an empty group with its error, and says so when the group is gone', () => {
		const snapshot = healthy();
		snapshot.groups = [group('idle', {state: 'Empty', protocol: '', protocolType: 'consumer', error: 'offsets: timed out'})];
		expect(groupPane.summary!(context(snapshot, {subject: 'idle'}))).toBe('state Empty · protocol - (consumer) · no members · coordinator ? · lag 0 · OK · error: offsets: timed out');
		expect(groupPane.rows(context(snapshot, {subject: 'idle'}))).toEqual([]);
		expect(groupPane.summary!(context(snapshot, {subject: 'gone'}))).toBe('group gone is not in the cluster (deleted, expired, or not read)');
		expect(groupPane.empty).toBe('no committed offsets or assigned partitions');
	});

	it('escapes hostile group ids, client ids, hosts and topics', () => {
		const snapshot = healthy();
		snapshot.groups = [group(hostile, {
			members: 1,
			memberDetails: [{memberId: `m-${hostile}`, clientId: hostile, host: `/${hostile}`, assignments: []}],
			partitions: [{topic: hostile, partition: 0, committed: 5, highWatermark: 7, lag: 2, owner: `m-${hostile}`, status: 'OK'}],
		})];
		const [row] = groupPane.rows(context(snapshot, {subject: hostile}));
		expect(lines([row!])).toEqual([`${hostileShown} | 0 | 5 | 7 | 2 | ? | ${hostileShown}@${hostileShown} | OK`]);
		expect(row!.search!.endsWith(` m-${hostileShown}`)).toBe(true);
		expect(groupPane.title(hostile)).toBe(`group ${hostileShown}`);
		expect(groupPane.summary!(context(snapshot, {subject: hostile}))).toContain(`1 member: ${hostileShown}@${hostileShown}`);
	});
});
