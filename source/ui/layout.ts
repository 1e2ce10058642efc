import {textWidth} from '../text/text-width.js';
import {truncate} from './table/fit-text.js';
import {wrapWords} from './table/wrap-text.js';

/** Lines the shell itself takes, apart from the table rows. */
export type FrameLayout = {
	/** Total frame height: always below the terminal's, or Ink clears and repaints the whole screen on every frame. */
	height: number;
	headerLines: 1 | 3;
	summary: boolean;
	/** Table rows that fit under the table's own header line. */
	bodyRows: number;
	/** Too small to show anything useful. */
	tooSmall: boolean;
};

/**
Splits `rows` terminal lines: header (3, or 1 when short), breadcrumbs, the pane's summary,
the table header, the rows that fit, and the hint/prompt line, using at most rows − 1 lines.
*/
export function frameLayout(rows: number): FrameLayout {
	const height = Math.max(1, rows - 1);
	const roomy = height >= 14;
	const headerLines = roomy ? 3 : 1;
	const summary = roomy;
	const fixed = headerLines + 1 + (summary ? 1 : 0) + 1 + 1;
	const bodyRows = Math.max(0, height - fixed);
	return {height, headerLines, summary, bodyRows, tooSmall: bodyRows < 1};
}

/**
What a terminal too small for the shell shows, in at most `rows` − 1 lines (one on a single
row) of at most `columns`: the whole sentence where it fits, wrapped between words, else a
shorter one, down to "…" in one column.
*/
export function tooSmallLines(columns: number, rows: number): string[] {
	const width = Math.max(1, columns);
	const height = Math.max(1, rows - 1);
	const size = `${columns}x${rows}`;
	const sentences = [`ktop: terminal too small (${size}); q quits`, `too small (${size}); q quits`, `too small (${size})`, 'too small', size];
	for (const sentence of sentences) {
		if (sentence.split(' ').some(word => textWidth(word) > width)) continue;
		const lines = wrapWords(sentence, width);
		if (lines.length <= height) return lines;
	}

	return [truncate(sentences.at(-1)!, width)];
}
