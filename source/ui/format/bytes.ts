/** A byte count as people read sizes: 512 B, 1.5 KB, 4.0 MB (powers of 1024, as the tools print them). */
export function byteSize(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	const units = ['KB', 'MB', 'GB', 'TB'];
	let value = bytes / 1024;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}

	return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
