import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {textWidth} from '../../source/text/text-width.js';

describe('textWidth', () => {
	// Observed in tmux 3.3a (the cursor's column after printing each), the terminal the tests drive.
	it.each([
		['thumbs up with a skin tone', '👍🏽', 4],
		['two waving hands with skin tones', '👋🏿👋🏻', 8],
		['woman with a skin tone', '👩🏽', 4],
		['Thai consonant with SARA AM', 'กำ', 2],
		['a Devanagari conjunct', 'क्षि', 3],
		['CJK', '日本', 4],
		['a precomposed Hangul syllable', '한', 2],
		['a combining accent', 'e\u0301', 1],
		['thirty stacked combining accents', `e${'\u0301'.repeat(30)}`, 1],
		['East Asian Ambiguous letters and marks', 'é·…→Ω', 5],
		['Arabic', 'سلام', 4],
	])('counts %s as tmux draws it', (_, text, tmux) => {
		expect(textWidth(text)).toBe(tmux);
	});

	// Where terminals disagree, the widest: tmux draws the first column, string-width (and Ink) the second.
	it.each([
		['a flag (each regional indicator may be drawn 2 wide)', '🇯🇵', 2, 2, 4],
		['a lone regional indicator', '🇯', 1, 1, 2],
		['a keycap', '1\uFE0F\u20E3', 1, 2, 2],
		['VS16 on a narrow symbol', '⚠\uFE0F', 1, 2, 2],
		['VS16 on a digit', '1\uFE0F', 1, 1, 2],
		['a combining mark with nothing to combine with', '\u0301', 0, 0, 1],
	])('counts %s at the widest any terminal draws it', (_, text, tmux, inkWidth, widest) => {
		expect(stringWidth(text)).toBe(inkWidth);
		expect(textWidth(text)).toBe(widest);
		expect(textWidth(text)).toBeGreaterThanOrEqual(tmux);
	});

	it('is never below string-width, the measure Ink lays lines out by', () => {
		const samples = ['👩‍👩‍👧', '🧑🏽‍🚀', '🏴', '❤️', '©️', '#️⃣', 'ᄀ\u1161', 'abc 注文 🚀 ünï', '\u{1FAE8}'];
		for (const text of samples) expect(textWidth(text)).toBeGreaterThanOrEqual(stringWidth(text));
	});

	it('counts printable ASCII one column a character', () => {
		expect(textWidth('orders.v2_EU-west ~')).toBe(19);
		expect(textWidth('')).toBe(0);
	});
});
