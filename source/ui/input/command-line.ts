import type {Pane, ViewRef} from '../panes/pane.js';

/** What a `:` line asks for. */
export type CommandLine =
	| {kind: 'quit'}
	| {kind: 'open'; view: ViewRef}
	| {kind: 'consume'; topic: string}
	/** A known command used wrongly: what to type instead. */
	| {kind: 'usage'; text: string}
	| {kind: 'none'}
	| {kind: 'unknown'; text: string};

const quitWords = new Set(['q', 'q!', 'quit', 'exit']);

/** The command that opens the consume view; it takes a topic, so it is not a pane alias. */
export const consumeWord = 'consume';

/**
`:topics`, `:zk`, `:q`: aliases come from the panes, so a new pane brings its own.
`:consume <topic>` opens the consume view; the topic keeps its case (topic names are case-sensitive).
*/
export function parseCommandLine(text: string, paneForAlias: (alias: string) => Pane | undefined): CommandLine {
	const [first = '', ...rest] = text.trim().split(/\s+/);
	if (first.toLowerCase() === consumeWord) {
		const topic = rest.join(' ');
		return topic === '' ? {kind: 'usage', text: `:${consumeWord} needs a topic, e.g. :${consumeWord} orders (or c on a topic)`} : {kind: 'consume', topic};
	}

	const word = text.trim().toLowerCase();
	if (word === '') return {kind: 'none'};
	if (quitWords.has(word)) return {kind: 'quit'};
	const pane = paneForAlias(word);
	return pane ? {kind: 'open', view: {view: pane.id}} : {kind: 'unknown', text: text.trim()};
}

/**
Tab in command mode: the longest common prefix of the aliases that start with what was typed,
and the candidates (for the message line). Nothing typed, or nothing matching, changes nothing.
*/
export function completeCommandLine(text: string, aliases: readonly string[]): {text: string; candidates: string[]} {
	const typed = text.trim().toLowerCase();
	const candidates = [...new Set(aliases)].filter(alias => alias.startsWith(typed)).sort();
	if (typed === '' || candidates.length === 0) return {text, candidates};
	let prefix = candidates[0]!;
	for (const candidate of candidates) {
		while (!candidate.startsWith(prefix)) prefix = prefix.slice(0, -1);
	}

	return {text: prefix.length > typed.length ? prefix : text, candidates};
}
