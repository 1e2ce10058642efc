/**
Makes text from the cluster safe to print: control characters, escape sequences, bidirectional
overrides and invisible characters become visible escapes (`\x1b`, `\u202e`, `\u200b`,
`\u{e0041}`), so a topic name, key or value can never retitle, clear or reposition the operator's
terminal, and two names that look alike on screen are told apart by their escapes.
*/

// C0 and C1 controls (tab and newline too: one value must stay one line), DEL, every format
// character (bidi marks, embeddings, overrides and isolates, zero-width space, joiners, word
// joiner, invisible operators, BOM, Arabic letter mark, soft hyphen, tag characters), every
// default-ignorable code point (Hangul fillers, combining grapheme joiner, variation selectors),
// line and paragraph separators, and lone surrogates. The zero-width joiner inside an emoji
// sequence is escaped too (👩\u200d💻): the parts stay readable, and a joiner is never hidden.
// Kept: VS15/VS16 right after a character with an emoji form (⚠️, 1️⃣), which only pick its
// text or emoji presentation; text-width.ts counts an emoji presentation wide.
const unsafe = /(?![\uFE0E\uFE0F])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\p{Cs}]|(?<!\p{Emoji})[\uFE0E\uFE0F]/gu;

const named: Record<string, string> = {'\n': '\\n', '\r': '\\r', '\t': '\\t'};

export function sanitize(text: string): string {
	return text.replace(unsafe, char => named[char] ?? escapeCode(char.codePointAt(0)!));
}

function escapeCode(code: number): string {
	if (code <= 0xFF) return `\\x${code.toString(16).padStart(2, '0')}`;
	return code <= 0xFFFF ? `\\u${code.toString(16).padStart(4, '0')}` : `\\u{${code.toString(16)}}`;
}
