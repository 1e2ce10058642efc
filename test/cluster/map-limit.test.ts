import {describe, expect, it} from 'vitest';
import {mapLimit} from '../../source/cluster/map-limit.js';

describe('mapLimit', () => {
	it('keeps order and never exceeds the limit in flight', async () => {
		let inFlight = 0;
		let peak = 0;
		const result = await mapLimit([5, 1, 4, 2, 3, 0], 2, async (n, index) => {
			inFlight++;
			peak = Math.max(peak, inFlight);
			await new Promise(resolve => setTimeout(resolve, n * 3));
			inFlight--;
			return `${index}:${n}`;
		});
		expect(result).toEqual(['0:5', '1:1', '2:4', '3:2', '4:3', '5:0']);
		expect(peak).toBe(2);
	});

	it('handles an empty list and rejects when one call fails', async () => {
		expect(await mapLimit([], 4, async () => 1)).toEqual([]);
		await expect(mapLimit([1, 2], 4, async n => {
			if (n === 2) throw new Error('boom');
			return n;
		})).rejects.toThrow('boom');
	});
});
