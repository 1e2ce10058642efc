import {type DialogAction, dialogReducer, type DialogState} from './actions/action-dialog-state.js';
import type {ViewRef} from './panes/pane.js';

/**
Everything the shell remembers between keypresses, as a pure reducer over a discriminated
union (ink-ui's use-select-state shape). It never sees the cluster: actions that depend on
rows carry the row keys in display order, so the reducer stays testable without a snapshot.
*/

export type SortState = {column: number; descending: boolean};

/** Per view (a view and its subject): survives going back and forth and every refresh. */
export type ViewState = {
	/** The row under the cursor, by key, so a refresh that reorders or inserts rows does not move it. */
	cursorKey: string | undefined;
	/** Where the cursor was, for when its row disappears: the cursor stays at that position. */
	cursorIndex: number;
	/** First visible row. */
	offset: number;
	/** Undefined: the pane's default sort. */
	sort: SortState | undefined;
	/** Regex source as typed; '' is no filter. */
	filter: string;
};

export type PromptMode = 'none' | 'command' | 'filter';

export type UiState = {
	/** Breadcrumbs; empty until the first snapshot decides the start view. */
	stack: ViewRef[];
	views: Readonly<Record<string, ViewState>>;
	prompt: {mode: PromptMode; text: string};
	helpOpen: boolean;
	/** The page of help shown, when it takes more than one (a small terminal). */
	helpPage: number;
	/** The action being prepared or applied (its form, preview or outcome), over the view it was opened on. */
	dialog: DialogState | undefined;
	message: string | undefined;
};

export type Motion = 'up' | 'down' | 'pageUp' | 'pageDown' | 'top' | 'bottom';

export type UiAction =
	/** The first snapshot arrived: open the default view unless the operator already chose one. */
	| {type: 'start'; view: ViewRef}
	/** `:topics`, Tab: a new top-level view, breadcrumbs reset. */
	| {type: 'navigate'; to: ViewRef}
	/** Enter on a row: one level deeper. */
	| {type: 'push'; to: ViewRef}
	/**
	`c` on a row, `:consume <topic> [from]`, `b` in the consume view: the consume view on top of where
	you are (instead of one already on top, which closes), so Esc returns there. `from` as in ConsumeRef.
	*/
	| {type: 'consume'; topic: string; from?: string | undefined}
	/** Esc: clear the filter, else pop a breadcrumb. */
	| {type: 'back'}
	| {type: 'move'; motion: Motion; keys: readonly string[]; height: number}
	| {type: 'sort'; column: number; current: SortState | undefined}
	| {type: 'openPrompt'; mode: Exclude<PromptMode, 'none'>}
	| {type: 'type'; text: string}
	| {type: 'erase'}
	| {type: 'setPromptText'; text: string}
	/** Enter: a filter stays applied; a command line is closed (the caller acts on it). */
	| {type: 'submitPrompt'}
	/** Esc in the prompt: a filter being typed is cleared. */
	| {type: 'cancelPrompt'}
	| {type: 'toggleHelp'}
	| {type: 'closeHelp'}
	/** PgDn/PgUp in help; `pages`: how many it has at this size. */
	| {type: 'helpPage'; step: 1 | -1; pages: number}
	/** An action key on a row: its dialog opens (action-dialog-state.ts builds it). */
	| {type: 'openDialog'; dialog: DialogState}
	| {type: 'dialog'; action: DialogAction}
	| {type: 'message'; text: string | undefined};

export const initialUiState: UiState = {
	stack: [], views: {}, prompt: {mode: 'none', text: ''}, helpOpen: false, helpPage: 0, dialog: undefined, message: undefined,
};

const blankView: ViewState = {cursorKey: undefined, cursorIndex: 0, offset: 0, sort: undefined, filter: ''};

export function viewKey(ref: ViewRef): string {
	return ref.subject === undefined ? ref.view : `${ref.view}\u0000${ref.subject}`;
}

/**
What the rows on screen depend on besides the data: the view, its filter and its sort. A key
that acts on rows (open, move, sort) is only meaningful against rows rendered for the same one.
*/
export function rowsSignature(state: UiState): string {
	const ref = currentView(state);
	if (!ref) return '';
	const view = viewStateOf(state, ref);
	return [viewKey(ref), view.filter, view.sort ? `${view.sort.column}${view.sort.descending ? 'd' : 'a'}` : ''].join('\u0000');
}

export function currentView(state: UiState): ViewRef | undefined {
	return state.stack.at(-1);
}

export function viewStateOf(state: UiState, ref: ViewRef | undefined): ViewState {
	return (ref && state.views[viewKey(ref)]) ?? blankView;
}

