/**
The keymap as data: every command ktop knows, the keys bound to it, what it does, where it
applies and whether it writes to the cluster. The dispatcher, the help screen and the hint
line are all generated from it, so a key cannot work without being documented or be
documented without working.
*/
import type {ViewId} from './panes/pane.js';

/**
Where a command applies: `global` anywhere, `table` on a pane's rows, `prompt` while typing a
`:` or `/` line, `consume` in the consume view (which also takes the table's moves, Enter and Esc),
`dialog` in an action's form, preview and outcome (which take every key but Ctrl-C).
*/
export type Scope = 'global' | 'table' | 'prompt' | 'consume' | 'dialog';

export type BuiltinCommand =
	| 'quit' | 'help' | 'command' | 'filter' | 'refresh' | 'nextPane' | 'prevPane'
	| 'back' | 'open' | 'up' | 'down' | 'pageUp' | 'pageDown' | 'top' | 'bottom' | 'sort'
	| 'submit' | 'cancel' | 'erase' | 'complete' | 'consume' | 'pause' | 'follow' | 'rewind';

/** The table commands that open an action's dialog on the row under the cursor. */
export type ActionCommand =
	| 'createTopic' | 'deleteResource' | 'addPartitions' | 'editConfigs' | 'produce' | 'purge' | 'electLeaders' | 'resetOffsets';

/** The action dialog's own keys (scope `dialog`). */
export type DialogCommand = 'fieldNext' | 'fieldPrev' | 'choose' | 'formEnter' | 'formBack' | 'formErase' | 'formPage';

/** Builtins, actions, the dialog's keys, plus whatever a test adds through `buildKeymap`. */
export type CommandId = BuiltinCommand | ActionCommand | DialogCommand | (string & Record<never, never>);

/**
A key as the dispatcher names it (see key-name.ts): a printable character ('q', 'G', '?', '+'),
'ctrl+<letter>', or one of 'up', 'down', 'left', 'right', 'pageup', 'pagedown', 'return',
'escape', 'tab', 'shift+tab', 'backspace'.
*/
export type KeyName = string;

export type CommandSpec = {
	keys: KeyName[];
	/** Short (help lays out in columns at 80x24): what the key does, not how. */
	description: string;
	scope: Scope;
	/**
	Destroys or rewrites (deletes, purges, resets offsets, adds partitions, changes configs): help
	marks it with "!". Implies `writes`.
	*/
	dangerous: boolean;
	/** Writes to the cluster. `--read-only` binds neither these nor dangerous ones, so they are neither shown nor reachable. */
	writes?: boolean;
	/** A table command that works on these panes' rows only (the actions): the hint line offers it there only. */
	panes?: readonly ViewId[];
	/** Short label for the hint line; commands without one appear only in help. */
	hint?: string;
	/** Hinted only while the line has room for it (at 80 columns the basic keys fill it); help always lists it. */
	hintIfRoom?: boolean;
	/** Keys that depend on the pane (sort: one Shift+letter per column); help lists them per pane. */
	keysFromPane?: string;
};

