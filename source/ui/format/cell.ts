import type {Cell, Tone} from '../panes/pane.js';
import {thousands, unknown} from './number.js';

/**
Cells for numbers. Every numeric column sorts by number, and what is not known sorts as -1,
below every real value, so a column never mixes numbers and strings as sort values.
*/
export function countCell(value: number | undefined, tone?: Tone): Cell {
	return value === undefined ? {text: unknown, sort: -1, tone: 'dim'} : withTone({text: thousands(value), sort: value}, tone);
}

/** Offsets and watermarks: plain digits (see number.ts). */
export function offsetCell(value: number | undefined, tone?: Tone): Cell {
	return value === undefined ? {text: unknown, sort: -1, tone: 'dim'} : withTone({text: String(value), sort: value}, tone);
}

/** A cell whose text says yes or no; "NO" is upper case so it stands out without colour. */
export function yesNoCell(value: boolean | undefined, noTone: Tone = 'bad'): Cell {
	if (value === undefined) return {text: unknown, sort: -1, tone: 'dim'};
	return value ? {text: 'yes', sort: 1} : {text: 'NO', sort: 0, tone: noTone};
}

function withTone(cell: Cell, tone: Tone | undefined): Cell {
	return tone === undefined ? cell : {...cell, tone};
}
