import {compareNatural} from '../../model/natural-order.js';
import type {Cell, Row} from '../panes/pane.js';
import type {SortState} from '../ui-state.js';
import {compileFilter} from './row-filter.js';

export type ViewRows = {
	rows: readonly Row[];
	/** The filter was not a valid regex and was matched as text; this says why. */
	filterError: string | undefined;
};

/** What the table shows: the pane's rows filtered by the `/` text, then sorted. */
export function viewRows(all: readonly Row[], filter: string, sort: SortState | undefined): ViewRows {
	const compiled = compileFilter(filter);
	const kept = filter === '' ? all : all.filter(row => matches(row, compiled.test));
	return {rows: sort ? sortRows(kept, sort) : kept, filterError: compiled.error};
}

/**
A row matches when its search text does, or else any one cell (so `^orders$` finds the topic
named exactly that), or the cells joined as the line reads (so `orders.*3` spans columns).
*/
function matches(row: Row, test: (text: string) => boolean): boolean {
	if (row.search !== undefined) return test(row.search);
	return row.cells.some(cell => test(cell.text)) || test(row.cells.map(cell => cell.text).join(' '));
}

/**
Stable: rows that tie keep the pane's order, which is itself meaningful (worst first, by name).
Descending reverses the comparison, not the result, so ties stay in that order both ways.
Cells without a value sort last in either direction.
*/
export function sortRows(rows: readonly Row[], sort: SortState): Row[] {
	const sign = sort.descending ? -1 : 1;
	return rows
		.map((row, index) => ({row, index, value: sortValue(row.cells[sort.column])}))
		.sort((a, b) => {
			if (a.value === undefined || b.value === undefined) {
				return (a.value === undefined ? 1 : 0) - (b.value === undefined ? 1 : 0) || a.index - b.index;
			}

			// Text among numbers ("-", "?") stands for unknown: after the numbers, either direction.
			if (typeof a.value !== typeof b.value) return typeof a.value === 'number' ? -1 : 1;
			return sign * compareValues(a.value, b.value) || a.index - b.index;
		})
		.map(entry => entry.row);
}

function sortValue(cell: Cell | undefined): number | string | undefined {
	if (!cell) return undefined;
	if (cell.sort !== undefined) return cell.sort;
	return cell.text === '' ? undefined : cell.text;
}

function compareValues(a: number | string, b: number | string): number {
	return typeof a === 'number' && typeof b === 'number' ? a - b : compareNatural(String(a), String(b));
}
