import type {Row} from '../../../source/ui/panes/pane.js';

/** A row as the eye reads it: cell texts joined with " | ". */
export function line(row: Row): string {
	return row.cells.map(cell => cell.text).join(' | ');
}

export function lines(rows: readonly Row[]): string[] {
	return rows.map(row => line(row));
}

/** The tone of each cell that has one, by column title, for compact assertions. */
export function tones(row: Row, titles: readonly string[]): Record<string, string> {
	const found: Record<string, string> = {};
	for (const [index, cell] of row.cells.entries()) {
		if (cell.tone) found[titles[index] ?? String(index)] = cell.tone;
	}

	return found;
}
