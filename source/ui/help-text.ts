import {type Binding, consumeViewTableCommands, type Keymap, keyLabel, type Scope, sortKeyLabel, writesToCluster} from './keymap.js';
import type {Column, ViewId} from './panes/pane.js';
import {fitText} from './table/fit-text.js';

export type HelpEntry = {keys: string; description: string};
/** `note`: a line after the entries that explains them (what "!" means). */
export type HelpSection = {title: string; entries: HelpEntry[]; compact?: boolean; note?: string};

/** Marks a command that destroys or rewrites, before its description: help cuts descriptions at 80 columns, never the mark. */
export const dangerMark = '! ';

function keysOf(binding: Binding): string {
	return binding.keys.length > 0 ? binding.keys.map(keyLabel).join(' ') : binding.keysFromPane ?? '';
}

function entryOf(binding: Binding): HelpEntry {
	return {keys: keysOf(binding), description: (binding.dangerous ? dangerMark : '') + binding.description};
}

type SectionSpec = {title: string; note?: string; holds(binding: Binding): boolean};

/** In reading order: the actions next to the view they act on, the dialog they open right after. */
const sectionSpecs: readonly SectionSpec[] = [
	{title: 'Anywhere', holds: binding => binding.scope === 'global'},
	{title: 'In a view', holds: binding => binding.scope === 'table' && !writesToCluster(binding)},
	{title: 'Actions (write to the cluster)', note: `${dangerMark}destroys or rewrites data`, holds: binding => binding.scope === 'table' && writesToCluster(binding)},
	{title: 'In an action\'s form', holds: binding => binding.scope === 'dialog'},
	// c reads from the end; a start is typed, so it has no key to list. The title names how, costing
	// no line (help fits one page at 100x30); a start it cannot read gets a message listing every form.
	{title: 'Consuming (:consume <topic> [start])', holds: binding => binding.scope === 'consume'},
	{title: 'Typing after : or /', holds: binding => binding.scope === 'prompt'},
];

