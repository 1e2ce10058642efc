import {graphemeWidth, graphemes, plainAscii, textWidth} from '../../text/text-width.js';

const ellipsis = '…';

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
	if (textWidth(text) <= width) return text;
	let kept = '';
	let used = 0;
	for (const {segment} of graphemes.segment(text)) {
		const size = graphemeWidth(segment);
		if (used + size > width - 1) break;
		kept += segment;
		used += size;
	}

	return kept.trimEnd() + ellipsis;
}

/**
At most `width` columns, keeping the end: "…" and the last columns. For a value being typed,
where the cursor is at the end.
*/
export function truncateStart(text: string, width: number): string {
	if (width <= 0) return '';
	if (textWidth(text) <= width) return text;
	const kept: string[] = [];
	let used = 0;
	for (const {segment} of [...graphemes.segment(text)].reverse()) {
		const size = graphemeWidth(segment);
		if (used + size > width - 1) break;
		kept.push(segment);
		used += size;
	}

	return ellipsis + kept.reverse().join('');
}

/**
Styled runs of one line cut to at most `width` columns, the last kept run ending in "…" when
anything was cut: the line's final measure, so that Ink's own (narrower) measure of emoji never
decides where a line ends.
*/
export function fitSpans<Span extends {text: string}>(spans: readonly Span[], width: number): Span[] {
	if (width <= 0) return [];
	let total = 0;
	for (const span of spans) total += textWidth(span.text);
	if (total <= width) return [...spans];
	const kept: Span[] = [];
	let used = 0;
	for (const span of spans) {
		const size = textWidth(span.text);
		if (used + size <= width - 1) {
			kept.push(span);
			used += size;
			continue;
		}

		kept.push({...span, text: truncate(span.text + ellipsis, width - used)});
		break;
	}

	return kept;
}
