import {describe, expect, it} from 'vitest';
import {partitionsPane} from '../../../source/ui/panes/partitions.js';
import {broken, context, healthy, hostile, hostileShown, partition, topic} from './fixtures.js';
import {lines, tones} from './rows.js';

const titles = partitionsPane.columns.map(column => column.title);

describe('partitions pane', () => {
	it('shows leader, replicas, ISR, offline replicas, preferred leader, watermarks and leader epoch', () => {
		expect(titles).toEqual(['PART', 'LEADER', 'REPLICAS', 'ISR', 'OFFLINE', 'PREF', 'LOW', 'HIGH', 'EPOCH']);
		const rows = partitionsPane.rows(context(healthy(), {subject: 'orders'}));
		expect(lines(rows)).toEqual([
			'0 | 1 | 1,2,3 | 1,2,3 | - | yes | 500 | 1500000 | 4',
			'1 | 2 | 2,3,1 | 1,2,3 | - | yes | 0 | 20000 | 4',
			'2 | 3 | 3,1,2 | 1,2,3 | - | yes | 0 | 0 | 4',
		]);
		expect(rows.map(row => [row.key, row.tone, row.cells[0]!.sort])).toEqual([['0', undefined, 0], ['1', undefined, 1], ['2', undefined, 2]]);
		// What c consumes and actions act on: the topic, and the row's partition (prefilled in produce and purge).
		expect(rows.map(row => [row.topic, row.partition])).toEqual([['orders', 0], ['orders', 1], ['orders', 2]]);
		expect(partitionsPane.summary!(context(healthy(), {subject: 'orders'}))).toBe(
			'RF 3, min.insync.replicas 2, cleanup.policy delete, retention 7d · 3 partitions: 0 offline, 0 under min ISR, 0 under-replicated · ! = out of ISR',
		);
		expect(partitionsPane.title('orders')).toBe('partitions of orders');
	});

	it('marks replicas out of the ISR with "!", a leader on a dead broker as down, and tones rows by state', () => {
		const rows = partitionsPane.rows(context(broken(), {subject: 'orders'}));
		expect(lines(rows)).toEqual([
			'0 | 1 | 1,2,3! | 1,2 | - | yes | 0 | 1000 | 4',
			'1 | 2 | 2,3!,1! | 2 | - | yes | ? | ? | 4',
			'2 | 3 down | 3,1!,2! | 3 | 3 | yes | 0 | 1000 | 4',
		]);
		// At min ISR, under min ISR, offline.
		expect(rows.map(row => row.tone)).toEqual(['warn', 'bad', 'bad']);
		expect(tones(rows[2]!, titles)).toEqual({LEADER: 'bad', REPLICAS: 'warn', OFFLINE: 'bad'});
		expect(partitionsPane.summary!(context(broken(), {subject: 'orders'}))).toBe(
			'RF 3, min.insync.replicas 2, cleanup.policy delete, retention 7d · 3 partitions: 1 offline, 1 under min ISR, 2 under-replicated · ! = out of ISR',
		);
	});

	it('shows a partition without a leader as "none", with no preferred-leader verdict', () => {
		const [row] = partitionsPane.rows(context(broken(), {subject: 'payments'}));
		expect(row!.cells[1]).toEqual({text: 'none', sort: -1, tone: 'bad'});
		expect(row!.cells[3]!.text).toBe('-');
		expect(row!.cells[5]!.text).toBe('-');
		expect(row!.tone).toBe('bad');
	});

	it('flags a leader that is not the preferred replica', () => {
		const snapshot = healthy();
		snapshot.topics = [topic('moved', [partition(0, 2, [1, 2, 3], [1, 2, 3], {preferredLeader: false})])];
		const [row] = partitionsPane.rows(context(snapshot, {subject: 'moved'}));
		expect(row!.cells[5]).toEqual({text: 'NO', sort: 0, tone: 'warn'});
		expect(row!.tone).toBeUndefined();
	});

	it('summarises unknown configs, internal and pending-deletion topics, and exact retention', () => {
		const snapshot = healthy();
		snapshot.topics = [topic('x', [], {minInsyncReplicas: undefined, cleanupPolicy: undefined, retentionMs: -1, internal: true, pendingDeletion: true})];
		expect(partitionsPane.summary!(context(snapshot, {subject: 'x'}))).toBe(
			'RF 0, min.insync.replicas ?, cleanup.policy ?, retention forever, internal, PENDING DELETION · 0 partitions: 0 offline, 0 under min ISR, 0 under-replicated · ! = out of ISR',
		);
		snapshot.topics = [topic('y', [], {retentionMs: 129_600_000, cleanupPolicy: 'compact,delete'})];
		expect(partitionsPane.summary!(context(snapshot, {subject: 'y'}))).toContain('cleanup.policy compact,delete, retention 36h');
	});

	it('says so when the topic is gone', () => {
		const rows = partitionsPane.rows(context(healthy(), {subject: 'vanished'}));
		expect(rows).toEqual([]);
		expect(partitionsPane.summary!(context(healthy(), {subject: 'vanished'}))).toBe('topic vanished is not in the cluster (deleted, or not read)');
		expect(partitionsPane.empty).toBe('no partitions to show');
	});

	it('escapes a hostile topic name in its title and summary', () => {
		expect(partitionsPane.title(hostile)).toBe(`partitions of ${hostileShown}`);
		expect(partitionsPane.summary!(context(healthy(), {subject: hostile}))).toBe(`topic ${hostileShown} is not in the cluster (deleted, or not read)`);
		const snapshot = healthy();
		snapshot.topics = [topic(hostile, [partition(0, 1, [1], [1])], {cleanupPolicy: hostile, minInsyncReplicas: 1})];
		expect(partitionsPane.rows(context(snapshot, {subject: hostile}))).toHaveLength(1);
		expect(partitionsPane.summary!(context(snapshot, {subject: hostile}))).toContain(`cleanup.policy ${hostileShown},`);
	});
});
