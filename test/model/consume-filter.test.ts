import {describe, expect, it} from 'vitest';
import type {ConsumedRecord} from '../../source/model/consume-types.js';
import {compileFilter} from '../../source/model/record-filter.js';

function record(key: string | Buffer | null, value: string | Buffer | null): ConsumedRecord {
	const bytes = (text: string | Buffer | null) => (text === null ? null : Buffer.from(text));
	return {seq: 1, topic: 't', partition: 0, offset: '0', timestamp: 0, key: bytes(key), value: bytes(value), headers: [], size: 0, truncated: false};
}

describe('compileFilter', () => {
	it('matches the key or the value', () => {
		const filter = compileFilter('order-\\d+');
		expect(filter.matches(record('order-17', 'x'))).toBe(true);
		expect(filter.matches(record(null, '{"id":"order-9"}'))).toBe(true);
		expect(filter.matches(record('customer', null))).toBe(false);
	});

	it('is case-insensitive unless the pattern has an upper-case letter (smart case)', () => {
		expect(compileFilter('paid').matches(record(null, 'PAID'))).toBe(true);
		expect(compileFilter('Paid').matches(record(null, 'PAID'))).toBe(false);
		// An escape like \S is not an upper-case letter.
		expect(compileFilter('\\Spaid').matches(record(null, 'XPAID'))).toBe(true);
	});

	it('reads invalid UTF-8 as replacement characters', () => {
		expect(compileFilter('ok\uFFFD').matches(record(null, Buffer.from([0x6F, 0x6B, 0xFF])))).toBe(true);
	});

	it('says why a pattern is invalid', () => {
		expect(() => compileFilter('(')).toThrow(/^invalid filter \/\(\/: Unterminated group$/);
	});
});
