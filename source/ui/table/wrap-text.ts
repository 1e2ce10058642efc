import stringWidth from 'string-width';

const plainAscii = /^[\u0020-\u007E]*$/;
const graphemes = new Intl.Segmenter('en', {granularity: 'grapheme'});

/**
`text` cut into lines of at most `width` columns, for views that must show all of a value
(a record's detail) rather than cut it with an ellipsis. Wide characters count two columns and
are never split; an empty text is one empty line.
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
		const columns = stringWidth(segment);
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
