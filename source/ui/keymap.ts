/**
The keymap as data: every command ktop knows, the keys bound to it, what it does, where it
applies and whether it writes to the cluster. The dispatcher, the help screen and the hint
line are all generated from it, so a key cannot work without being documented or be
documented without working.
*/

/**
Where a command applies: `global` anywhere, `table` on a pane's rows, `prompt` while typing a
`:` or `/` line, `consume` in the consume view (which also takes the table's moves, Enter and Esc).
*/
export type Scope = 'global' | 'table' | 'prompt' | 'consume';

export type BuiltinCommand =
	| 'quit' | 'help' | 'command' | 'filter' | 'refresh' | 'nextPane' | 'prevPane'
	| 'back' | 'open' | 'up' | 'down' | 'pageUp' | 'pageDown' | 'top' | 'bottom' | 'sort'
	| 'submit' | 'cancel' | 'erase' | 'complete' | 'consume' | 'pause' | 'follow';

/** Builtins, plus whatever actions a later issue (or a test) adds through `buildKeymap`. */
export type CommandId = BuiltinCommand | (string & Record<never, never>);

/**
A key as the dispatcher names it (see key-name.ts): a printable character ('q', 'G', '?'),
'ctrl+<letter>', or one of 'up', 'down', 'pageup', 'pagedown', 'return', 'escape', 'tab',
'shift+tab', 'backspace'.
*/
export type KeyName = string;

export type CommandSpec = {
	keys: KeyName[];
	/** Short (help lays out in columns at 80x24): what the key does, not how. */
	description: string;
	scope: Scope;
	/** Writes to the cluster. `--read-only` never binds these, so they are neither shown nor reachable. */
	dangerous: boolean;
	/** Short label for the hint line; commands without one appear only in help. */
	hint?: string;
	/** Keys that depend on the pane (sort: one Shift+letter per column); help lists them per pane. */
	keysFromPane?: string;
};

export const builtinCommands: Readonly<Record<BuiltinCommand, CommandSpec>> = {
	help: {keys: ['?'], description: 'this help (again closes it)', scope: 'global', dangerous: false, hint: 'help'},
	command: {keys: [':'], description: 'switch view: :topics :zk…', scope: 'global', dangerous: false, hint: 'view'},
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
	// Reading commits nothing and leaves no consumer group: not dangerous, so --read-only keeps it.
	consume: {keys: ['c'], description: 'watch the topic\'s records live', scope: 'table', dangerous: false, hint: 'consume'},
	pause: {keys: [' '], description: 'pause / resume (still counts)', scope: 'consume', dangerous: false, hint: 'pause'},
	follow: {keys: ['f'], description: 'follow the newest record on/off', scope: 'consume', dangerous: false, hint: 'follow'},
	submit: {keys: ['return'], description: 'run it / keep the filter', scope: 'prompt', dangerous: false, hint: 'apply'},
	cancel: {keys: ['escape'], description: 'leave (clears a filter)', scope: 'prompt', dangerous: false, hint: 'cancel'},
	erase: {keys: ['backspace'], description: 'delete a character', scope: 'prompt', dangerous: false},
	complete: {keys: ['tab'], description: 'complete a view name', scope: 'prompt', dangerous: false, hint: 'complete'},
};

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
	/** `--read-only`: commands flagged dangerous are not bound at all (k9s does the same). */
	readOnly: boolean;
	/** More commands, appended after the builtins (actions in a later issue; tests today). */
	extra?: Readonly<Record<string, CommandSpec>>;
};

export function buildKeymap(options: KeymapOptions): Keymap {
	const all: Array<[CommandId, CommandSpec]> = [...Object.entries(builtinCommands), ...Object.entries(options.extra ?? {})];
	const bindings: Binding[] = all
		.filter(([, spec]) => !(options.readOnly && spec.dangerous))
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
	' ': 'Space', up: '↑', down: '↓', pageup: 'PgUp', pagedown: 'PgDn', return: 'Enter', escape: 'Esc',
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
