import stringWidth from 'string-width';

const ellipsis = '…';
// Printable ASCII is one column per character: the common case skips grapheme segmentation.
const plainAscii = /^[\u0020-\u007E]*$/;
const graphemes = new Intl.Segmenter('en', {granularity: 'grapheme'});

/** Columns `text` takes on a terminal (wide CJK and emoji count two). */
export function textWidth(text: string): number {
	return plainAscii.test(text) ? text.length : stringWidth(text);
}

/**
Exactly `width` columns: padded, or cut with an ellipsis when too long, never wrapped.
Right alignment pads on the left (numbers line up); a cut keeps the start either way,
since the start of a name is what tells rows apart.
*/
export function fitText(text: string, width: number, align: 'left' | 'right' = 'left'): string {
	if (width <= 0) return '';
	const cut = truncate(text, width);
	const pad = ' '.repeat(Math.max(0, width - textWidth(cut)));
	return align === 'right' ? pad + cut : cut + pad;
}

/** At most `width` columns, ending in "…" when anything was cut (right after the last word, not after a blank). */
export function truncate(text: string, width: number): string {
	if (width <= 0) return '';
	if (plainAscii.test(text)) return text.length <= width ? text : text.slice(0, width - 1).trimEnd() + ellipsis;
	if (stringWidth(text) <= width) return text;
	let kept = '';
	let used = 0;
	for (const {segment} of graphemes.segment(text)) {
		const size = stringWidth(segment);
		if (used + size > width - 1) break;
		kept += segment;
		used += size;
	}

	return kept.trimEnd() + ellipsis;
}
