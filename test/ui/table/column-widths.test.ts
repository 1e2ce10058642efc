import {describe, expect, it} from 'vitest';
import type {Column, Row} from '../../../source/ui/panes/pane.js';
import {columnWidths} from '../../../source/ui/table/column-widths.js';
import {headerLine, rowPieces, rowSegments, type Segment} from '../../../source/ui/table/row-segments.js';

const columns: Column[] = [
	{title: 'NAME', width: 'flex', minWidth: 10},
	{title: 'PARTS', width: 5, align: 'right'},
	{title: 'MESSAGE', width: 'flex', minWidth: 6},
	{title: 'URP', width: 4, align: 'right'},
];

const row: Row = {key: 'orders', cells: [{text: 'orders'}, {text: '12'}, {text: 'a rather long message about the topic'}, {text: '3', tone: 'warn'}]};
const text = (widths: number[]) => rowSegments(row.cells, columns, widths, undefined, undefined).map(segment => segment.text).join('');

describe('columnWidths', () => {
	it('gives fixed columns their width and shares the rest among flex columns', () => {
		expect(columnWidths(columns, 80)).toEqual([34, 5, 34, 4]);
		expect(columnWidths(columns, 81)).toEqual([35, 5, 34, 4]);
		expect(text(columnWidths(columns, 80))).toHaveLength(80);
	});

	it('keeps flex minimums, then cuts from the right so a row never exceeds the width', () => {
		// NAME needs 10 of the 18 left over; MESSAGE gets the other 8.
		expect(columnWidths(columns, 30)).toEqual([10, 5, 8, 4]);
		// Below the minimums: the last columns are cut, then dropped.
		expect(columnWidths(columns, 20)).toEqual([10, 5, 3, 0]);
		for (const width of [1, 5, 12, 20, 26, 27, 30, 200]) {
			const widths = columnWidths(columns, width);
			expect(text(widths).length, `width ${width}`).toBeLessThanOrEqual(width);
			expect(headerLine(columns, widths, {column: 1, descending: true}).length).toBeLessThanOrEqual(width);
		}
	});
});

describe('rowSegments', () => {
	it('merges neighbouring cells that look the same into one run', () => {
		const segments = rowSegments(row.cells, columns, [10, 5, 10, 4], undefined, undefined);
		expect(segments.map(segment => [segment.text, segment.tone])).toEqual([['orders        12 a rather…  ', undefined], ['   3', 'warn']]);
	});

	it('marks a changed cell\'s text, not its padding', () => {
		const segments = rowSegments(row.cells, columns, [10, 5, 10, 4], undefined, new Set([1]));
		expect(segments.filter(segment => segment.changed).map(segment => segment.text)).toEqual(['12']);
		expect(segments.map(segment => segment.text).join('')).toBe('orders        12 a rather…     3');
	});

	it('marks the sorted column in the header, even when its title must give way', () => {
		expect(headerLine(columns, [10, 5, 10, 4], {column: 0, descending: false})).toBe('NAME▲      PARTS MESSAGE     URP');
		expect(headerLine(columns, [10, 5, 10, 4], {column: 1, descending: true})).toBe('NAME       PART▼ MESSAGE     URP');
	});
});

describe('rowPieces', () => {
	const plain = (text: string, tone?: Segment['tone']): Segment => ({text, tone, changed: false});
	const line = (pieces: ReturnType<typeof rowPieces>) => pieces.map(piece => ' '.repeat(piece.gap) + piece.segments.map(segment => segment.text).join('')).join('');

	it('leaves long blank runs to layout and keeps short ones, so the row reads the same without its trailing blanks', () => {
		const segments = rowSegments(row.cells, columns, columnWidths(columns, 120), undefined, undefined);
		const pieces = rowPieces(segments, 8);
		expect(pieces.map(piece => piece.gap)).toEqual([0, 52, 21]);
		expect(pieces.map(piece => piece.segments.map(segment => segment.text).join(''))).toEqual(['orders', '12 a rather long message about the topic', '3']);
		expect(line(pieces)).toBe(segments.map(segment => segment.text).join('').trimEnd());
	});

	it('keeps each stretch\'s tones, and the spaces of underlined text, which show', () => {
		const pieces = rowPieces([plain('a'), plain('          ', 'bad'), plain('b', 'bad'), {text: 'x          y', tone: undefined, changed: true}, plain('   ')], 8);
		expect(pieces).toEqual([
			{gap: 0, segments: [plain('a')]},
			{gap: 10, segments: [plain('b', 'bad'), {text: 'x          y', tone: undefined, changed: true}]},
		]);
	});

	it('gives a row of blanks no pieces', () => {
		expect(rowPieces([plain('      '), plain('   ', 'warn')])).toEqual([]);
	});
});
