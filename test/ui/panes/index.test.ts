import {describe, expect, it} from 'vitest';
import {paneForAlias, panes} from '../../../source/ui/panes/index.js';
import type {ViewId} from '../../../source/ui/panes/pane.js';
import {broken, context, event, healthy} from './fixtures.js';

describe('pane registry', () => {
	it('has every view under its own id', () => {
		const ids: ViewId[] = ['health', 'zookeeper', 'brokers', 'topics', 'partitions', 'groups', 'group', 'events'];
		expect(Object.keys(panes).sort()).toEqual([...ids].sort());
		for (const id of ids) expect(panes[id].id).toBe(id);
	});

	it('finds panes by their `:` aliases, ignoring case and blanks', () => {
		const found = (alias: string) => paneForAlias(alias)?.id;
		expect(['health', 'h', 'zk', 'zookeeper', 'brokers', 'b', 'topics', 't', 'groups', 'g', 'cg', 'events', 'ev'].map(found)).toEqual([
			'health', 'health', 'zookeeper', 'zookeeper', 'brokers', 'brokers', 'topics', 'topics', 'groups', 'groups', 'groups', 'events', 'events',
		]);
		expect(found(' ZK ')).toBe('zookeeper');
	});

	it('gives drill-down panes no alias', () => {
		expect(panes.partitions.aliases).toEqual([]);
		expect(panes.group.aliases).toEqual([]);
		expect(paneForAlias('partitions')).toBeUndefined();
		expect(paneForAlias('group')).toBeUndefined();
		expect(paneForAlias('')).toBeUndefined();
	});

	it('gives each column a distinct sort key that is not G (go to the bottom), and a title that fits its width', () => {
		for (const pane of Object.values(panes)) {
			const keys = pane.columns.map(column => column.sortKey).filter(Boolean);
			expect(new Set(keys).size, pane.id).toBe(keys.length);
			expect(keys, pane.id).not.toContain('G');
			for (const column of pane.columns) {
				const room = column.width === 'flex' ? column.minWidth ?? 1 : column.width;
				expect(column.title.length, `${pane.id} ${column.title}`).toBeLessThanOrEqual(room);
			}
		}
	});

	it('fits at 80 columns with one space between columns, except the ZooKeeper pane, which puts the least useful on the right', () => {
		const needed = (id: ViewId) => {
			const {columns} = panes[id];
			return columns.reduce((sum, column) => sum + (column.width === 'flex' ? column.minWidth ?? 1 : column.width), 0) + columns.length - 1;
		};

		for (const id of ['health', 'brokers', 'topics', 'partitions', 'groups', 'group', 'events'] as const) expect(needed(id), id).toBeLessThanOrEqual(80);
		expect(needed('zookeeper')).toBeGreaterThan(80);
	});

	it('gives rows unique keys, one cell per column, and search text that still holds every cell', () => {
		const subjects: Partial<Record<ViewId, string>> = {partitions: 'orders', group: 'shipping'};
		const events = [event(1, 'broker-left', 'broker 3', 'left'), event(1, 'broker-left', 'broker 3', 'left')];
		for (const pane of Object.values(panes)) {
			const rows = pane.rows(context(broken(), {subject: subjects[pane.id], events}));
			expect(rows.length, pane.id).toBeGreaterThan(0);
			expect(new Set(rows.map(row => row.key)).size, pane.id).toBe(rows.length);
			for (const row of rows) {
				expect(row.cells, `${pane.id} ${row.key}`).toHaveLength(pane.columns.length);
				// The shell's filter matches `search` instead of the cells when a row has one.
				for (const cell of row.cells) if (row.search !== undefined) expect(row.search).toContain(cell.text);
			}
		}

		expect(panes.health.rows(context(healthy()))).toEqual([]);
	});
});
