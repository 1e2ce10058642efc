import type {ConsumedRecord} from './consume-types.js';

export type RecordFilter = {
	readonly pattern: string;
	matches(record: ConsumedRecord): boolean;
};

/**
A regex tested against a record's key and value as UTF-8 text (invalid bytes read as U+FFFD).
Smart case, as in vim and ripgrep: case-insensitive unless the pattern has an upper-case letter
(escapes like \S and \W do not count). Throws on an invalid pattern, with the reason.
Records bigger than maxValueBytes are matched on the bytes kept.
*/
export function compileFilter(pattern: string): RecordFilter {
	let regex: RegExp;
	try {
		regex = new RegExp(pattern, hasUpperCase(pattern) ? 'u' : 'iu');
	} catch (error) {
		throw new Error(`invalid filter /${pattern}/: ${(error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '')}`);
	}

	// Each record is decoded and tested once per filter, however often the view asks.
	const results = new WeakMap<ConsumedRecord, boolean>();
	return {
		pattern,
		matches(record) {
			let result = results.get(record);
			if (result === undefined) {
				result = (record.key !== null && regex.test(record.key.toString('utf8')))
					|| (record.value !== null && regex.test(record.value.toString('utf8')));
				results.set(record, result);
			}

			return result;
		},
	};
}

function hasUpperCase(pattern: string): boolean {
	return /[A-Z]/.test(pattern.replace(/\\./g, ''));
}
