import {Box, Text} from 'ink';
import React, {Fragment, memo} from 'react';
import type {Column, Row} from '../panes/pane.js';
import {headerLine, rowPieces, rowSegments, type Segment} from '../table/row-segments.js';
import type {SortState} from '../ui-state.js';
import {SpansLine} from './spans-line.js';
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
before Ink sees them, at most one styled run per cell, `wrap="truncate"` as a backstop; long
blank runs are left to layout rather than drawn (see RowLine).
The cursor row is inverse (visible without colour); changed cells are bold and underlined.
*/
export function Table({columns, widths, rows, cursor, sort, changed, empty}: TableProps) {
	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate">{headerLine(columns, widths, sort)}</Text>
			{rows.length === 0 && <SpansLine spans={[{text: empty, tone: 'dim'}]} />}
			{rows.map((row, index) => (
				<RowLine key={row.key} segments={rowSegments(row.cells, columns, widths, row.tone, changed(row.key))} cursor={index === cursor} />
			))}
		</Box>
	);
}

/**
A row is one text, except that a row off the cursor leaves out its long blank runs (see
rowPieces): then it is its stretches of text side by side, spaced by empty boxes, which look the
same and cost Ink a fraction to draw. The cursor row stays whole: inverse video shows its blanks.
*/
const RowLine = memo(function RowLine({segments, cursor}: {segments: Segment[]; cursor: boolean}) {
	const toneStyle = useToneStyle();
	// A run without a style is plain text in the line's Text, not a Text of its own: one node less to draw.
	const styled = (runs: readonly Segment[]) => runs.map((segment, index) => {
		const style = {...toneStyle(segment.tone), ...(segment.changed ? {bold: true, underline: true} : {})};
		return Object.keys(style).length === 0 ? segment.text : <Text key={index} {...style}>{segment.text}</Text>;
	});
	const pieces = cursor ? [] : rowPieces(segments);
	if (pieces.length === 0 || (pieces.length === 1 && pieces[0]!.gap === 0)) {
		return <Text wrap="truncate" inverse={cursor}>{styled(pieces[0]?.segments ?? segments)}</Text>;
	}

	return (
		<Box>
			{pieces.map((piece, index) => (
				<Fragment key={index}>
					{piece.gap > 0 && <Box width={piece.gap} flexShrink={0} />}
					<Text wrap="truncate">{styled(piece.segments)}</Text>
				</Fragment>
			))}
		</Box>
	);
}, (before, after) => before.cursor === after.cursor && sameSegments(before.segments, after.segments));

function sameSegments(a: readonly Segment[], b: readonly Segment[]): boolean {
	return a.length === b.length && a.every((segment, index) => {
		const other = b[index]!;
		return segment.text === other.text && segment.tone === other.tone && segment.changed === other.changed;
	});
}
