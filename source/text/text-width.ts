import stringWidth from 'string-width';

/**
How many columns a terminal may use to draw text, taken at its widest, so that a line measured
here never wraps on any terminal. Terminals disagree on clusters of several code points: tmux 3.3
draws 👍🏽 (thumbs up + skin tone) as two emoji, 4 columns, where string-width (and so Ink) counts
2; it draws the Thai กำ as 2, the Devanagari क्षि as 3, where string-width counts 1 and 2. Others
join them (kitty, WezTerm) or widen a character by its VS16 (⚠️ as 2, tmux draws 1). So a cluster
counts the larger of string-width's measure and the sum of its code points' widths, a lone
regional indicator counts 2 (the pair 🇯🇵 counts 4), and every cluster at least 1 (a combining
mark with nothing to combine with may be drawn alone).

East Asian Ambiguous characters (é, Ж, Ω, ·, …) count 1: tmux, glibc's wcwidth and every
terminal's default draw them narrow, and ktop's own frame (…, →, │) assumes the same, so a
terminal set to draw them wide would misalign ktop whatever cluster strings were measured as;
counting them 2 would cut and misalign every French, German, Greek or Russian name elsewhere.

Meant for sanitized text: controls and invisible characters are escaped before they are measured.
*/
export function textWidth(text: string): number {
	if (plainAscii.test(text)) return text.length;
	let width = 0;
	for (const {segment} of graphemes.segment(text)) width += graphemeWidth(segment);
	return width;
}

/** Columns of one grapheme cluster (an Intl.Segmenter segment), at the widest a terminal draws it. */
export function graphemeWidth(segment: string): number {
	if (segment.length === 1) return plainAscii.test(segment) ? 1 : Math.max(1, codePointWidth(segment));
	let parts = 0;
	let count = 0;
	for (const char of segment) {
		parts += codePointWidth(char);
		count++;
	}

	// VS16 asks for the emoji presentation, which terminals that honour it draw 2 wide (1️⃣, ❤️).
	return Math.max(1, parts, count > 1 ? stringWidth(segment) : 0, segment.includes(emojiPresentation) ? 2 : 0);
}

/** Printable ASCII is one column per character: the common case skips grapheme segmentation. */
export const plainAscii = /^[\u0020-\u007E]*$/;
export const graphemes = new Intl.Segmenter('en', {granularity: 'grapheme'});

const emojiPresentation = '\uFE0F';
const regionalIndicator = /^\p{Regional_Indicator}$/u;
const widths = new Map<string, number>();
// Distinct code points in view stay few; the bound keeps a stream of random text from growing the map.
const cachedWidths = 4096;

/** One code point as a terminal without grapheme clustering draws it (wcwidth). */
function codePointWidth(char: string): number {
	let width = widths.get(char);
	if (width === undefined) {
		width = regionalIndicator.test(char) ? 2 : stringWidth(char);
		if (widths.size < cachedWidths) widths.set(char, width);
	}

	return width;
}
