import {describe, expect, it} from 'vitest';
import type {Row} from '../../../source/ui/panes/pane.js';
import {compileFilter} from '../../../source/ui/table/row-filter.js';
import {viewRows} from '../../../source/ui/table/view-rows.js';

const row = (key: string, size: number | undefined, extra: Partial<Row> = {}): Row => ({
	key, cells: [{text: key}, size === undefined ? {text: '-'} : {text: `${size}`, sort: size}], ...extra,
});
const rows = [row('orders-10', 5), row('orders-2', 30), row('payments', 5), row('audit', undefined), row('Orders-legacy', 1, {search: 'legacy'})];
const keys = (result: {rows: readonly Row[]}) => result.rows.map(entry => entry.key);

describe('viewRows', () => {
	it('without filter or sort, is the pane\'s rows as given', () => {
		expect(viewRows(rows, '', undefined).rows).toBe(rows);
	});

	it('filters by case-insensitive regex over each cell, the whole line, or the row\'s search text', () => {
		expect(keys(viewRows(rows, 'ORDERS', undefined))).toEqual(['orders-10', 'orders-2']);
		expect(keys(viewRows(rows, '^orders-\\d$', undefined))).toEqual(['orders-2']);
		expect(keys(viewRows(rows, 'payments 5', undefined))).toEqual(['payments']);
		expect(keys(viewRows(rows, 'legacy', undefined))).toEqual(['Orders-legacy']);
	});

	it('an invalid regex is matched as text, and the error says why', () => {
		const result = viewRows([...rows, row('weird[name', 1)], 'd[n', undefined);
		expect(keys(result)).toEqual(['weird[name']);
		expect(result.filterError).toMatch(/Unterminated character class/);
		expect(compileFilter('(').error).toBeDefined();
		expect(compileFilter('a|b').error).toBeUndefined();
	});

	it('sorts numbers as numbers and text naturally, stable, unknown values last both ways', () => {
		expect(keys(viewRows(rows, '', {column: 1, descending: false}))).toEqual(['Orders-legacy', 'orders-10', 'payments', 'orders-2', 'audit']);
		expect(keys(viewRows(rows, '', {column: 1, descending: true}))).toEqual(['orders-2', 'orders-10', 'payments', 'Orders-legacy', 'audit']);
		expect(keys(viewRows(rows, '', {column: 0, descending: false}))).toEqual(['audit', 'orders-2', 'orders-10', 'Orders-legacy', 'payments']);
	});
});
