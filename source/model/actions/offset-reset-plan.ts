import {offsetText} from './preview-table.js';
import type {ResetTarget} from './offset-target.js';

/** What is known of one partition when planning: the group's committed offset and the log's bounds, read fresh. */
export type ResetInput = {
	topic: string;
	partition: number;
	current: number | undefined;
	low: number;
	high: number;
	/** For a timestamp target: the first offset at or after it, undefined when no record is that recent. */
	atTimestamp?: number | undefined;
};

export type OffsetResetRow = {
	topic: string;
	partition: number;
	current: number | undefined;
	/** Exactly the offset that apply commits. */
	next: number;
	lagBefore: number | undefined;
	lagAfter: number;
	note: string | undefined;
};

/**
Each partition's new offset, with kafka-consumer-groups.sh's rules: an exact offset or a shift is
clamped into [log start, log end] (noted), a time with no record after it goes to the end, and a
shift needs a committed offset to shift from.
*/
export function planOffsetReset(target: ResetTarget, inputs: readonly ResetInput[]): {rows: OffsetResetRow[]; errors: string[]} {
	const rows: OffsetResetRow[] = [];
	const errors: string[] = [];
	for (const input of inputs) {
		const {topic, partition, current, low, high} = input;
		let wanted: number;
		let note: string | undefined;
		switch (target.kind) {
			case 'earliest': wanted = low; break;
			case 'latest': wanted = high; break;
			case 'timestamp':
				if (input.atTimestamp === undefined) {
					wanted = high;
					note = 'no record at or after that time: latest';
				} else {
					wanted = input.atTimestamp;
				}

				break;
			case 'offset': wanted = target.offset; break;
			case 'shift':
				if (current === undefined) {
					errors.push(`${topic}-${partition} has no committed offset to shift from; reset it to earliest, latest, a time or an offset`);
					continue;
				}

				wanted = current + target.by;
				break;
		}

		let next = wanted;
		if (wanted < low) {
			next = low;
			note = `${wanted} is below the log start: ${low}`;
		} else if (wanted > high) {
			next = high;
			note = `${wanted} is past the log end: ${high}`;
		}

		rows.push({topic, partition, current, next, lagBefore: current === undefined ? undefined : high - current, lagAfter: high - next, note});
	}

	return {rows, errors};
}

export const resetHeader = ['partition', 'current', 'new', 'lag before', 'lag after', ''];

export function resetRowCells(row: OffsetResetRow): string[] {
	return [`${row.topic}-${row.partition}`, row.current === undefined ? 'none' : String(row.current), String(row.next), offsetText(row.lagBefore), String(row.lagAfter), row.note ?? ''];
}
