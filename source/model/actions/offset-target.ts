import {parseStartPosition} from '../start-position.js';
import type {ParseError} from './action-env.js';

/** kafka-consumer-groups.sh --reset-offsets targets, by the names it uses (--to-earliest, --shift-by…). */
export const resetTargets = ['earliest', 'latest', 'timestamp', 'offset', 'shift'] as const;

export type ResetTarget =
	| {kind: 'earliest'}
	| {kind: 'latest'}
	| {kind: 'timestamp'; at: number}
	| {kind: 'offset'; offset: number}
	| {kind: 'shift'; by: number};

export const resetValueHint = 'time: 2024-06-10T08:00:00Z, -1h, @epoch-ms; offset: 1234; shift: -100 or +100';

/** The target from the `to` choice and the `value` field (ignored for earliest and latest). */
export function parseResetTarget(to: string, valueText: string, now = Date.now()): ResetTarget | ParseError {
	const value = valueText.trim();
	switch (to.trim()) {
		case 'earliest': return {kind: 'earliest'};
		case 'latest': return {kind: 'latest'};
		case 'timestamp': {
			const wrong = {error: `value: ${value === '' ? 'a time is required' : `${JSON.stringify(value)} is not a time`}; give ISO 8601 (2024-06-10T08:00:00Z), a time ago (-1h, -30m) or @epoch-ms`};
			try {
				const start = parseStartPosition(value, now);
				return start.kind === 'timestamp' ? {kind: 'timestamp', at: start.at} : wrong;
			} catch {
				return wrong;
			}
		}

		case 'offset': {
			if (!/^\d+$/.test(value)) return {error: `value: ${value === '' ? 'an offset is required' : `${JSON.stringify(value)} is not an offset`} (a whole number like 1234)`};
			const offset = Number(value);
			return Number.isSafeInteger(offset) ? {kind: 'offset', offset} : {error: 'value: larger than any offset'};
		}

		case 'shift': {
			if (!/^[-+]?\d+$/.test(value)) return {error: `value: ${value === '' ? 'a shift is required' : `${JSON.stringify(value)} is not a shift`} (-100 moves back, +100 forward)`};
			const by = Number(value);
			return Number.isSafeInteger(by) ? {kind: 'shift', by} : {error: 'value: larger than any offset'};
		}

		default: return {error: `to: one of ${resetTargets.join(', ')}`};
	}
}

export function describeTarget(target: ResetTarget): string {
	switch (target.kind) {
		case 'earliest': return 'the earliest offset';
		case 'latest': return 'the latest offset';
		case 'timestamp': return `the first record at or after ${new Date(target.at).toISOString()}`;
		case 'offset': return `offset ${target.offset}`;
		case 'shift': return `shifted by ${target.by > 0 ? '+' : ''}${target.by}`;
	}
}
