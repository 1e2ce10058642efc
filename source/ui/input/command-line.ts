import {parseStartPosition, StartPositionError, startPositionSyntax} from '../../model/start-position.js';
import {sanitize} from '../../text/sanitize.js';
import type {Pane, ViewRef} from '../panes/pane.js';

/** What a `:` line asks for. */
export type CommandLine =
	| {kind: 'quit'}
	| {kind: 'open'; view: ViewRef}
	/** `from`: where reading starts, as typed (parseStartPosition's grammar); undefined: the default, the end. */
	| {kind: 'consume'; topic: string; from?: string}
	/** `:ctx` lists the contexts; `:ctx <name>` switches to that one. */
	| {kind: 'context'; name?: string}
	/** A known command used wrongly: what to type instead. */
	| {kind: 'usage'; text: string}
	| {kind: 'none'}
	| {kind: 'unknown'; text: string};

const quitWords = new Set(['q', 'q!', 'quit', 'exit']);

/** The command that opens the consume view; it takes a topic, so it is not a pane alias. */
export const consumeWord = 'consume';

/** The command that lists contexts and switches between them (k9s' word); the others are its long forms. */
export const contextWord = 'ctx';
const contextWords = new Set([contextWord, 'context', 'contexts']);

/** How `:consume` is used, for its usage message. */
export const consumeUsage = `:${consumeWord} <topic> [${startPositionSyntax}]`;

/**
`:topics`, `:zk`, `:q`: aliases come from the panes, so a new pane brings its own.
`:consume <topic> [from]` opens the consume view; the topic keeps its case (topic names are
case-sensitive, and never contain a space). What follows the topic is where reading starts, in
`ktop consume --from`'s grammar (a time may have a space: 2026-11-21 10:00); it is checked here,
so a position that cannot be read opens nothing and says what can.
*/
export function parseCommandLine(text: string, paneForAlias: (alias: string) => Pane | undefined): CommandLine {
	const [first = '', topic = '', ...rest] = text.trim().split(/\s+/);
	if (contextWords.has(first.toLowerCase())) {
		// Context names keep their case, as the config file spells them.
		if (rest.length > 0) return {kind: 'usage', text: `:${contextWord} takes one context name (:${contextWord} lists them)`};
		return topic === '' ? {kind: 'context'} : {kind: 'context', name: topic};
	}

	if (first.toLowerCase() === consumeWord) {
		if (topic === '') return {kind: 'usage', text: `:${consumeWord} needs a topic: ${consumeUsage}`};
		if (rest.length === 0) return {kind: 'consume', topic};
		const from = rest.join(' ');
		try {
			parseStartPosition(from);
		} catch (error) {
			const reason = error instanceof StartPositionError ? error.reason : String(error);
			// What is wrong, then what is right: the message line is one terminal line, after the breadcrumbs.
			return {kind: 'usage', text: `:${consumeWord} "${sanitize(from)}": ${reason}; use ${startPositionSyntax}`};
		}

		return {kind: 'consume', topic, from};
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
export function completeCommandLine(text: string, aliases: readonly string[], caseSensitive = false): {text: string; candidates: string[]} {
	const typed = caseSensitive ? text.trim() : text.trim().toLowerCase();
	const candidates = [...new Set(aliases)].filter(alias => alias.startsWith(typed)).sort();
	if (typed === '' || candidates.length === 0) return {text, candidates};
	let prefix = candidates[0]!;
	for (const candidate of candidates) {
		while (!candidate.startsWith(prefix)) prefix = prefix.slice(0, -1);
	}

	return {text: prefix.length > typed.length ? prefix : text, candidates};
}

/**
Tab after `:ctx `: the context names that start with what was typed (case kept), else undefined
when the line is not a `:ctx` with an argument begun.
*/
export function completeContextName(text: string, names: () => readonly string[]): {text: string; candidates: string[]} | undefined {
	const match = /^(\s*(\S+)\s+)(\S*)$/.exec(text);
	if (!match || !contextWords.has(match[2]!.toLowerCase())) return undefined;
	const completion = completeCommandLine(match[3]!, names(), true);
	// Nothing typed yet: Tab lists them all, and fills in the one there is.
	const name = match[3] === '' && completion.candidates.length === 1 ? completion.candidates[0]! : completion.text;
	return {text: `${match[1]}${name}`, candidates: completion.candidates.map(candidate => `${match[2]!} ${candidate}`)};
}
