import {offsetText} from './preview-table.js';

/** Up to where: 'end' (everything up to the high watermark), or one offset for every chosen partition. */
export type PurgeBefore = 'end' | number;

export type PurgeRow = {
	partition: number;
	low: number;
	high: number;
	/** The log start after the purge: what DeleteRecords is sent. */
	newLow: number;
	deleted: number;
	note: string | undefined;
};

export function parsePurgeBefore(text: string): PurgeBefore | {error: string} {
	const value = text.trim().toLowerCase();
	if (value === 'end' || value === 'latest') return 'end';
	if (!/^\d+$/.test(value)) return {error: `before: ${JSON.stringify(text.trim())} is neither "end" nor an offset`};
	const offset = Number(value);
	return Number.isSafeInteger(offset) ? offset : {error: 'before: larger than any offset'};
}

/**
Each partition's new log start: the offset clamped into [low, high], as Kafka refuses an
offset past the high watermark and ignores one below the log start.
*/
export function planPurge(watermarks: ReadonlyArray<{partition: number; low: number; high: number}>, before: PurgeBefore): PurgeRow[] {
	return watermarks.map(({partition, low, high}) => {
		let newLow = before === 'end' ? high : before;
		let note: string | undefined;
		if (newLow > high) {
			note = `${before} is past the end: up to ${high}`;
			newLow = high;
		} else if (newLow < low) {
			note = `already starts at ${low}`;
			newLow = low;
		}

		return {partition, low, high, newLow, deleted: newLow - low, note};
	});
}

export function purgeRowCells(topic: string, row: PurgeRow): string[] {
	return [`${topic}-${row.partition}`, offsetText(row.low), offsetText(row.high), offsetText(row.newLow), String(row.deleted), row.note ?? ''];
}
