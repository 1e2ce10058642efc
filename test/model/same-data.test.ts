import {describe, expect, it} from 'vitest';
import {sameData} from '../../source/model/same-data.js';

describe('sameData', () => {
	it('compares primitives, arrays and plain objects by value', () => {
		expect(sameData({a: [1, {b: 'x'}], c: undefined}, {a: [1, {b: 'x'}], c: undefined})).toBe(true);
		expect(sameData(Number.NaN, Number.NaN)).toBe(true);
		expect(sameData([1, 2], [1, 2, 3])).toBe(false);
		expect(sameData({a: [1, {b: 'x'}]}, {a: [1, {b: 'y'}]})).toBe(false);
	});

	it('tells objects with extra keys apart, either way round', () => {
		expect(sameData({a: 1}, {a: 1, b: 2})).toBe(false);
		expect(sameData({a: 1, b: 2}, {a: 1})).toBe(false);
		expect(sameData({a: undefined}, {b: undefined})).toBe(false);
	});

	it('tells arrays from objects and null from objects', () => {
		expect(sameData([], {})).toBe(false);
		expect(sameData({}, [])).toBe(false);
		expect(sameData(null, {})).toBe(false);
		expect(sameData(1, '1')).toBe(false);
	});
});