export const builtinCommands: Readonly<Record<BuiltinCommand, CommandSpec>> = {
	help: {keys: ['?'], description: 'this help (again closes it)', scope: 'global', dangerous: false, hint: 'help'},
	command: {keys: [':'], description: 'view or context: :topics :ctx…', scope: 'global', dangerous: false, hint: 'view'},
	filter: {keys: ['/'], description: 'filter rows (regex)', scope: 'global', dangerous: false, hint: 'filter'},
	refresh: {keys: ['r'], description: 'refresh now', scope: 'global', dangerous: false, hint: 'refresh'},
	quit: {keys: ['q', 'ctrl+c'], description: 'quit', scope: 'global', dangerous: false, hint: 'quit'},
	nextPane: {keys: ['tab'], description: 'next view', scope: 'global', dangerous: false},
	prevPane: {keys: ['shift+tab'], description: 'previous view', scope: 'global', dangerous: false},
	back: {keys: ['escape'], description: 'clear filter, else go back', scope: 'table', dangerous: false, hint: 'back'},
	open: {keys: ['return'], description: 'open the row (drill down)', scope: 'table', dangerous: false, hint: 'open'},
	up: {keys: ['up', 'k'], description: 'up', scope: 'table', dangerous: false},
	down: {keys: ['down', 'j'], description: 'down', scope: 'table', dangerous: false},
	pageUp: {keys: ['pageup', 'ctrl+b'], description: 'page up', scope: 'table', dangerous: false},
	pageDown: {keys: ['pagedown', 'ctrl+f'], description: 'page down', scope: 'table', dangerous: false},
	top: {keys: ['g'], description: 'first row', scope: 'table', dangerous: false},
	bottom: {keys: ['G'], description: 'last row', scope: 'table', dangerous: false},
	sort: {keys: [], keysFromPane: 'Shift+letter', description: 'sort by column; again reverses', scope: 'table', dangerous: false},
	// Reading commits nothing and leaves no consumer group: it writes nothing, so --read-only keeps it.
	consume: {keys: ['c'], description: 'watch the topic\'s records live', scope: 'table', dangerous: false, hint: 'consume'},
	pause: {keys: [' '], description: 'pause / resume (still counts)', scope: 'consume', dangerous: false, hint: 'pause'},
	follow: {keys: ['f'], description: 'follow the newest record on/off', scope: 'consume', dangerous: false, hint: 'follow'},
	rewind: {keys: ['b'], description: 'read again from the beginning', scope: 'consume', dangerous: false, hint: 'beginning', hintIfRoom: true},
	submit: {keys: ['return'], description: 'run it / keep the filter', scope: 'prompt', dangerous: false, hint: 'apply'},
	cancel: {keys: ['escape'], description: 'leave (clears a filter)', scope: 'prompt', dangerous: false, hint: 'cancel'},
	erase: {keys: ['backspace'], description: 'delete a character', scope: 'prompt', dangerous: false},
	complete: {keys: ['tab'], description: 'complete a view name', scope: 'prompt', dangerous: false, hint: 'complete'},
};

const topicPanes: readonly ViewId[] = ['topics', 'partitions'];

/**
Topic and group actions: each opens a dialog (form, preview, confirmation, outcome) on the row
under the cursor. Lower-case letters and symbols only, so none shadows a pane's Shift+letter
sort key; `dangerous` ones (destroy or rewrite) are marked in help, and every one is unbound by
`--read-only`.
*/
export const actionCommands: Readonly<Record<ActionCommand, CommandSpec>> = {
	createTopic: {keys: ['n'], description: 'create a topic', scope: 'table', dangerous: false, writes: true, hint: 'new', panes: topicPanes},
	deleteResource: {keys: ['ctrl+d'], description: 'delete topic or group', scope: 'table', dangerous: true, hint: 'delete', panes: [...topicPanes, 'groups', 'group']},
	// Irreversible, and keyed records map to other partitions afterwards.
	addPartitions: {keys: ['+'], description: 'add partitions', scope: 'table', dangerous: true, hint: 'partitions', panes: topicPanes},
	editConfigs: {keys: ['e'], description: 'edit topic configs', scope: 'table', dangerous: true, hint: 'configs', panes: topicPanes},
	produce: {keys: ['p'], description: 'produce a record', scope: 'table', dangerous: false, writes: true, hint: 'produce', panes: topicPanes},
	purge: {keys: ['x'], description: 'purge records', scope: 'table', dangerous: true, hint: 'purge', panes: topicPanes},
	electLeaders: {keys: ['l'], description: 'elect preferred leaders', scope: 'table', dangerous: false, writes: true, hint: 'elect', panes: [...topicPanes, 'health', 'brokers']},
	resetOffsets: {keys: ['o'], description: 'reset group offsets', scope: 'table', dangerous: true, hint: 'reset', panes: ['groups', 'group']},
};

/**
The dialog's keys. It takes every key while open (typed letters, 'q' included, go into the
field), so these may reuse the table's and the prompt's keys.
*/
export const dialogCommands: Readonly<Record<DialogCommand, CommandSpec>> = {
	fieldNext: {keys: ['tab', 'down'], description: 'next field; ↓ scrolls', scope: 'dialog', dangerous: false},
	fieldPrev: {keys: ['shift+tab', 'up'], description: 'previous; ↑ scrolls', scope: 'dialog', dangerous: false},
	choose: {keys: ['left', 'right'], description: 'change a ‹ choice ›', scope: 'dialog', dangerous: false},
	formEnter: {keys: ['return'], description: 'next, submit, confirm', scope: 'dialog', dangerous: false},
	formBack: {keys: ['escape'], description: 'back, or cancel', scope: 'dialog', dangerous: false},
	formErase: {keys: ['backspace'], description: 'delete a character', scope: 'dialog', dangerous: false},
	formPage: {keys: ['pageup', 'pagedown'], description: 'scroll a page', scope: 'dialog', dangerous: false},
};

