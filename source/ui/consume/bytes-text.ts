import {isUtf8} from 'node:buffer';
import {sanitize} from '../../text/sanitize.js';

/**
Record bytes as text a terminal can show. Valid UTF-8 is decoded; a byte that is not part of a
valid UTF-8 sequence is written `\xNN`; control characters and escape sequences then become
visible escapes through sanitize(), so no byte from the cluster reaches the terminal raw.
*/

/** How a key or value is best shown. */
export type BytesKind = 'null' | 'empty' | 'text' | 'json' | 'binary';

/** Bytes looked at to tell text from binary: enough to judge, cheap for a 5 MB value. */
const sampleBytes = 512;
/** Share of odd bytes (controls other than tab/newline/CR, invalid UTF-8) that makes a sample binary. */
const binaryShare = 0.3;
/** Shorter values are always shown as escaped text: `\x00\x01` reads better than a hex dump of two bytes. */
const binaryMinBytes = 8;

/**
UTF-8 text with every byte that is not valid UTF-8 written `\xNN`. Control characters are kept
as they are (callers split lines on "\n" first, then sanitize). A backslash in the data is not
escaped: "\x41" typed by a producer and an escaped 0x41 byte look the same, as in kcat.
*/
export function decodeLossless(bytes: Uint8Array): string {
	if (isUtf8(bytes)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
	const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let text = '';
	let start = 0;
	let index = 0;
	while (index < bytes.length) {
		const length = sequenceLength(bytes, index);
		if (length > 0) {
			index += length;
			continue;
		}

		text += buffer.toString('utf8', start, index) + `\\x${bytes[index]!.toString(16).padStart(2, '0')}`;
		index++;
		start = index;
	}

	return text + buffer.toString('utf8', start, index);
}

/** Length of the valid UTF-8 sequence at `index` (1 to 4), or 0 when the byte there starts none (RFC 3629, table 3-7 of Unicode). */
function sequenceLength(bytes: Uint8Array, index: number): number {
	const lead = bytes[index]!;
	if (lead < 0x80) return 1;
	let length: number;
	let low = 0x80;
	let high = 0xBF;
	if (lead >= 0xC2 && lead <= 0xDF) length = 2;
	else if (lead >= 0xE0 && lead <= 0xEF) {
		length = 3;
		// No overlong forms (E0 80..9F) and no UTF-16 surrogates (ED A0..BF).
		if (lead === 0xE0) low = 0xA0;
		if (lead === 0xED) high = 0x9F;
	} else if (lead >= 0xF0 && lead <= 0xF4) {
		length = 4;
		if (lead === 0xF0) low = 0x90;
		if (lead === 0xF4) high = 0x8F;
	} else return 0;
	if (index + length > bytes.length) return 0;
	const second = bytes[index + 1]!;
	if (second < low || second > high) return 0;
	for (let next = index + 2; next < index + length; next++) {
		if ((bytes[next]! & 0xC0) !== 0x80) return 0;
	}

	return length;
}

/** Mostly not text: many control bytes or bytes that are not UTF-8 in the first few hundred. */
export function looksBinary(bytes: Uint8Array): boolean {
	if (bytes.length < binaryMinBytes) return false;
	const end = Math.min(bytes.length, sampleBytes);
	let odd = 0;
	let index = 0;
	while (index < end) {
		const byte = bytes[index]!;
		if (byte < 0x80) {
			if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0A && byte !== 0x0D) || byte === 0x7F) odd++;
			index++;
			continue;
		}

		const length = sequenceLength(bytes, index);
		// A multi-byte character cut by the sample's end is not evidence of anything.
		if (length === 0 && index + 4 <= bytes.length) odd++;
		index += Math.max(1, length);
	}

	return odd / end > binaryShare;
}

/** Objects and arrays only: a bare `42` or `"x"` is more useful shown as the text it is. */
export function looksLikeJson(text: string): boolean {
	const first = /\S/.exec(text)?.[0];
	if (first !== '{' && first !== '[') return false;
	try {
		JSON.parse(text);
		return true;
	} catch {
		return false;
	}
}

export function bytesKind(bytes: Uint8Array | null, jsonLimit: number): BytesKind {
	if (bytes === null) return 'null';
	if (bytes.length === 0) return 'empty';
	if (looksBinary(bytes)) return 'binary';
	if (bytes.length <= jsonLimit && isUtf8(bytes) && looksLikeJson(decodeLossless(bytes))) return 'json';
	return 'text';
}

/** The first `max` bytes, moved back so a multi-byte character is not cut in two (it would show as \xNN). */
export function headBytes(bytes: Uint8Array, max: number): Uint8Array {
	if (bytes.length <= max) return bytes;
	let end = max;
	while (end > 0 && end > max - 3 && (bytes[end]! & 0xC0) === 0x80) end--;
	return bytes.subarray(0, end);
}

/** Hex pairs, "00 1f a0": a one-line look at binary. */
export function hexPairs(bytes: Uint8Array, max: number): string {
	const pairs: string[] = [];
	for (let index = 0; index < Math.min(bytes.length, max); index++) pairs.push(bytes[index]!.toString(16).padStart(2, '0'));
	return pairs.join(' ') + (bytes.length > max ? ' …' : '');
}

/** Text for one line of a table: sanitized, so newlines show as `\n` and escapes as `\x1b`. */
export function escapedLine(bytes: Uint8Array): string {
	return sanitize(decodeLossless(bytes));
}
