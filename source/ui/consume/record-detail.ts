import type {ConsumedRecord, RecordHeader} from '../../model/consume-types.js';
import {sanitize} from '../../text/sanitize.js';
import {byteSize} from '../format/bytes.js';
import {dateTimeMillis} from '../format/clock.js';
import {thousands} from '../format/number.js';
import type {Tone} from '../panes/pane.js';
import {wrapText} from '../table/wrap-text.js';
import {bytesKind, type BytesKind, decodeLossless, escapedLine, hexPairs} from './bytes-text.js';
import {hexDump} from './hex-dump.js';
import {prettyJson} from './json-text.js';

/** One line of a record's detail, already sanitized and no wider than the view. */
export type DetailLine = {text: string; tone?: Tone; title?: boolean};

/** Kept values up to this size are pretty-printed when they are JSON. */
const detailJsonLimit = 8 * 1024 * 1024;
const indent = '  ';

/**
Everything about one record, as lines to scroll through: where and when it was written, its
sizes (and how much was kept when it was cut), its headers, and its key and value in full —
text wrapped, JSON pretty-printed, binary as a hex dump. Computed once per record and width.
*/
export function recordDetail(record: ConsumedRecord, width: number): DetailLine[] {
	const inner = Math.max(1, width - indent.length);
	const headerBytes = record.headers.reduce((sum, header) => sum + Buffer.byteLength(header.key) + (header.value?.length ?? 0), 0);
	const keyBytes = record.key?.length ?? 0;
	const valueBytes = record.value?.length ?? 0;
	const kept = keyBytes + valueBytes + headerBytes;
	const lines: DetailLine[] = [
		{text: `partition ${record.partition}, offset ${sanitize(record.offset)}`, title: true},
		...field('time', `${dateTimeMillis(record.timestamp)} local (${record.timestamp} ms since the epoch)`, inner),
		...field('size', `${byteSize(record.size)} received; ${record.truncated ? 'kept ' : ''}key ${byteSize(keyBytes)}, value ${byteSize(valueBytes)}, headers ${byteSize(headerBytes)}`, inner),
	];
	if (record.truncated) {
		lines.push(...field('truncated', `kept ${thousands(kept)} of ${thousands(record.size)} bytes (cut to bound memory)`, inner, 'warn'));
	}

	lines.push({text: record.headers.length === 0 ? 'headers: none' : `headers (${record.headers.length})`, title: true});
	for (const header of record.headers) lines.push(...headerLines(header, inner));
	lines.push(...bytesSection('key', record.key, inner), ...bytesSection('value', record.value, inner));
	return lines;
}

function field(name: string, value: string, width: number, tone?: Tone): DetailLine[] {
	return wrapText(`${`${name}:`.padEnd(11)}${value}`, width).map(text => ({text: indent + text, ...(tone ? {tone} : {})}));
}

function headerLines(header: RecordHeader, width: number): DetailLine[] {
	const name = sanitize(header.key);
	const value = header.value === null
		? '(null)'
		: bytesKind(header.value, 0) === 'binary' ? `hex ${hexPairs(header.value, 64)}` : escapedLine(header.value);
	return wrapText(`${name}: ${value}`, width).map(text => ({text: indent + text}));
}

const kindLabel: Record<BytesKind, string> = {null: 'null', empty: 'empty', text: 'text', json: 'JSON', binary: 'binary, hex dump'};

function bytesSection(name: string, bytes: Buffer | null, width: number): DetailLine[] {
	const kind = bytesKind(bytes, detailJsonLimit);
	const title: DetailLine = {text: `${name} · ${bytes === null ? 'null' : `${thousands(bytes.length)} bytes`} · ${kindLabel[kind]}`, title: true};
	switch (kind) {
		case 'null': return [title, {text: `${indent}(null${name === 'value' ? ': a tombstone' : ''})`, tone: 'dim'}];
		case 'empty': return [title, {text: `${indent}(empty)`, tone: 'dim'}];
		case 'binary': return [title, ...hexDump(bytes!).map(text => ({text: indent + text}))];
		case 'json': return [title, ...wrapped(prettyJson(decodeLossless(bytes!)), width)];
		case 'text': return [title, ...wrapped(decodeLossless(bytes!).split('\n'), width)];
	}
}

/** Each line sanitized (a newline inside a JSON string is already `\n`), then wrapped to the view. */
function wrapped(lines: readonly string[], width: number): DetailLine[] {
	return lines.flatMap(line => wrapText(sanitize(line), width).map(text => ({text: indent + text})));
}
