import {describe, expect, it} from 'vitest';
import {sanitize} from '../../source/text/sanitize.js';

describe('sanitize', () => {
	it('makes an OSC title sequence visible', () => {
		expect(sanitize('\u001B]0;pwned\u0007')).toBe(String.raw`\x1b]0;pwned\x07`);
	});

	it('makes a CSI clear-screen visible', () => {
		expect(sanitize('topic\u001B[2J\u001B[H')).toBe(String.raw`topic\x1b[2J\x1b[H`);
	});

	it('names newline, carriage return and tab, so one value stays one line', () => {
		expect(sanitize('a\nb\rc\td')).toBe(String.raw`a\nb\rc\td`);
	});

	it('escapes NUL, DEL and the other C0 controls by code', () => {
		expect(sanitize('\u0000\u0008\u001F\u007F')).toBe(String.raw`\x00\x08\x1f\x7f`);
	});

	it('escapes C1 controls such as the single-byte CSI', () => {
		expect(sanitize('\u009B2J\u0085\u0080\u009F')).toBe(String.raw`\x9b2J\x85\x80\x9f`);
	});

	it('escapes bidi overrides, embeddings, isolates and marks', () => {
		expect(sanitize('invoice\u202Egpj.exe')).toBe(String.raw`invoice\u202egpj.exe`);
		expect(sanitize('\u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069\u200E\u200F')).toBe(
			String.raw`\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\u200e\u200f`,
		);
	});

	it('escapes the line and paragraph separators', () => {
		expect(sanitize('a\u2028b\u2029c')).toBe(String.raw`a\u2028b\u2029c`);
	});

	it.each([
		'注文-ünïcode 🚀',
		'orders.v2_EU-west',
		'👍🏽 team 🇯🇵 1️⃣ ⚠️ ⚠︎',
		'é (e\u0301) ก้ क्षि',
		'Ωmega café ñ',
		'',
	])('leaves %j unchanged', text => {
		expect(sanitize(text)).toBe(text);
	});

	it.each([
		['zero-width space', 'ad\u200Bmin', String.raw`ad\u200bmin`],
		['zero-width non-joiner', 'a\u200Cb', String.raw`a\u200cb`],
		['word joiner and invisible operators', '\u2060\u2061\u2062\u2063\u2064', String.raw`\u2060\u2061\u2062\u2063\u2064`],
		['byte order mark', '\uFEFForders', String.raw`\ufefforders`],
		['Arabic letter mark', 'a\u061Cb', String.raw`a\u061cb`],
		['soft hyphen (tmux draws it, string-width does not)', 'or\u00ADders', String.raw`or\xadders`],
		['Mongolian vowel separator', 'a\u180Eb', String.raw`a\u180eb`],
		['combining grapheme joiner', 'a\u034Fb', String.raw`a\u034fb`],
		['Hangul fillers (blank, yet 2 columns in tmux)', '\u115F\u1160\u3164\uFFA0', String.raw`\u115f\u1160\u3164\uffa0`],
		['tag characters (hidden ASCII)', 'ok\u{E0068}\u{E0069}\u{E007F}', String.raw`ok\u{e0068}\u{e0069}\u{e007f}`],
		['variation selectors on plain letters', 'a\uFE00b\u{E0100}c\uFE0F', String.raw`a\ufe00b\u{e0100}c\ufe0f`],
		['a second VS16', '⚠\uFE0F\uFE0F', String.raw`⚠️\ufe0f`],
		['lone surrogates', 'a\uD800b\uDFFF', String.raw`a\ud800b\udfff`],
		['the joiner inside an emoji sequence (its parts stay readable)', '👩\u200D👩\u200D👧', String.raw`👩\u200d👩\u200d👧`],
	])('escapes the %s', (_, text, escaped) => {
		expect(sanitize(text)).toBe(escaped);
	});

	it('leaves no invisible character behind anywhere in Unicode', () => {
		const all = Array.from({length: 0x110000}, (_, code) => (code >= 0xD800 && code <= 0xDFFF ? '' : String.fromCodePoint(code))).join('\n');
		const result = sanitize(all);
		expect(result).not.toMatch(/[\p{Cf}\p{Cc}\p{Zl}\p{Zp}]/u);
		expect(result.replaceAll(/\p{Emoji}[\uFE0E\uFE0F]/gu, '')).not.toMatch(/\p{Default_Ignorable_Code_Point}/u);
	});

	it('leaves no control character behind for any code point up to U+206F', () => {
		const all = Array.from({length: 0x2070}, (_, code) => String.fromCodePoint(code)).join('');
		const result = sanitize(all);
		expect(result).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/);
		expect(result).toContain('~');
		expect(result).toContain('ÿ');
	});

	it('leaves a typed backslash sequence as typed: it is text, not a control character', () => {
		expect(sanitize(String.raw`\x1b`)).toBe(String.raw`\x1b`);
	});
});
