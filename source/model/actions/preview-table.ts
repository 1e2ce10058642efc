import {sanitize} from '../../text/sanitize.js';
import {textWidth} from '../../text/text-width.js';

export type Align = 'left' | 'right';

/**
Rows as aligned columns, two spaces apart; trailing spaces trimmed. Cells are sanitized here,
before measuring, so a group name with an escape sequence cannot shift the columns (the UI
sanitizes again, which leaves already-escaped text as it is).
*/
export function table(rows: ReadonlyArray<readonly string[]>, align: readonly Align[] = []): string[] {
	const cells = rows.map(row => row.map(cell => sanitize(cell)));
	const widths: number[] = [];
	for (const row of cells) {
		for (const [index, cell] of row.entries()) widths[index] = Math.max(widths[index] ?? 0, textWidth(cell));
	}

	return cells.map(row => row.map((cell, index) => {
		const pad = ' '.repeat((widths[index] ?? 0) - textWidth(cell));
		return align[index] === 'right' ? pad + cell : cell + pad;
	}).join('  ').trimEnd());
}

/** A number as Kafka's tools print offsets (no separators, so it can be copied), or '-' when unknown. */
export function offsetText(value: number | undefined): string {
	return value === undefined ? '-' : String(value);
}
