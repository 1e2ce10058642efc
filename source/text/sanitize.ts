/**
Makes text from the cluster safe to print: control characters, escape sequences and
bidirectional overrides become visible escapes (`\x1b`, `\u202e`), so a topic name, key or
value can never retitle, clear or reposition the operator's terminal.
*/

// C0 controls (tab and newline too: one value must stay one line), DEL, C1 controls,
// bidi embeddings/overrides/isolates, and line/paragraph separators.
const unsafe = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

const named: Record<string, string> = {'\n': '\\n', '\r': '\\r', '\t': '\\t'};

export function sanitize(text: string): string {
	return text.replace(unsafe, char => named[char] ?? escapeCode(char.codePointAt(0)!));
}

function escapeCode(code: number): string {
	return code <= 0xFF ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