/** Whether a command changes the cluster (dangerous ones do too). */
export function writesToCluster(spec: CommandSpec): boolean {
	return spec.dangerous || spec.writes === true;
}

export type Binding = {command: CommandId} & CommandSpec;

/**
The table commands the consume view answers too, with its own meaning on records: moves scroll
(and up turns follow off), Enter opens the record's detail, Esc closes it or goes back. The
others (sort, `c` itself) do not apply to a stream and are neither handled nor hinted there.
*/
export const consumeViewTableCommands: ReadonlySet<CommandId> = new Set<CommandId>(['back', 'open', 'up', 'down', 'pageUp', 'pageDown', 'top', 'bottom']);

export type Keymap = {
	readOnly: boolean;
	/** Bound commands in keymap order: what help lists. */
	bindings: readonly Binding[];
	/** Every command bound to a key, across scopes; each handler picks the ones of its scope. */
	commandsFor(key: KeyName): ReadonlySet<CommandId>;
	/** Whether `key` is taken by a command of `scope` (pane sort keys must not shadow those). */
	isBound(key: KeyName, scopes: readonly Scope[]): boolean;
};

export type KeymapOptions = {
	/** `--read-only`: commands that write (dangerous ones included) are not bound at all (k9s does the same). */
	readOnly: boolean;
	/** More commands, appended after ktop's own (tests). */
	extra?: Readonly<Record<string, CommandSpec>>;
};

export function buildKeymap(options: KeymapOptions): Keymap {
	const all: Array<[CommandId, CommandSpec]> = [
		...Object.entries(builtinCommands), ...Object.entries(actionCommands), ...Object.entries(dialogCommands), ...Object.entries(options.extra ?? {}),
	];
	const allowed = all.filter(([, spec]) => !(options.readOnly && writesToCluster(spec)));
	// Every dialog belongs to an action that writes: with none bound, its keys would document nothing reachable.
	const dialogs = allowed.some(([, spec]) => writesToCluster(spec));
	const bindings: Binding[] = allowed
		.filter(([, spec]) => dialogs || spec.scope !== 'dialog')
		.map(([command, spec]) => ({command, ...spec}));
	const byKey = new Map<KeyName, Set<CommandId>>();
	const scopesByKey = new Map<KeyName, Set<Scope>>();
	for (const binding of bindings) {
		for (const key of binding.keys) {
			(byKey.get(key) ?? byKey.set(key, new Set()).get(key)!).add(binding.command);
			(scopesByKey.get(key) ?? scopesByKey.set(key, new Set()).get(key)!).add(binding.scope);
		}
	}

	const none: ReadonlySet<CommandId> = new Set();
	return {
		readOnly: options.readOnly,
		bindings,
		commandsFor: key => byKey.get(key) ?? none,
		isBound: (key, scopes) => scopes.some(scope => scopesByKey.get(key)?.has(scope) ?? false),
	};
}

const labels: Record<string, string> = {
	' ': 'Space', up: '↑', down: '↓', left: '←', right: '→', pageup: 'PgUp', pagedown: 'PgDn', return: 'Enter', escape: 'Esc',
	tab: 'Tab', 'shift+tab': 'Shift-Tab', backspace: 'Backspace',
};

/** How a key is written in help and the hint line: 'ctrl+c' → 'Ctrl-C', 'return' → 'Enter'. */
export function keyLabel(key: KeyName): string {
	if (labels[key]) return labels[key];
	if (key.startsWith('ctrl+')) return `Ctrl-${key.slice(5).toUpperCase()}`;
	return key;
}

/** The key a Shift+letter sort key is typed as ('N'), written the way help shows it ('Shift-N'). */
export function sortKeyLabel(sortKey: string): string {
	return `Shift-${sortKey.toUpperCase()}`;
}
