/**
JSON re-laid out without being re-serialised: JSON.parse would turn an id like
12345678901234567890 into 12345678901234567000 and show the operator a value that was never
sent, so these walk the text and only change whitespace outside strings. Callers check that
the text is JSON first (looksLikeJson); the output is not sanitized yet.
*/

/** All on one line, no blanks between tokens: `{"id":1,"tags":["a","b"]}`. */
export function compactJson(text: string): string {
	let out = '';
	forEachToken(text, token => {
		out += token;
	});
	return out;
}

/** Indented two spaces, one member per line; `{}` and `[]` stay whole. */
export function prettyJson(text: string, indent = '  '): string[] {
	const lines: string[] = [];
	let line = '';
	let depth = 0;
	let previous = '';
	const newLine = () => {
		lines.push(line);
		line = indent.repeat(depth);
	};

	forEachToken(text, token => {
		const closing = token === '}' || token === ']';
		const emptyContainer = closing && (previous === '{' || previous === '[');
		if (closing) {
			depth--;
			if (!emptyContainer) newLine();
		} else if (previous === '{' || previous === '[' || previous === ',') newLine();

		line += token === ':' ? ': ' : token;
		if (token === '{' || token === '[') depth++;
		previous = token;
	});
	lines.push(line);
	return lines;
}

/** Structural characters one at a time, strings and literals whole, whitespace between them dropped. */
function forEachToken(text: string, emit: (token: string) => void): void {
	let index = 0;
	while (index < text.length) {
		const char = text[index]!;
		if (char === ' ' || char === '\n' || char === '\r' || char === '\t') {
			index++;
		} else if ('{}[]:,'.includes(char)) {
			emit(char);
			index++;
		} else if (char === '"') {
			let end = index + 1;
			while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
			emit(text.slice(index, end + 1));
			index = end + 1;
		} else {
			let end = index + 1;
			while (end < text.length && !' \n\r\t{}[]:,"'.includes(text[end]!)) end++;
			emit(text.slice(index, end));
			index = end;
		}
	}
}
