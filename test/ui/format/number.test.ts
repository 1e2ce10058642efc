import {describe, expect, it} from 'vitest';
import {countCell, offsetCell, yesNoCell} from '../../../source/ui/format/cell.js';
import {thousands} from '../../../source/ui/format/number.js';

describe('thousands', () => {
	it('groups digits with commas whatever the machine\'s locale', () => {
		expect([0, 999, 1000, 1_234_567, -4500, 12.7].map(thousands)).toEqual(['0', '999', '1,000', '1,234,567', '-4,500', '13']);
	});

	it('writes whole numbers as Intl\'s en-US grouping does, at every length and sign', () => {
		const intl = new Intl.NumberFormat('en-US', {maximumFractionDigits: 0});
		const values = [-0, 0.5, -2.5, Number.NaN, Number.POSITIVE_INFINITY, 1e21, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER];
		for (let digits = 1; digits <= 16; digits++) {
			const smallest = 10 ** (digits - 1);
			values.push(smallest, -smallest, smallest * 10 - 1, 1 - smallest * 10, smallest + 7, -(smallest + 7));
		}

		for (const value of values) expect(thousands(value), String(value)).toBe(intl.format(value));
	});
});

describe('cells', () => {
	it('give counts separators and offsets none, both sorting by number, unknown as a dim "?" below every number', () => {
		expect(countCell(1_500_000)).toEqual({text: '1,500,000', sort: 1_500_000});
		expect(countCell(3, 'warn')).toEqual({text: '3', sort: 3, tone: 'warn'});
		expect(offsetCell(1_500_000)).toEqual({text: '1500000', sort: 1_500_000});
		expect(countCell(undefined)).toEqual({text: '?', sort: -1, tone: 'dim'});
		expect(offsetCell(undefined)).toEqual({text: '?', sort: -1, tone: 'dim'});
	});

	it('spell no in capitals so it reads without colour', () => {
		expect([yesNoCell(true), yesNoCell(false), yesNoCell(false, 'warn'), yesNoCell(undefined)]).toEqual([
			{text: 'yes', sort: 1}, {text: 'NO', sort: 0, tone: 'bad'}, {text: 'NO', sort: 0, tone: 'warn'}, {text: '?', sort: -1, tone: 'dim'},
		]);
	});
});
