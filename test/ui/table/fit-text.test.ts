import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {textWidth} from '../../../source/text/text-width.js';
import {fitSpans, fitText, truncate, truncateStart} from '../../../source/ui/table/fit-text.js';

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
		expect(truncate('👩‍👩‍👧 family', 7)).toBe('👩‍👩‍👧…');
	});

	it('measures emoji clusters at their widest (tmux draws 👍🏽 as 4 columns), so a cut line never overflows', () => {
		expect(fitText('👍🏽👍🏽👍🏽', 10)).toBe('👍🏽👍🏽… ');
		expect(fitText('👍🏽x', 6)).toBe('👍🏽x ');
		expect(truncate('🇯🇵🇯🇵', 5)).toBe('🇯🇵…');
		expect(fitText('a⚠️', 4)).toBe('a⚠️ ');
	});

	it('cuts the start instead, keeping the end where a cursor is', () => {
		expect(truncateStart('abcdefgh', 5)).toBe('…efgh');
		expect(truncateStart('👍🏽👍🏽👍🏽', 9)).toBe('…👍🏽👍🏽');
		expect(truncateStart('abc', 5)).toBe('abc');
		expect(truncateStart('abc', 0)).toBe('');
	});
});

describe('fitSpans', () => {
	it('leaves a line that fits as it is', () => {
		const spans = [{text: 'ab', tone: 'dim'}, {text: '👍🏽'}];
		expect(fitSpans(spans, 6)).toEqual(spans);
	});

	it('cuts by the widest measure, the last kept run ending in an ellipsis with its own style', () => {
		const spans = [{text: 'group ', tone: 'dim'}, {text: '👍🏽'.repeat(40), tone: 'accent'}, {text: ' (3)'}];
		const cut = fitSpans(spans, 20);
		expect(cut).toEqual([{text: 'group ', tone: 'dim'}, {text: '👍🏽👍🏽👍🏽…', tone: 'accent'}]);
		expect(cut.map(span => textWidth(span.text)).reduce((a, b) => a + b)).toBeLessThanOrEqual(20);
	});

	it('puts the ellipsis on the run that no longer fits, even with no room left for its text', () => {
		expect(fitSpans([{text: 'abcd'}, {text: 'efgh'}], 5)).toEqual([{text: 'abcd'}, {text: '…'}]);
		expect(fitSpans([{text: 'abcd'}], 0)).toEqual([]);
	});
});
