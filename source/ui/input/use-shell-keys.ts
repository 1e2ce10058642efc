import type {Dispatch} from 'react';
import {actionCommandOf} from '../actions/action-requests.js';
import type {ActionCommand, Keymap} from '../keymap.js';
import {allAliases, cycleView, type PaneRegistry, topLevelViews} from '../pane-registry.js';
import type {Column, Row, ViewRef} from '../panes/pane.js';
import {currentView, cursorPosition, type Motion, rowsSignature, type SortState, type UiAction, type UiState, viewStateOf} from '../ui-state.js';
import {completeCommandLine, completeContextName, consumeWord, contextWord, parseCommandLine} from './command-line.js';
import {type Keypress, priority, useKeypress, useReplayDeferredKeys} from './keypress-context.js';

export type ShellKeysOptions = {
	/** The state with every action so far applied, including those of keys earlier in the same chunk. */
	latest: () => UiState;
	dispatch: Dispatch<UiAction>;
	keymap: Keymap;
	registry: PaneRegistry;
	/** rowsSignature of the state the rows were rendered for, and the rows in display order (filtered, sorted). */
	renderedRows: string;
	rows: readonly Row[];
	keys: readonly string[];
	columns: readonly Column[];
	/** The pane's own sort, in effect until the operator picks one. */
	defaultSort: SortState | undefined;
	/** Rows on one page, for PgUp/PgDn. */
	pageSize: number;
	/** Pages help takes at this size (PgDn/PgUp turn them). */
	helpPages: number;
	/** An action key on `row` of `ref` (the row under the cursor, if any): opens its dialog or says why not. */
	openAction(command: ActionCommand, ref: ViewRef, row: Row | undefined): void;
	/** `:ctx` (the picker) or `:ctx <name>` (a switch). */
	openContexts(name?: string): void;
	/** Context names, for Tab after `:ctx `. */
	contextNames(): string[];
	quit(): void;
	refreshNow(): void;
};

const motions: readonly Motion[] = ['up', 'down', 'pageUp', 'pageDown', 'top', 'bottom'];

/**
The shell's input layer (ink-ui's use-select split: view, reducer, input): four handlers on the
one dispatcher, highest priority first — help overlay (which pages), prompt, table, global. Each
turns the commands of its own scope into reducer actions; a layer that is showing swallows what
it does not use, so a key never reaches the view hidden beneath it. Only quit passes through
every layer. An action's dialog sits above them all (actions/use-action-dialog-keys.ts); the
table layer opens it.
*/
export function useShellKeys(options: ShellKeysOptions): void {
	const {latest, dispatch} = options;

	useKeypress(press => {
		const {commands} = press;
		if (commands.has('quit')) return false;
		if (commands.has('help') || commands.has('back')) dispatch({type: 'closeHelp'});
		else if (commands.has('pageDown') || commands.has('down')) dispatch({type: 'helpPage', step: 1, pages: options.helpPages});
		else if (commands.has('pageUp') || commands.has('up')) dispatch({type: 'helpPage', step: -1, pages: options.helpPages});
		return true;
	}, priority.help, () => latest().helpOpen);

	useKeypress(press => promptKey(press, options), priority.prompt, () => latest().prompt.mode !== 'none');

	useKeypress(press => tableKey(press, options), priority.table, () => !latest().helpOpen && latest().prompt.mode === 'none');
	useReplayDeferredKeys();

	useKeypress(press => {
		const {commands} = press;
		if (commands.has('quit')) options.quit();
		else if (commands.has('help')) dispatch({type: 'toggleHelp'});
		else if (commands.has('command')) dispatch({type: 'openPrompt', mode: 'command'});
		else if (commands.has('filter')) dispatch({type: 'openPrompt', mode: 'filter'});
		else if (commands.has('refresh')) {
			options.refreshNow();
			dispatch({type: 'message', text: 'refreshing…'});
		} else if (commands.has('nextPane') || commands.has('prevPane')) {
			dispatch({type: 'navigate', to: cycleView(latest().stack[0]?.view, commands.has('nextPane') ? 1 : -1)});
		} else return false;
		return true;
	}, priority.global);
}

