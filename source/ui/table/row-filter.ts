/**
The `/` filter: a case-insensitive regex, as k9s has it. A pattern that is not a valid regex
(a lone `[`, `(`) is matched as plain text instead, and the error is returned for display,
so typing never breaks the view halfway through a pattern.
*/
export type RowFilter = {
	test(text: string): boolean;
	/** Why the text is not a regex, when it is not. */
	error: string | undefined;
};

export function compileFilter(source: string): RowFilter {
	if (source === '') return {test: () => true, error: undefined};
	try {
		const regex = new RegExp(source, 'i');
		return {test: text => regex.test(text), error: undefined};
	} catch (error) {
		const needle = source.toLowerCase();
		const reason = (error as Error).message.replace(/^Invalid regular expression: /, '');
		return {test: text => text.toLowerCase().includes(needle), error: reason};
	}
}
