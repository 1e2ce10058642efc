import type {Column} from '../panes/pane.js';

/** Space between two columns. */
export const columnGap = 1;
const defaultFlexMin = 8;

/**
Each column's width for a terminal `width` columns wide: fixed columns get theirs, flex columns
share what is left equally, except that none goes below its minWidth (a column that needs more
than its share takes it, and the others share the rest). Whatever still does not fit is cut
from the right, so a row built from these widths is never wider than the terminal. A column cut
to zero is not shown at all.
*/
export function columnWidths(columns: readonly Column[], width: number): number[] {
	const fixed = columns.reduce((sum, column) => sum + (column.width === 'flex' ? 0 : column.width), 0);
	const gaps = Math.max(0, columns.length - 1) * columnGap;
	const flex = shareFlex(columns, Math.max(0, width - fixed - gaps));
	const wanted = columns.map((column, index) => (column.width === 'flex' ? flex.get(index)! : column.width));

	// Cut from the right until the row fits.
	let left = width;
	return wanted.map((want, index) => {
		const gap = index === 0 ? 0 : columnGap;
		if (left - gap <= 0) {
			left = 0;
			return 0;
		}

		const given = Math.min(want, left - gap);
		left -= given + gap;
		return given;
	});
}

/** Water-filling: the flex columns with the largest minimums are settled first. */
function shareFlex(columns: readonly Column[], spare: number): Map<number, number> {
	const pending = columns
		.map((column, index) => ({index, min: column.minWidth ?? defaultFlexMin, flex: column.width === 'flex'}))
		.filter(column => column.flex)
		.sort((a, b) => b.min - a.min || a.index - b.index);
	const widths = new Map<number, number>();
	let left = spare;
	while (pending.length > 0 && pending[0]!.min > Math.floor(left / pending.length)) {
		const column = pending.shift()!;
		widths.set(column.index, column.min);
		left = Math.max(0, left - column.min);
	}

	// The rest share equally; the leftmost get the odd columns.
	pending.sort((a, b) => a.index - b.index);
	const share = pending.length === 0 ? 0 : Math.floor(left / pending.length);
	let remainder = left - share * pending.length;
	for (const column of pending) {
		const extra = remainder > 0 ? 1 : 0;
		remainder -= extra;
		widths.set(column.index, share + extra);
	}

	return widths;
}