function promptKey(press: Keypress, options: ShellKeysOptions): boolean {
	const {dispatch, registry} = options;
	const state = options.latest();
	const {commands} = press;
	if (commands.has('submit')) {
		dispatch({type: 'submitPrompt'});
		if (state.prompt.mode !== 'command') return true;
		const line = parseCommandLine(state.prompt.text, alias => registry.paneForAlias(alias));
		if (line.kind === 'quit') options.quit();
		else if (line.kind === 'open') dispatch({type: 'navigate', to: line.view});
		else if (line.kind === 'consume') dispatch({type: 'consume', topic: line.topic, from: line.from});
		else if (line.kind === 'context') options.openContexts(line.name);
		else if (line.kind === 'usage') dispatch({type: 'message', text: line.text});
		else if (line.kind === 'unknown') {
			const known = topLevelViews.flatMap(view => registry.panes[view].aliases.slice(0, 1)).map(alias => `:${alias}`);
			dispatch({type: 'message', text: `unknown command ":${line.text}"; try ${known.join(' ')} or :q`});
		}

		return true;
	}

	if (commands.has('cancel')) dispatch({type: 'cancelPrompt'});
	else if (commands.has('erase')) dispatch(state.prompt.text === '' ? {type: 'cancelPrompt'} : {type: 'erase'});
	else if (commands.has('complete')) {
		if (state.prompt.mode !== 'command') return true;
		const completion = completeContextName(state.prompt.text, options.contextNames)
			?? completeCommandLine(state.prompt.text, [...allAliases(registry), consumeWord, contextWord]);
		dispatch({type: 'setPromptText', text: completion.text});
		if (completion.candidates.length > 1) dispatch({type: 'message', text: completion.candidates.map(alias => `:${alias}`).join(' ')});
	} else if (press.ctrl) {
		// Ctrl-C still quits from a prompt; other control keys are not text.
		return !commands.has('quit');
	} else if (press.input !== '') dispatch({type: 'type', text: press.input});
	return true;
}

function tableKey(press: Keypress, options: ShellKeysOptions): boolean | 'defer' {
	const {dispatch, keymap} = options;
	const {commands} = press;
	const state = options.latest();
	if (commands.has('back')) {
		dispatch({type: 'back'});
		return true;
	}

	// Moving, opening and sorting need the rows on screen; after a view, filter or sort change
	// earlier in the same chunk of keys ("/orders⏎⏎" typed fast) those are not rendered yet,
	// so such keys wait for the next render instead of acting on the old rows.
	const ref = currentView(state);
	if (!ref) return true;
	// The consume view has its own keys (use-consume-keys.ts), above this layer.
	if (ref.view === 'consume') return false;
	const stale = rowsSignature(state) !== options.renderedRows;
	const motion = motions.find(candidate => commands.has(candidate));
	const sortColumn = /^[A-Z]$/.test(press.name) && !keymap.isBound(press.name, ['global', 'table'])
		? options.columns.findIndex(candidate => candidate.sortKey?.toUpperCase() === press.name)
		: -1;
	const action = actionCommandOf(commands);
	if (stale && (commands.has('open') || commands.has('consume') || motion || sortColumn >= 0 || action)) return 'defer';
	if (commands.has('open')) {
		const to = options.rows[cursorPosition(viewStateOf(state, ref), options.keys)]?.open;
		if (to) dispatch({type: 'push', to});
		return true;
	}

	if (commands.has('consume')) {
		const topic = options.rows[cursorPosition(viewStateOf(state, ref), options.keys)]?.topic;
		dispatch(topic === undefined ? {type: 'message', text: 'c consumes a topic: use it on a topic or partition row'} : {type: 'consume', topic});
		return true;
	}

	// An action acts on the row the operator sees under the cursor (or the pane itself: elect on health).
	if (action) {
		options.openAction(action, ref, options.rows[cursorPosition(viewStateOf(state, ref), options.keys)]);
		return true;
	}

	if (motion) {
		dispatch({type: 'move', motion, keys: options.keys, height: options.pageSize});
		return true;
	}

	// Shift+letter sorts by the column that claims it, unless the keymap binds that key (G is "last row").
	if (sortColumn >= 0) {
		dispatch({type: 'sort', column: sortColumn, current: viewStateOf(state, ref).sort ?? options.defaultSort});
		return true;
	}

	return false;
}
