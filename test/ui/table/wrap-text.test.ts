import {describe, expect, it} from 'vitest';
import {textWidth} from '../../../source/text/text-width.js';
import {wrapText, wrapWords} from '../../../source/ui/table/wrap-text.js';

describe('wrapWords', () => {
	it('breaks between words, keeps every word, and never passes the width', () => {
		const text = "names with '.' or '_' can collide in Kafka's metric names (orders.eu and orders_eu share them): use one or the other, not both";
		const lines = wrapWords(text, 40);
		expect(lines).toEqual([
			"names with '.' or '_' can collide in",
			"Kafka's metric names (orders.eu and",
			'orders_eu share them): use one or the',
			'other, not both',
		]);
		expect(lines.join(' ')).toBe(text);
	});

	it('leaves what fits alone, an empty text as one empty line, and its leading indent on the first line', () => {
		expect(wrapWords('short', 10)).toEqual(['short']);
		expect(wrapWords('', 10)).toEqual(['']);
		expect(wrapWords('  p0: failed because the leader moved', 20)).toEqual(['  p0: failed because', 'the leader moved']);
	});

	it('gives the lines after the first their own width, for a caller that indents them', () => {
		expect(wrapWords('aaaa bbbb cccc dddd', 9, 5)).toEqual(['aaaa bbbb', 'cccc', 'dddd']);
	});

	it('cuts a word longer than a line as wrapText does, wide characters counting two and never split', () => {
		expect(wrapWords('see abcdefghijklmnop end', 6)).toEqual(['see', 'abcdef', 'ghijkl', 'mnop', 'end']);
		const wide = wrapWords('名前が長すぎるトピック です', 7);
		for (const line of wide) expect(textWidth(line)).toBeLessThanOrEqual(7);
		expect(wide.join('').replaceAll(' ', '')).toBe('名前が長すぎるトピックです');
		expect(wrapText('名前が長', 3)).toEqual(['名', '前', 'が', '長']);
	});
});