export function uiReducer(state: UiState, action: UiAction): UiState {
	switch (action.type) {
		case 'start': return state.stack.length > 0 ? state : {...state, stack: [action.view]};
		case 'navigate': return {...state, stack: [action.to], message: undefined};
		case 'push': return {...state, stack: [...state.stack, action.to], message: undefined};
		case 'consume': {
			const below = currentView(state)?.view === 'consume' ? state.stack.slice(0, -1) : state.stack;
			// Asked for before the first snapshot chose a view: Esc must still lead somewhere.
			const base: ViewRef[] = below.length === 0 ? [{view: 'topics'}] : below;
			// A new ref each time, even for the same topic and start: the view keys its session on it.
			const ref: ViewRef = action.from === undefined ? {view: 'consume', subject: action.topic} : {view: 'consume', subject: action.topic, from: action.from};
			return {...state, stack: [...base, ref], message: undefined};
		}

		case 'back': {
			const ref = currentView(state);
			if (ref && viewStateOf(state, ref).filter !== '') return updateView(state, ref, {filter: '', cursorIndex: 0, offset: 0});
			if (state.stack.length <= 1) return state;
			return {...state, stack: state.stack.slice(0, -1), message: undefined};
		}

		case 'move': {
			const ref = currentView(state);
			if (!ref || action.keys.length === 0) return state;
			return updateView(state, ref, move(viewStateOf(state, ref), action.motion, action.keys, action.height));
		}

		case 'sort': {
			const ref = currentView(state);
			if (!ref) return state;
			const sort = action.current?.column === action.column
				? {column: action.column, descending: !action.current.descending}
				: {column: action.column, descending: false};
			return updateView(state, ref, {sort});
		}

		case 'openPrompt': {
			// As in k9s, `/` starts a new filter: typing `/orders` never appends to an old one.
			return {...state, prompt: {mode: action.mode, text: ''}, message: undefined};
		}

		case 'type': return setPrompt(state, state.prompt.text + action.text);
		case 'erase': return setPrompt(state, [...state.prompt.text].slice(0, -1).join(''));
		case 'setPromptText': return setPrompt(state, action.text);
		case 'submitPrompt': return {...state, prompt: {mode: 'none', text: ''}};
		case 'cancelPrompt': {
			const closed = {...state, prompt: {mode: 'none' as const, text: ''}};
			return state.prompt.mode === 'filter' ? setFilter(closed, '') : closed;
		}

		case 'toggleHelp': return {...state, helpOpen: !state.helpOpen, helpPage: 0};
		case 'closeHelp': return {...state, helpOpen: false, helpPage: 0};
		case 'helpPage': return {...state, helpPage: Math.max(0, Math.min(action.pages - 1, state.helpPage + action.step))};
		case 'openDialog': return {...state, dialog: action.dialog, message: undefined};
		case 'dialog': return state.dialog ? {...state, dialog: dialogReducer(state.dialog, action.action)} : state;
		case 'message': return {...state, message: action.text};
	}
}

/** The filter is applied while it is typed, as k9s does: the rows narrow with each key. */
function setPrompt(state: UiState, text: string): UiState {
	if (state.prompt.mode === 'none') return state;
	const next = {...state, prompt: {...state.prompt, text}};
	return state.prompt.mode === 'filter' ? setFilter(next, text) : next;
}

function setFilter(state: UiState, filter: string): UiState {
	const ref = currentView(state);
	if (!ref || viewStateOf(state, ref).filter === filter) return state;
	// A new filter shows other rows: start at the top rather than wherever the old cursor was.
	return updateView(state, ref, {filter, cursorKey: undefined, cursorIndex: 0, offset: 0});
}

function updateView(state: UiState, ref: ViewRef, change: Partial<ViewState>): UiState {
	return {...state, views: {...state.views, [viewKey(ref)]: {...viewStateOf(state, ref), ...change}}};
}

/** Where the cursor is among `keys`: its row if still there, else the position it had. */
export function cursorPosition(view: ViewState, keys: readonly string[]): number {
	if (keys.length === 0) return 0;
	const index = view.cursorKey === undefined ? -1 : keys.indexOf(view.cursorKey);
	return index >= 0 ? index : Math.min(view.cursorIndex, keys.length - 1);
}

/**
The first visible row for a cursor at `index`: the stored offset, moved only as far as
needed to keep the cursor on screen, and never past the last full page.
*/
export function scrollOffset(offset: number, index: number, height: number, total: number): number {
	const page = Math.max(1, height);
	let first = Math.min(offset, Math.max(0, total - page));
	if (index < first) first = index;
	if (index >= first + page) first = index - page + 1;
	return Math.max(0, first);
}

function move(view: ViewState, motion: Motion, keys: readonly string[], height: number): Partial<ViewState> {
	const page = Math.max(1, height);
	const from = cursorPosition(view, keys);
	const last = keys.length - 1;
	const target = {
		up: from - 1,
		down: from + 1,
		pageUp: from - page,
		pageDown: from + page,
		top: 0,
		bottom: last,
	}[motion];
	const index = Math.max(0, Math.min(last, target));
	return {cursorKey: keys[index], cursorIndex: index, offset: scrollOffset(view.offset, index, page, keys.length)};
}
