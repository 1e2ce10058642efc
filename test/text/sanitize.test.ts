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
		'👩‍💻 team',
		'Ωmega café ñ',
		'',
	])('leaves %j unchanged', text => {
		expect(sanitize(text)).toBe(text);
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
