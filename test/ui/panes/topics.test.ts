import {describe, expect, it} from 'vitest';
import {topicsPane} from '../../../source/ui/panes/topics.js';
import {broken, context, healthy, hostile, hostileShown, partition, topic} from './fixtures.js';
import {lines, tones} from './rows.js';

const titles = topicsPane.columns.map(column => column.title);

describe('topics pane', () => {
	it('shows partitions, RF, min ISR, problem counts, messages and flags; Enter opens the partitions', () => {
		expect(titles).toEqual(['NAME', 'PARTS', 'RF', 'MINISR', 'OFFLINE', '<MIN', 'URP', 'MESSAGES', 'FLAGS']);
		const rows = topicsPane.rows(context(healthy()));
		expect(lines(rows)).toEqual([
			'__consumer_offsets | 1 | 3 | 2 | 0 | 0 | 0 | 10 | internal',
			'orders | 3 | 3 | 2 | 0 | 0 | 0 | 1,519,500 | ',
		]);
		expect(rows.map(row => [row.key, row.tone, row.open])).toEqual([
			['__consumer_offsets', 'dim', {view: 'partitions', subject: '__consumer_offsets'}],
			['orders', undefined, {view: 'partitions', subject: 'orders'}],
		]);
		expect(rows[1]!.cells[7]!.sort).toBe(1_519_500);
		expect(topicsPane.summary!(context(healthy()))).toBe('2 topics (1 internal), 4 partitions: 0 offline, 0 under min ISR (<MIN), 0 under-replicated (URP)');
	});

	it('counts offline (leader gone or on a dead broker), under-min-ISR and under-replicated partitions, toned by the worst', () => {
		const rows = topicsPane.rows(context(broken()));
		expect(lines(rows)).toEqual([
			'orders | 3 | 3 | 2 | 1 | 1 | 2 | ≥2,000 | ',
			'payments | 1 | 2 | 1 | 1 | 0 | 0 | 1,000 | ',
		]);
		expect(rows.map(row => row.tone)).toEqual(['bad', 'bad']);
		expect(tones(rows[0]!, titles)).toEqual({'OFFLINE': 'bad', '<MIN': 'bad', 'URP': 'warn'});
		expect(topicsPane.summary!(context(broken()))).toBe('2 topics (0 internal), 4 partitions: 2 offline, 1 under min ISR (<MIN), 2 under-replicated (URP)');
	});

	it('tones a topic warn when its worst partition is only under-replicated, and marks deletion', () => {
		const snapshot = healthy();
		snapshot.topics = [
			topic('urp', [partition(0, 1, [1, 2, 3], [1, 2, 3]), partition(1, 2, [2, 3], [2])], {minInsyncReplicas: 1}),
			topic('going', [partition(0, 1, [1], [1])], {pendingDeletion: true, minInsyncReplicas: 1}),
		];
		const rows = topicsPane.rows(context(snapshot));
		expect(rows.map(row => [row.tone, row.cells[6]!.text, row.cells[8]!.text])).toEqual([['warn', '1', ''], [undefined, '0', 'DELETING']]);
		expect(rows[1]!.cells[8]!.tone).toBe('warn');
	});

	it('shows unknown sizes and min ISR as "?" sorted below every number', () => {
		const snapshot = healthy();
		snapshot.topics = [topic('blind', [partition(0, 1, [1], [1], {lowWatermark: undefined, highWatermark: undefined})], {minInsyncReplicas: undefined})];
		const [row] = topicsPane.rows(context(snapshot));
		expect([row!.cells[3], row!.cells[7]]).toEqual([{text: '?', sort: -1, tone: 'dim'}, {text: '?', sort: -1, tone: 'dim'}]);
	});

	it('escapes a hostile topic name but keeps the raw name as key and drill-down subject', () => {
		const snapshot = healthy();
		snapshot.topics = [topic(hostile, [partition(0, 1, [1], [1])])];
		const [row] = topicsPane.rows(context(snapshot));
		expect(row!.cells[0]!.text).toBe(hostileShown);
		expect(row!.key).toBe(hostile);
		expect(row!.open).toEqual({view: 'partitions', subject: hostile});
	});

	it('is empty without topics', () => {
		const snapshot = healthy();
		snapshot.topics = [];
		expect(topicsPane.rows(context(snapshot))).toEqual([]);
		expect(topicsPane.empty).toBe('no topics');
	});
});
