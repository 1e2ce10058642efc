import type {ConsumedRecord} from '../../model/consume-types.js';
import {sanitize} from '../../text/sanitize.js';
import {byteSize} from '../format/bytes.js';
import {clockMillis} from '../format/clock.js';
import type {Cell, Column, Row} from '../panes/pane.js';
import {compactJson} from './json-text.js';
import {bytesKind, decodeLossless, escapedLine, headBytes, hexPairs} from './bytes-text.js';

/** Bytes of a value decoded for its one-line preview: more than any terminal is wide. */
const previewBytes = 1024;
/** Characters of preview kept: wider than any terminal, small enough that cutting it to a column is cheap. */
const previewChars = 400;
/** Values up to this size are checked for JSON and shown compact; larger ones as text. */
const previewJsonLimit = 64 * 1024;
/** Bytes shown as hex pairs for a binary value. */
const previewHexBytes = 48;

/**
The record table's columns at a terminal width: the value gets what the rest leave, the key
a share that grows with the width (keys are ids: short, but a UUID should fit on a wide screen).
*/
export function recordColumns(width: number): Column[] {
	const keyWidth = Math.max(12, Math.min(40, Math.floor(width * 0.18)));
	return [
		{title: 'PART', width: 4, align: 'right'},
		{title: 'OFFSET', width: 10, align: 'right'},
		{title: 'TIME', width: 12},
		{title: 'KEY', width: keyWidth},
		{title: 'VALUE', width: 'flex', minWidth: 10},
		{title: 'SIZE', width: 8, align: 'right'},
	];
}

// Formatted once per record, when it first becomes visible: a record that scrolls by at 100,000
// a second and is never on screen is never formatted. Evicted records drop out with their row.
const rows = new WeakMap<ConsumedRecord, Row>();

/** One record as one table row (cells sanitized and cut later by the table). */
export function recordRow(record: ConsumedRecord): Row {
	let row = rows.get(record);
	if (!row) {
		row = {
			key: String(record.seq),
			cells: [
				{text: String(record.partition)},
				{text: sanitize(record.offset)},
				{text: clockMillis(record.timestamp)},
				previewCell(record.key),
				previewCell(record.value),
				// "+": the value was cut to bound memory; the detail view says by how much.
				record.truncated ? {text: `${byteSize(record.size)}+`, tone: 'warn'} : {text: byteSize(record.size)},
			],
		};
		rows.set(record, row);
	}

	return row;
}

/** A key or value on one line: text escaped, JSON compact, binary as hex pairs, null and empty said in words. */
export function previewCell(bytes: Buffer | null): Cell {
	switch (bytesKind(bytes, previewJsonLimit)) {
		case 'null': return {text: '(null)', tone: 'dim'};
		case 'empty': return {text: '(empty)', tone: 'dim'};
		case 'binary': return {text: `hex ${hexPairs(bytes!, previewHexBytes)}`, tone: 'dim'};
		case 'json': return {text: cut(sanitize(compactJson(decodeLossless(bytes!))))};
		case 'text': return {text: cut(escapedLine(headBytes(bytes!, previewBytes)))};
	}
}

function cut(text: string): string {
	if (text.length <= previewChars) return text;
	const head = text.slice(0, previewChars);
	// Never half a surrogate pair (an emoji cut in two).
	const last = head.charCodeAt(head.length - 1);
	return last >= 0xD800 && last <= 0xDBFF ? head.slice(0, -1) : head;
}
