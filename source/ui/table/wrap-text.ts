import {graphemeWidth, graphemes, plainAscii, textWidth} from '../../text/text-width.js';

/**
`text` cut into lines of at most `width` columns, for views that must show all of a value
(a record's detail) rather than cut it with an ellipsis. Wide characters count two columns and
are never split (measured as text-width.ts does); an empty text is one empty line.
*/
export function wrapText(text: string, width: number): string[] {
	const size = Math.max(1, width);
	if (plainAscii.test(text)) {
		if (text.length <= size) return [text];
		const lines: string[] = [];
		for (let start = 0; start < text.length; start += size) lines.push(text.slice(start, start + size));
		return lines;
	}

	const lines: string[] = [];
	let line = '';
	let used = 0;
	for (const {segment} of graphemes.segment(text)) {
		const columns = graphemeWidth(segment);
		if (used + columns > size && line !== '') {
			lines.push(line);
			line = '';
			used = 0;
		}

		line += segment;
		used += columns;
	}

	lines.push(line);
	return lines;
}

/**
`text` in lines of at most `width` columns (`rest` for the lines after the first, which a caller
indents), broken between words; a word longer than a line is cut as wrapText cuts it. For
sentences that must be read whole: a warning, an error, an outcome. Leading spaces stay on the
first line; the spaces where a line breaks are dropped. An empty text is one empty line.
*/
export function wrapWords(text: string, width: number, rest = width): string[] {
	const limit = (index: number) => Math.max(1, index === 0 ? width : rest);
	if (textWidth(text) <= limit(0)) return [text];
	const indent = /^ */.exec(text)![0];
	const lines: string[] = [];
	let line = indent;
	let empty = true;
	for (const word of text.slice(indent.length).split(' ')) {
		const joined = empty ? line + word : `${line} ${word}`;
		if (textWidth(joined) <= limit(lines.length)) {
			line = joined;
			empty = false;
			continue;
		}

		if (!empty) lines.push(line);
		if (word === '') {
			line = '';
			empty = true;
			continue;
		}

		// A word wider than a whole line: cut, its last piece starts the next line.
		let remaining = word;
		while (textWidth(remaining) > limit(lines.length)) {
			const [piece = ''] = wrapText(remaining, limit(lines.length));
			lines.push(piece);
			remaining = remaining.slice(piece.length);
		}

		line = remaining;
		empty = false;
	}

	lines.push(line);
	return lines;
}
