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

/** A stretch of a row drawn as one text, `gap` blank columns after the previous one (or the row's start). */
export type Piece = {gap: number; segments: Segment[]};

/** Blank runs at least this long are left out of a row's text; shorter ones cost less as text than as layout. */
export const pieceGap = 8;

/**
A row as the stretches that have something to show, without its long runs of blanks: the
padding of a wide name column, or a short value right-aligned in a wide one. Ink draws a line
character by character (each through a grapheme segmenter) into a grid that starts out blank,
so blanks left out cost nothing, where written they were most of a 200-column frame's drawing.
Only blanks that look blank are left out: underlined text (a changed cell) keeps its spaces;
colour, dim and bold do not show on a blank (no tone has a background). Trailing blanks go, and
blank runs shorter than `minGap` stay in the text. A row with no text at all has no pieces.
*/
export function rowPieces(segments: readonly Segment[], minGap = pieceGap): Piece[] {
	const pieces: Piece[] = [];
	let blanks: Segment[] = [];
	let blankWidth = 0;
	const append = (piece: Piece, segment: Segment) => {
		const last = piece.segments.at(-1);
		if (last && last.tone === segment.tone && last.changed === segment.changed) piece.segments[piece.segments.length - 1] = {...last, text: last.text + segment.text};
		else piece.segments.push(segment);
	};

	const show = (segment: Segment) => {
		const cut = blankWidth >= minGap;
		if (pieces.length === 0 || cut) pieces.push({gap: cut ? blankWidth : 0, segments: []});
		const piece = pieces.at(-1)!;
		if (!cut) for (const blank of blanks) append(piece, blank);
		blanks = [];
		blankWidth = 0;
		append(piece, segment);
	};

	for (const segment of segments) {
		if (segment.changed) {
			show(segment);
			continue;
		}

		for (const part of segment.text.split(/( +)/)) {
			if (part === '') continue;
			if (!part.startsWith(' ')) {
				show({...segment, text: part});
				continue;
			}

			blanks.push({...segment, text: part});
			blankWidth += part.length;
		}
	}

	return pieces;
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

