/** Columns padded to their widest cell; numbers (and anything starting with a digit) right-aligned. */
export function textTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
	const widths = header.map((title, column) => Math.max(title.length, ...rows.map(row => (row[column] ?? '').length)));
	const numeric = (cell: string) => /^[-~<>≈]?\d/.test(cell);
	const line = (cells: readonly string[]) => cells
		.map((cell, column) => (numeric(cell) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
		.join('  ')
		.trimEnd();
	return [line(header), line(widths.map(width => '-'.repeat(width))), ...rows.map(row => line(row))].join('\n');
}

export const ms = (value: number) => (Number.isFinite(value) ? (value >= 100 ? `${Math.round(value)}` : value.toFixed(1)) : '-');
export const mb = (value: number) => (Number.isFinite(value) ? `${Math.round(value)}` : '-');
export const count = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en') : '-');
export const ratio = (value: number, digits = 1) => (Number.isFinite(value) ? `${value.toFixed(digits)}x` : '-');
