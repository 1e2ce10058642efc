import {describe, expect, it} from 'vitest';
import {bytesKind, decodeLossless, escapedLine, headBytes, hexPairs, looksBinary} from '../../../source/ui/consume/bytes-text.js';
import {hexDump} from '../../../source/ui/consume/hex-dump.js';
import {compactJson, prettyJson} from '../../../source/ui/consume/json-text.js';

const bytes = (...values: number[]) => Buffer.from(values);

describe('bytes as text', () => {
	it('decodes valid UTF-8 and writes every other byte as \\xNN', () => {
		expect(decodeLossless(Buffer.from('héllo 注文 🎉'))).toBe('héllo 注文 🎉');
		expect(decodeLossless(bytes(0x61, 0xFF, 0x62))).toBe('a\\xffb');
		// A lead byte without its continuation, an overlong "/", a UTF-16 surrogate, a code point past U+10FFFF, a cut sequence.
		expect(decodeLossless(bytes(0xC3, 0x28))).toBe('\\xc3(');
		expect(decodeLossless(bytes(0xC0, 0xAF))).toBe('\\xc0\\xaf');
		expect(decodeLossless(bytes(0xED, 0xA0, 0x80))).toBe('\\xed\\xa0\\x80');
		expect(decodeLossless(bytes(0xF4, 0x90, 0x80, 0x80))).toBe('\\xf4\\x90\\x80\\x80');
		expect(decodeLossless(bytes(0x7A, 0xE2, 0x82))).toBe('z\\xe2\\x82');
		expect(decodeLossless(Buffer.concat([Buffer.from('ok '), bytes(0xFE), Buffer.from(' 注')]))).toBe('ok \\xfe 注');
	});

	it('escapes control characters and escape sequences on one line', () => {
		expect(escapedLine(Buffer.from('\u001B]0;pwned\u0007'))).toBe('\\x1b]0;pwned\\x07');
		expect(escapedLine(Buffer.from('a\u001B[2J\r\n\u0000\u009B\u202E'))).toBe('a\\x1b[2J\\r\\n\\x00\\x9b\\u202e');
		expect(escapedLine(bytes(0x1B, 0xFF, 0x5B))).toBe('\\x1b\\xff[');
	});

	it('tells text, JSON and binary apart; short values stay text', () => {
		expect(bytesKind(null, 1000)).toBe('null');
		expect(bytesKind(Buffer.alloc(0), 1000)).toBe('empty');
		expect(bytesKind(Buffer.from('{"a": [1, 2]}'), 1000)).toBe('json');
		expect(bytesKind(Buffer.from('[1, 2'), 1000)).toBe('text');
		expect(bytesKind(Buffer.from('42'), 1000)).toBe('text');
		expect(bytesKind(Buffer.from('{"a": 1}'), 4)).toBe('text');
		expect(bytesKind(Buffer.from(Array.from({length: 64}, (_, index) => index)), 1000)).toBe('binary');
		expect(bytesKind(bytes(0, 1, 2), 1000)).toBe('text');
		expect(looksBinary(Buffer.from('a line\twith tabs\r\nand newlines, \u001B[1m a little bold'))).toBe(false);
		// Protobuf-like: mostly text with a few length bytes is still read as text.
		expect(looksBinary(Buffer.concat([bytes(0x0A, 0x05), Buffer.from('hello'), bytes(0x12, 0x07), Buffer.from('world!!')]))).toBe(false);
	});

	it('cuts a preview between characters, and shows hex pairs', () => {
		const text = Buffer.from('ab注');
		expect(headBytes(text, 3).toString()).toBe('ab');
		expect(headBytes(text, 5).toString()).toBe('ab注');
		expect(hexPairs(bytes(0, 0x1F, 0xA0, 0xFF), 3)).toBe('00 1f a0 …');
	});

	it('re-lays out JSON without re-serialising it: big numbers and escapes are kept as sent', () => {
		const json = '{ "id" : 12345678901234567890, "s": "a \\" b\\u001b", "n": [ ], "o": {"x": [1, {"y": null}]} }';
		expect(compactJson(json)).toBe('{"id":12345678901234567890,"s":"a \\" b\\u001b","n":[],"o":{"x":[1,{"y":null}]}}');
		expect(prettyJson(json)).toEqual([
			'{',
			'  "id": 12345678901234567890,',
			'  "s": "a \\" b\\u001b",',
			'  "n": [],',
			'  "o": {',
			'    "x": [',
			'      1,',
			'      {',
			'        "y": null',
			'      }',
			'    ]',
			'  }',
			'}',
		]);
	});

	it('dumps bytes as hexdump -C does, with only printable ASCII on the right', () => {
		expect(hexDump(Buffer.from('Hello world\n\u001B[2J!'))).toEqual([
			'00000000  48 65 6c 6c 6f 20 77 6f  72 6c 64 0a 1b 5b 32 4a  |Hello world..[2J|',
			'00000010  21                                                |!|',
		]);
		expect(hexDump(Buffer.alloc(0))).toEqual([]);
	});
});
