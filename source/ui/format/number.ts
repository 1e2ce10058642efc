/**
Numbers as an operator reads them. Quantities (messages, lag, znodes) get thousands separators;
offsets and watermarks do not, since they are positions people paste into
`kafka-consumer-groups --reset-offsets` and the like.
*/

/** A value ktop could not learn (a source failed, a whitelist hid it). */
export const unknown = '?';

/** A value that does not apply here (synced followers on a follower). */
export const notApplicable = '-';

// One formatter, built once: toLocaleString builds one per call, which shows at 10,000 rows.
const grouping = new Intl.NumberFormat('en-US', {maximumFractionDigits: 0});

/** 1234567 -> "1,234,567"; the locale is fixed so every terminal shows the same text. */
export function thousands(value: number): string {
	// Whole numbers, nearly every call (a topics pane formats ~7,000 a refresh), are grouped by
	// hand, 3-4x faster than Intl; the rest (fractions, -0, huge, NaN) go to Intl.
	if (!Number.isSafeInteger(value) || Object.is(value, -0)) return grouping.format(value);
	if (value > -1000 && value < 1000) return String(value);
	const digits = String(Math.abs(value));
	let text = digits.slice(0, digits.length % 3 || 3);
	for (let index = text.length; index < digits.length; index += 3) text += `,${digits.slice(index, index + 3)}`;
	return value < 0 ? `-${text}` : text;
}
