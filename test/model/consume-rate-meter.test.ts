import {describe, expect, it} from 'vitest';
import {RateMeter} from '../../source/model/rate-meter.js';

describe('RateMeter', () => {
	it('is 0 before anything happened', () => {
		expect(new RateMeter(5000, 250, () => 0).perSecond()).toBe(0);
	});

	it('averages over the window once a whole window has passed', () => {
		let now = 1_000_000;
		const meter = new RateMeter(5000, 250, () => now);
		for (let step = 0; step < 100; step++) {
			meter.add(100);
			now += 100;
		}

		// 1,000 a second for 10 s: the last 5 s hold 5,000.
		expect(meter.perSecond()).toBeGreaterThan(980);
		expect(meter.perSecond()).toBeLessThan(1020);
	});

	it('divides by the time seen so far at the start, at least 1 s', () => {
		let now = 1_000_000;
		const meter = new RateMeter(5000, 250, () => now);
		meter.add(500);
		expect(meter.perSecond()).toBe(500);
		now += 2000;
		meter.add(500);
		expect(meter.perSecond()).toBe(500);
	});

	it('falls to 0 when events stop for a window', () => {
		let now = 1_000_000;
		const meter = new RateMeter(5000, 250, () => now);
		meter.add(10_000);
		now += 6000;
		expect(meter.perSecond()).toBe(0);
		// A slot reused after a lap starts from 0.
		meter.add(5);
		now += 1;
		expect(meter.perSecond()).toBeCloseTo(1, 0);
	});
});