/**
Help, generated from the keymap: every bound command with its keys, grouped by where it applies,
then the current pane's sort keys (one per sortable column). Read-only keymaps bind no command
that writes, so neither the actions nor their form's keys appear here then.
*/
export function helpSections(keymap: Keymap, columns: readonly Column[]): HelpSection[] {
	const sections: HelpSection[] = sectionSpecs.map(spec => {
		const bindings = keymap.bindings.filter(binding => spec.holds(binding));
		const note = spec.note !== undefined && bindings.some(binding => binding.dangerous) ? {note: spec.note} : {};
		return {title: spec.title, entries: bindings.map(binding => entryOf(binding)), ...note};
	});
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
a wrapped paragraph ("Shift-N name  Shift-P parts …"): a pane can have a dozen. When even the
most columns cannot hold everything, help continues on further pages (PgDn), each ending with a
line that says so: every key stays reachable at 80x24.
*/
export function helpPages(sections: readonly HelpSection[], width: number, height: number): string[][] {
	const rows = Math.max(1, height);
	const maxColumns = Math.max(1, Math.floor(width / 38));
	const keyWidth = Math.min(14, Math.max(...sections.flatMap(section => section.entries.map(entry => entry.keys.length))) + 2);
	const layout = (columnCount: number) => {
		const columnWidth = Math.floor(width / columnCount) - 1;
		return sections.flatMap(section => [{text: section.title, title: true}, ...[
			...(section.compact
				? wrap(section.entries.map(entry => `${entry.keys} ${entry.description}`), columnWidth - 2).map(line => `  ${line}`)
				: section.entries.map(entry => `  ${entry.keys.padEnd(keyWidth)}${entry.description}`)),
			...(section.note === undefined ? [] : [`  ${section.note}`]),
		].map(text => ({text, title: false}))]);
	};

	const split = (columnCount: number, lines: number) => {
		const columns: string[][] = [];
		let column: string[] = [];
		for (const line of layout(columnCount)) {
			// A section title never ends a column: it moves to the top of the next, with its entries.
			const full = column.length === lines || (line.title && column.length === lines - 1);
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
	let columns = split(1, rows);
	while (columns.length > columnCount && columnCount < maxColumns) columns = split(++columnCount, rows);
	if (columns.length <= columnCount) return [joinColumns(columns, columnCount, width)];

	// More than one page: each keeps its last line for saying where the rest is.
	const lines = Math.max(1, rows - 1);
	columns = split(columnCount, lines);
	const count = Math.ceil(columns.length / columnCount);
	return Array.from({length: count}, (_, page) => {
		const body = joinColumns(columns.slice(page * columnCount, (page + 1) * columnCount), columnCount, width);
		while (body.length < lines) body.push('');
		const footer = page < count - 1 ? `… more: PgDn for page ${page + 2} of ${count}` : `page ${count} of ${count}: PgUp goes back`;
		return [...body, footer];
	});
}

/** One page of help (the first by default), as laid out by helpPages. */
export function helpLines(sections: readonly HelpSection[], width: number, height: number, page = 0): string[] {
	const pages = helpPages(sections, width, height);
	return pages[Math.max(0, Math.min(page, pages.length - 1))]!;
}

function joinColumns(columns: readonly string[][], columnCount: number, width: number): string[] {
	const columnWidth = Math.floor(width / columnCount);
	const lines: string[] = [];
	const tallest = Math.max(0, ...columns.map(column => column.length));
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

/** Where the table's hint line is shown: its pane (actions are offered only where they work) and the room it has. */
export type HintPlace = {view?: ViewId | undefined; width?: number | undefined};

/**
The bottom line, generated from the keymap: the commands that have a hint, for the layer that has
the keys. On a table, the actions that work on the pane are added, in keymap order, while the line
still fits `width` (at 80 columns the basic keys already fill it: help lists the actions).
*/
export function hintText(keymap: Keymap, layer: HintLayer, place: HintPlace = {}): string {
	if (layer === 'help') {
		const close = keymap.bindings.filter(binding => binding.command === 'help' || binding.command === 'back').flatMap(binding => binding.keys.map(keyLabel));
		const quit = keymap.bindings.find(binding => binding.command === 'quit');
		return [`${close.join('/')} close help`, ...(quit ? [`${quit.keys.map(keyLabel).join('/')} quit`] : [])].join('  ');
	}

	if (layer === 'detail') return detailHint(keymap);
	const hinted = (scope: Scope) => keymap.bindings.filter(binding => binding.hint !== undefined && binding.scope === scope);
	// The view's own keys first, then the global ones, so "q quit" ends the line. The consume view
	// lists the table keys it answers, and leaves out refresh (of the cluster, not the stream) so
	// the line still fits 80 columns; its keys marked hintIfRoom join when the line is wider.
	if (layer === 'prompt') return hintOf(hinted('prompt'));
	if (layer === 'consume') {
		const own = hinted('consume');
		const table = hinted('table').filter(binding => consumeViewTableCommands.has(binding.command));
		const global = hinted('global').filter(binding => binding.command !== 'refresh');
		const basic = own.filter(binding => !binding.hintIfRoom);
		const extra: Binding[] = [];
		for (const binding of own.filter(candidate => candidate.hintIfRoom)) {
			if (place.width === undefined || hintOf([...basic, ...table, ...extra, binding, ...global]).length > place.width) break;
			extra.push(binding);
		}

		return hintOf([...basic, ...table, ...extra, ...global]);
	}

	const own = hinted('table').filter(binding => binding.panes === undefined);
	const global = hinted('global');
	const offered = hinted('table').filter(binding => place.view !== undefined && binding.panes?.includes(place.view));
	const actions: Binding[] = [];
	for (const action of offered) {
		if (place.width === undefined || hintOf([...own, ...actions, action, ...global]).length > place.width) break;
		actions.push(action);
	}

	return hintOf([...own, ...actions, ...global]);
}

function hintOf(bindings: readonly Binding[]): string {
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
