import {describe, expect, it} from 'vitest';
import {brokersPane} from '../../../source/ui/panes/brokers.js';
import {T0, broken, broker, context, healthy, hostile, hostileShown, minute} from './fixtures.js';
import {lines, tones} from './rows.js';

const titles = brokersPane.columns.map(column => column.title);

describe('brokers pane', () => {
	it('shows id with the controller marked, endpoint, rack, reachability, age, leadership and where each broker is known', () => {
		expect(titles).toEqual(['ID', 'ENDPOINT', 'RACK', 'REACH', 'SINCE', 'LEAD', 'REPL', 'URP', 'ZK', 'META', 'ERROR']);
		const rows = brokersPane.rows(context(healthy()));
		expect(lines(rows)).toEqual([
			'1 ctl | 127.0.0.1:9092 | - | yes | 3m | 1 | 3 | 0 | yes | yes | ',
			'2 | 127.0.0.1:9093 | - | yes | 3m | 1 | 3 | 0 | yes | yes | ',
			'3 | 127.0.0.1:9094 | - | yes | 3m | 1 | 3 | 0 | yes | yes | ',
		]);
		expect(rows.map(row => [row.key, row.tone, row.cells[0]!.sort])).toEqual([['1', undefined, 1], ['2', undefined, 2], ['3', undefined, 3]]);
		expect(tones(rows[0]!, titles)).toEqual({ID: 'accent'});
		expect(brokersPane.summary!(context(healthy()))).toBe('3 brokers: 3 reachable, 3 registered · controller 1 (epoch 7) · URP = under-replicated partitions it leads');
	});

	it('marks a dead broker NO and bad with its error, and counts the under-replicated partitions each leads', () => {
		const rows = brokersPane.rows(context(broken()));
		expect(lines(rows)).toEqual([
			'1 ctl | 127.0.0.1:9092 | r1 | yes | 3m | 2 | 3 | 1 | yes | yes | ',
			'2 | 127.0.0.1:9093 | r2 | yes | 3m | 1 | 3 | 1 | yes | yes | ',
			'3 | 127.0.0.1:9094 | r1 | NO | - | 1 | 4 | 1 | NO | NO | connect ECONNREFUSED 127.0.0.1:9094',
		]);
		expect(rows.map(row => row.tone)).toEqual([undefined, undefined, 'bad']);
		expect(tones(rows[2]!, titles)).toEqual({REACH: 'bad', URP: 'warn', ZK: 'warn', META: 'warn', ERROR: 'bad'});
		expect(brokersPane.summary!(context(broken()))).toBe('3 brokers: 2 reachable, 2 registered · controller 1 (epoch 7) · URP = under-replicated partitions it leads');
	});

	it('warns about a broker that answers but lost its registration', () => {
		const snapshot = healthy();
		snapshot.brokers[1] = broker(2, {registered: false, registeredAt: undefined});
		const rows = brokersPane.rows(context(snapshot));
		expect(rows[1]!.tone).toBe('warn');
		expect(rows[1]!.cells[8]).toEqual({text: 'NO', sort: 0, tone: 'warn'});
	});

	it('shows "?" rather than NO where a source told nothing about any broker', () => {
		const snapshot = healthy();
		snapshot.brokers = snapshot.brokers.map(b => ({...b, registered: false, registeredAt: undefined}));
		const rows = brokersPane.rows(context(snapshot));
		expect(rows.map(row => [row.cells[8]!.text, row.tone])).toEqual([['?', undefined], ['?', undefined], ['?', undefined]]);
	});

	it('says when there is no controller, and sorts by id and age as numbers', () => {
		const snapshot = healthy();
		snapshot.controller = undefined;
		snapshot.brokers = [broker(10, {isController: false, registeredAt: T0 - 2 * 86_400_000}), broker(9, {isController: false})];
		expect(brokersPane.summary!(context(snapshot))).toBe('2 brokers: 2 reachable, 2 registered · NO CONTROLLER · URP = under-replicated partitions it leads');
		const rows = brokersPane.rows(context(snapshot));
		expect(rows.map(row => [row.cells[0]!.sort, row.cells[4]!.text, row.cells[4]!.sort])).toEqual([[10, '2d', 2 * 86_400_000], [9, '3m', 3 * minute]]);
	});

	it('brackets IPv6 hosts and escapes hosts, racks and errors', () => {
		const snapshot = healthy();
		snapshot.brokers = [
			broker(1, {host: '::1', port: 9092}),
			broker(2, {host: hostile, rack: hostile, reachable: false, error: hostile}),
		];
		const rows = brokersPane.rows(context(snapshot));
		expect(rows[0]!.cells[1]!.text).toBe('[::1]:9092');
		expect([rows[1]!.cells[1]!.text, rows[1]!.cells[2]!.text, rows[1]!.cells[10]!.text]).toEqual([`${hostileShown}:9093`, hostileShown, hostileShown]);
	});

	it('lets the filter find a broker by any of its listeners, not only the endpoint shown', () => {
		const snapshot = healthy();
		snapshot.brokers = [broker(1, {endpoints: ['PLAINTEXT://127.0.0.1:9092', 'SSL://kafka-1.example:9093']})];
		const [row] = brokersPane.rows(context(snapshot));
		expect(row!.search).toBe('1 ctl 127.0.0.1:9092 - yes 3m 1 3 0 yes yes  PLAINTEXT://127.0.0.1:9092 SSL://kafka-1.example:9093');
	});

	it('is empty when no broker is known', () => {
		const snapshot = healthy();
		snapshot.brokers = [];
		expect(brokersPane.rows(context(snapshot))).toEqual([]);
		expect(brokersPane.empty).toBe('no brokers known');
	});
});
