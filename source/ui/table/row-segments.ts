import type {Cell, Column, Tone} from '../panes/pane.js';
import {columnGap} from './column-widths.js';
import {fitText} from './fit-text.js';

/** A run of a row's text with one style: consecutive cells of the same look share a run. */
export type Segment = {text: string; tone: Tone | undefined; changed: boolean};

/**
One table row as at most one styled run per cell, each cell already padded or cut to its
column width, so the row renders as a single line of known width. Neighbouring cells that
look the same are merged: a plain row is one string.
*/
export function rowSegments(
	cells: readonly Cell[],
	columns: readonly Column[],
	widths: readonly number[],
	rowTone: Tone | undefined,
	changed: ReadonlySet<number> | undefined,
): Segment[] {
	const segments: Segment[] = [];
	const push = (text: string, tone: Tone | undefined, isChanged: boolean) => {
		const last = segments.at(-1);
		if (last && last.tone === tone && last.changed === isChanged) last.text += text;
		else segments.push({text, tone, changed: isChanged});
	};

	let first = true;
	for (const [index, width] of widths.entries()) {
		if (width <= 0) continue;
		if (!first) push(' '.repeat(columnGap), rowTone, false);
		first = false;
		const cell = cells[index];
		const fitted = fitText(cell?.text ?? '', width, columns[index]?.align);
		const isChanged = changed?.has(index) ?? false;
		const tone = cell?.tone ?? rowTone;
		if (!isChanged || fitted.trim() === '') {
			push(fitted, tone, false);
			continue;
		}

		// Only the text is marked, not its padding: an underlined run of blanks reads as noise.
		const start = fitted.length - fitted.trimStart().length;
		const end = fitted.trimEnd().length;
		if (start > 0) push(fitted.slice(0, start), tone, false);
		push(fitted.slice(start, end), tone, true);
		if (end < fitted.length) push(fitted.slice(end), tone, false);
	}

	return segments;
}

/** The header row: titles cut to their widths, the sorted column marked ▲ ascending / ▼ descending. */
export function headerLine(columns: readonly Column[], widths: readonly number[], sort: {column: number; descending: boolean} | undefined): string {
	const parts: string[] = [];
	for (const [index, width] of widths.entries()) {
		if (width <= 0) continue;
		const column = columns[index]!;
		if (sort?.column !== index) {
			parts.push(fitText(column.title, width, column.align));
			continue;
		}

		// The marker must survive a narrow column: the title gives way to it, without an ellipsis.
		const title = column.title.length + 1 > width ? column.title.slice(0, Math.max(0, width - 1)) : column.title;
		parts.push(fitText(title + (sort.descending ? '▼' : '▲'), width, column.align));
	}

	return parts.join(' '.repeat(columnGap));
}

