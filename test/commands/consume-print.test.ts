import {describe, expect, it} from 'vitest';
import {formatRecordLine, previewChars} from '../../source/commands/consume-print.js';
import type {ConsumedRecord} from '../../source/model/consume-types.js';

function record(overrides: Partial<ConsumedRecord>): ConsumedRecord {
	return {seq: 1, topic: 't', partition: 2, offset: '41', timestamp: Date.UTC(2024, 5, 10, 8), key: Buffer.from('k'), value: Buffer.from('v'), headers: [], size: 2, truncated: false, ...overrides};
}

describe('formatRecordLine', () => {
	it('writes partition, offset, time, key and value, tab-separated', () => {
		expect(formatRecordLine(record({}))).toBe('2\t41\t2024-06-10T08:00:00.000Z\tk\tv');
		expect(formatRecordLine(record({key: null, value: null, timestamp: -1}))).toBe('2\t41\t-\t(null)\t(null)');
	});

	it('makes escape sequences and control characters visible, in keys, values and headers', () => {
		const nasty = Buffer.from('\u001B]0;pwned\u0007\u001B[2J\u001B[H\r\u0000\t\n');
		const line = formatRecordLine(record({key: nasty, value: nasty, headers: [{key: 'h\u001B[31m', value: nasty}]}));
		expect(line).not.toMatch(/[\u0000-\u0008\u000A-\u001F\u007F]/);
		expect(line.split('\t')).toHaveLength(6);
		expect(line).toContain('\\x1b]0;pwned\\x07\\x1b[2J\\x1b[H\\r\\x00\\t\\n');
		expect(line).toContain('h:h\\x1b[31m=');
	});

	it('shows invalid UTF-8 as replacement characters and marks a cut value with the record size', () => {
		expect(formatRecordLine(record({value: Buffer.from([0x61, 0xFF, 0x62]), truncated: true, size: 5_242_880}))).toBe('2\t41\t2024-06-10T08:00:00.000Z\tk\ta\uFFFDb …(cut; record is 5242880 bytes)');
	});

	it('previews long values', () => {
		const line = formatRecordLine(record({value: Buffer.from('x'.repeat(previewChars * 10))}));
		expect(line.endsWith(`${'x'.repeat(previewChars)}…`)).toBe(true);
		// A surrogate pair is never split.
		const emoji = formatRecordLine(record({value: Buffer.from(`${'x'.repeat(previewChars - 1)}😀tail`)}));
		expect(emoji.endsWith(`${'x'.repeat(previewChars - 1)}…`)).toBe(true);
	});
});
