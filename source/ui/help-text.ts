import {type Binding, consumeViewTableCommands, type Keymap, keyLabel, type Scope, sortKeyLabel} from './keymap.js';
import type {Column} from './panes/pane.js';
import {fitText} from './table/fit-text.js';

export type HelpEntry = {keys: string; description: string};
export type HelpSection = {title: string; entries: HelpEntry[]; compact?: boolean};

const sectionTitles: Record<Scope, string> = {global: 'Anywhere', table: 'In a view', consume: 'Consuming a topic', prompt: 'Typing after : or /'};

function keysOf(binding: Binding): string {
	return binding.keys.length > 0 ? binding.keys.map(keyLabel).join(' ') : binding.keysFromPane ?? '';
}

/**
Help, generated from the keymap: every bound command with its keys, grouped by scope, then the
current pane's sort keys (one per sortable column). Read-only keymaps have no dangerous
bindings, so those never appear here.
*/
export function helpSections(keymap: Keymap, columns: readonly Column[]): HelpSection[] {
	const sections: HelpSection[] = (['global', 'table', 'consume', 'prompt'] as const).map(scope => ({
		title: sectionTitles[scope],
		entries: keymap.bindings
			.filter(binding => binding.scope === scope)
			.map(binding => ({keys: keysOf(binding), description: binding.description + (binding.dangerous ? ' (writes)' : '')})),
	}));
	const sortable = columns.filter(column => column.sortKey !== undefined && !keymap.isBound(column.sortKey.toUpperCase(), ['global', 'table']));
	if (sortable.length > 0) {
		sections.push({
			title: 'Sort this view',
			entries: sortable.map(column => ({keys: sortKeyLabel(column.sortKey!), description: column.title.toLowerCase()})),
			compact: true,
		});
	}

	return sections.filter(section => section.entries.length > 0);
}

/**
Lays help out in as many side-by-side columns as it takes to fit `height` lines (at most as
many as are still readable), each line cut to its column, so help fits at 80x24. Sort keys are
a wrapped paragraph ("Shift-N name  Shift-P parts …"): a pane can have a dozen. If even that
cannot hold everything, the last line says so.
*/
export function helpLines(sections: readonly HelpSection[], width: number, height: number): string[] {
	const rows = Math.max(1, height);
	const maxColumns = Math.max(1, Math.floor(width / 38));
	const keyWidth = Math.min(14, Math.max(...sections.flatMap(section => section.entries.map(entry => entry.keys.length))) + 2);
	const layout = (columnCount: number) => {
		const columnWidth = Math.floor(width / columnCount) - 1;
		return sections.flatMap(section => [{text: section.title, title: true}, ...(section.compact
			? wrap(section.entries.map(entry => `${entry.keys} ${entry.description}`), columnWidth - 2).map(line => `  ${line}`)
			: section.entries.map(entry => `  ${entry.keys.padEnd(keyWidth)}${entry.description}`)).map(text => ({text, title: false}))]);
	};

	const split = (columnCount: number) => {
		const columns: string[][] = [];
		let column: string[] = [];
		for (const line of layout(columnCount)) {
			// A section title never ends a column: it moves to the top of the next, with its entries.
			const full = column.length === rows || (line.title && column.length === rows - 1);
			if (full) {
				columns.push(column);
				column = [];
			}

			column.push(line.text);
		}

		if (column.length > 0) columns.push(column);
		return columns;
	};

	let columnCount = 1;
	let columns = split(1);
	while (columns.length > columnCount && columnCount < maxColumns) columns = split(++columnCount);
	if (columns.length > columnCount) {
		columns = columns.slice(0, columnCount);
		const last = columns.at(-1)!;
		last.splice(rows - 1, last.length, '… more: a larger terminal shows every key');
	}

	const columnWidth = Math.floor(width / columnCount);
	const lines: string[] = [];
	const tallest = Math.max(...columns.map(column => column.length));
	for (let row = 0; row < tallest; row++) {
		lines.push(columns.map(column => fitText(column[row] ?? '', columnWidth - 1)).join(' ').trimEnd());
	}

	return lines;
}

function wrap(words: readonly string[], width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of words) {
		if (line !== '' && line.length + 2 + word.length > width) {
			lines.push(line);
			line = '';
		}

		line = line === '' ? word : `${line}  ${word}`;
	}

	if (line !== '') lines.push(line);
	return lines;
}

/** Which keys the bottom line is about: a pane's table, a `:`/`/` prompt, help, the consume view or a record's detail. */
export type HintLayer = 'table' | 'prompt' | 'help' | 'consume' | 'detail';

/** The bottom line, generated from the keymap: the commands that have a hint, for the layer that has the keys. */
export function hintText(keymap: Keymap, layer: HintLayer): string {
	if (layer === 'help') {
		const close = keymap.bindings.filter(binding => binding.command === 'help' || binding.command === 'back').flatMap(binding => binding.keys.map(keyLabel));
		const quit = keymap.bindings.find(binding => binding.command === 'quit');
		return [`${close.join('/')} close help`, ...(quit ? [`${quit.keys.map(keyLabel).join('/')} quit`] : [])].join('  ');
	}

	if (layer === 'detail') return detailHint(keymap);
	const hinted = (scope: Scope) => keymap.bindings.filter(binding => binding.hint !== undefined && binding.scope === scope);
	// The view's own keys first, then the global ones, so "q quit" ends the line. The consume view
	// lists the table keys it answers, and leaves out refresh (of the cluster, not the stream) so
	// the line still fits 80 columns.
	const bindings = layer === 'prompt'
		? hinted('prompt')
		: layer === 'consume'
			? [...hinted('consume'), ...hinted('table').filter(binding => consumeViewTableCommands.has(binding.command)), ...hinted('global').filter(binding => binding.command !== 'refresh')]
			: [...hinted('table'), ...hinted('global')];
	return bindings.map(binding => `${binding.keys.length > 0 ? keyLabel(binding.keys[0]!) : binding.keysFromPane ?? ''} ${binding.hint}`).join('  ');
}

/** A record's detail: it scrolls, Esc leaves it; the rest of the keys still work but are not what matters here. */
function detailHint(keymap: Keymap): string {
	const first = (command: string) => {
		const key = keymap.bindings.find(binding => binding.command === command)?.keys[0];
		return key === undefined ? undefined : keyLabel(key);
	};

	const parts = [
		[first('up'), first('down')].filter(Boolean).join('/') + ' scroll',
		`${first('pageDown') ?? ''} page`,
		`${first('back') ?? ''} back`,
		`${first('help') ?? ''} help`,
		`${first('quit') ?? ''} quit`,
	];
	return parts.join('  ');
}
