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
	return grouping.format(value);
}
