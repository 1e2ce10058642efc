import {describe, expect, it} from 'vitest';
import {age, exactDuration} from '../../../source/ui/format/duration.js';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('age', () => {
	it('reads like kubectl\'s AGE column, losing precision as spans grow', () => {
		const cases: Array<[number, string]> = [
			[0, '0s'], [-5 * s, '0s'], [999, '0s'], [45 * s, '45s'], [119 * s, '119s'], [2 * m, '2m'], [3 * m + 20 * s, '3m20s'],
			[10 * m + 59 * s, '10m'], [179 * m, '179m'], [3 * h, '3h'], [2 * h * 2 + 5 * m, '4h5m'], [8 * h, '8h'], [47 * h + 59 * m, '47h'],
			[2 * d, '2d'], [3 * d + 4 * h, '3d4h'], [8 * d, '8d'], [729 * d, '729d'], [730 * d, '2y'], [740 * d, '2y10d'], [365 * 9 * d, '9y'],
		];
		expect(cases.map(([ms]) => age(ms))).toEqual(cases.map(([, text]) => text));
	});
});

describe('exactDuration', () => {
	it('uses the largest unit that divides the span, so a configured value is never rounded', () => {
		expect([604_800_000, 129_600_000, 5_400_000, 90 * s, 1500, 0, -1].map(exactDuration)).toEqual(['7d', '36h', '90m', '90s', '1500ms', '0', 'forever']);
	});
});
