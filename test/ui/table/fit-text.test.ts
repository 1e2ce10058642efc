import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {fitText, truncate} from '../../../source/ui/table/fit-text.js';

describe('fitText', () => {
	it('pads to the width, left or right aligned', () => {
		expect(fitText('abc', 6)).toBe('abc   ');
		expect(fitText('42', 5, 'right')).toBe('   42');
	});

	it('cuts with an ellipsis, keeping the start, to exactly the width', () => {
		expect(fitText('orders-processor', 8)).toBe('orders-…');
		expect(fitText('1234567', 5, 'right')).toBe('1234…');
		expect(fitText('abc', 1)).toBe('…');
		expect(fitText('abc', 0)).toBe('');
	});

	it('counts wide characters as two columns and never splits one', () => {
		expect(fitText('日本語', 7)).toBe('日本語 ');
		const cut = fitText('日本語トピック', 6);
		expect(cut).toBe('日本… ');
		expect(stringWidth(cut)).toBe(6);
		expect(truncate('👩‍👩‍👧 family', 4)).toBe('👩‍👩‍👧…');
	});
});
