import {Box, Text} from 'ink';
import React, {memo} from 'react';
import type {Column, Row} from '../panes/pane.js';
import {headerLine, rowSegments, type Segment} from '../table/row-segments.js';
import type {SortState} from '../ui-state.js';
import {useToneStyle} from './tone.js';

export type TableProps = {
	columns: readonly Column[];
	widths: readonly number[];
	/** Only the rows that fit: the caller slices the window, so 10,000 rows cost what 20 do. */
	rows: readonly Row[];
	/** Index of the cursor row within `rows`, or -1. */
	cursor: number;
	sort: SortState | undefined;
	/** Cells of a row to highlight as just changed. */
	changed: (rowKey: string) => ReadonlySet<number> | undefined;
	/** Shown in place of rows when there are none. */
	empty: string;
};

/**
A pane's rows as one pre-formatted line each: cells padded or cut to their column widths
before Ink sees them, at most one styled run per cell, `wrap="truncate"` as a backstop.
The cursor row is inverse (visible without colour); changed cells are bold and underlined.
*/
export function Table({columns, widths, rows, cursor, sort, changed, empty}: TableProps) {
	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate">{headerLine(columns, widths, sort)}</Text>
			{rows.length === 0 && <Text dimColor wrap="truncate">{empty}</Text>}
			{rows.map((row, index) => (
				<RowLine key={row.key} segments={rowSegments(row.cells, columns, widths, row.tone, changed(row.key))} cursor={index === cursor} />
			))}
		</Box>
	);
}

const RowLine = memo(function RowLine({segments, cursor}: {segments: Segment[]; cursor: boolean}) {
	const toneStyle = useToneStyle();
	return (
		<Text wrap="truncate" inverse={cursor}>
			{segments.map((segment, index) => (
				<Text key={index} {...toneStyle(segment.tone)} {...(segment.changed ? {bold: true, underline: true} : {})}>{segment.text}</Text>
			))}
		</Text>
	);
}, (before, after) => before.cursor === after.cursor && sameSegments(before.segments, after.segments));

function sameSegments(a: readonly Segment[], b: readonly Segment[]): boolean {
	return a.length === b.length && a.every((segment, index) => {
		const other = b[index]!;
		return segment.text === other.text && segment.tone === other.tone && segment.changed === other.changed;
	});
}
