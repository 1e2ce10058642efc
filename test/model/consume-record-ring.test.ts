import {describe, expect, it} from 'vitest';
import {RecordRing} from '../../source/model/record-ring.js';

const sized = (capacity: number, maxBytes = Number.POSITIVE_INFINITY) => new RecordRing<{id: number; bytes: number}>(capacity, maxBytes, item => item.bytes);
const items = (from: number, to: number, bytes = 10) => Array.from({length: to - from + 1}, (_, index) => ({id: from + index, bytes}));

describe('RecordRing', () => {
	it('holds up to its capacity, oldest first, dropping the oldest', () => {
		const ring = sized(3);
		ring.push(items(1, 2));
		expect(ring.toArray().map(item => item.id)).toEqual([1, 2]);
		ring.push(items(3, 5));
		expect(ring.toArray().map(item => item.id)).toEqual([3, 4, 5]);
		expect(ring.length).toBe(3);
		expect(ring.evicted).toBe(2);
		expect(ring.bytes).toBe(30);
	});

	it('keeps only the newest of a batch larger than itself, counting the rest as evicted', () => {
		const ring = sized(1000);
		ring.push(items(1, 100_000, 1));
		expect(ring.length).toBe(1000);
		expect(ring.toArray()[0]!.id).toBe(99_001);
		expect(ring.toArray().at(-1)!.id).toBe(100_000);
		expect(ring.evicted).toBe(99_000);
	});

	it('drops the oldest when over its byte bound, but always keeps the newest', () => {
		const ring = sized(100, 100);
		ring.push(items(1, 5, 30));
		expect(ring.toArray().map(item => item.id)).toEqual([3, 4, 5]);
		expect(ring.bytes).toBe(90);
		ring.push([{id: 6, bytes: 500}]);
		expect(ring.toArray().map(item => item.id)).toEqual([6]);
		expect(ring.evicted).toBe(5);
	});

	it('refuses a capacity below 1', () => {
		expect(() => sized(0)).toThrow(RangeError);
	});
});
