import {describe, expect, it} from 'vitest';
import {openDialog} from '../../source/ui/actions/action-dialog-state.js';
import {
	cursorPosition, initialUiState, scrollOffset, type UiAction, uiReducer, type UiState, viewStateOf,
} from '../../source/ui/ui-state.js';
import {scriptedSpec} from './actions/fake-actions.js';

const run = (...actions: UiAction[]): UiState => actions.reduce(uiReducer, initialUiState);
const topics = {view: 'topics' as const};
const keys = Array.from({length: 50}, (_, index) => `t${index}`);
const view = (state: UiState) => viewStateOf(state, state.stack.at(-1));

describe('uiReducer', () => {
	it('starts once: a view the operator chose before the first snapshot wins', () => {
		expect(run({type: 'start', view: topics}).stack).toEqual([topics]);
		expect(run({type: 'navigate', to: {view: 'brokers'}}, {type: 'start', view: topics}).stack).toEqual([{view: 'brokers'}]);
	});

	it('Esc clears the filter first, then pops a breadcrumb, never the last one', () => {
		let state = run({type: 'start', view: topics}, {type: 'push', to: {view: 'partitions', subject: 'orders'}}, {type: 'openPrompt', mode: 'filter'}, {type: 'type', text: '1'}, {type: 'submitPrompt'});
		expect(view(state).filter).toBe('1');
		state = uiReducer(state, {type: 'back'});
		expect(view(state).filter).toBe('');
		expect(state.stack).toHaveLength(2);
		state = uiReducer(state, {type: 'back'});
		expect(state.stack).toEqual([topics]);
		expect(uiReducer(state, {type: 'back'})).toBe(state);
	});

	it('keeps each view\'s cursor, sort and filter across drill-down and back', () => {
		let state = run({type: 'start', view: topics}, {type: 'move', motion: 'down', keys, height: 10}, {type: 'sort', column: 1, current: undefined});
		state = uiReducer(state, {type: 'push', to: {view: 'partitions', subject: 't1'}});
		expect(view(state).cursorKey).toBeUndefined();
		state = uiReducer(state, {type: 'back'});
		expect(view(state)).toMatchObject({cursorKey: 't1', sort: {column: 1, descending: false}});
	});

	it('moves the cursor by row, page, to the ends, clamped, and scrolls to keep it visible', () => {
		const state = run({type: 'start', view: topics});
		const at = (...motions: Array<'up' | 'down' | 'pageUp' | 'pageDown' | 'top' | 'bottom'>) => view(motions.reduce(
			(current, motion) => uiReducer(current, {type: 'move', motion, keys, height: 10}), state,
		));
		expect(at('up').cursorKey).toBe('t0');
		expect(at('down', 'down').cursorKey).toBe('t2');
		expect(at('pageDown')).toMatchObject({cursorKey: 't10', offset: 1});
		expect(at('bottom')).toMatchObject({cursorKey: 't49', offset: 40});
		expect(at('bottom', 'pageDown').cursorKey).toBe('t49');
		expect(at('bottom', 'pageUp')).toMatchObject({cursorKey: 't39', offset: 39});
		expect(at('bottom', 'top')).toMatchObject({cursorKey: 't0', offset: 0});
		expect(uiReducer(state, {type: 'move', motion: 'down', keys: [], height: 10})).toBe(state);
	});

	it('the cursor follows its row by key; when the row is gone it stays at its position', () => {
		const state = view(run({type: 'start', view: topics}, {type: 'move', motion: 'bottom', keys: ['a', 'b', 'c'], height: 10}));
		expect(cursorPosition(state, ['c', 'a', 'b'])).toBe(0);
		expect(cursorPosition(state, ['a', 'b', 'x', 'y'])).toBe(2);
		expect(cursorPosition(state, ['a'])).toBe(0);
		expect(cursorPosition(state, [])).toBe(0);
	});

	it('scrolls only as far as needed, and never past the last full page', () => {
		expect(scrollOffset(0, 5, 10, 50)).toBe(0);
		expect(scrollOffset(0, 12, 10, 50)).toBe(3);
		expect(scrollOffset(20, 12, 10, 50)).toBe(12);
		expect(scrollOffset(45, 46, 10, 50)).toBe(40);
		expect(scrollOffset(30, 2, 10, 5)).toBe(0);
	});

	it('sorts by a column, and the same column again reverses', () => {
		let state = run({type: 'start', view: topics}, {type: 'sort', column: 2, current: undefined});
		expect(view(state).sort).toEqual({column: 2, descending: false});
		state = uiReducer(state, {type: 'sort', column: 2, current: view(state).sort});
		expect(view(state).sort).toEqual({column: 2, descending: true});
		// Reversing the pane's default sort, which the state never held.
		state = uiReducer(state, {type: 'sort', column: 0, current: {column: 0, descending: true}});
		expect(view(state).sort).toEqual({column: 0, descending: false});
	});

	it('filters while typing, from the top; Esc in the prompt clears it, Enter keeps it; / starts a new one', () => {
		let state = run({type: 'start', view: topics}, {type: 'move', motion: 'bottom', keys, height: 10}, {type: 'openPrompt', mode: 'filter'}, {type: 'type', text: 'or'});
		expect(view(state)).toMatchObject({filter: 'or', cursorKey: undefined, cursorIndex: 0, offset: 0});
		state = uiReducer(state, {type: 'erase'});
		expect(view(state).filter).toBe('o');
		expect(uiReducer(state, {type: 'cancelPrompt'})).toMatchObject({prompt: {mode: 'none', text: ''}});
		expect(view(uiReducer(state, {type: 'cancelPrompt'})).filter).toBe('');
		state = uiReducer(state, {type: 'submitPrompt'});
		expect(view(state).filter).toBe('o');
		const again = uiReducer(state, {type: 'openPrompt', mode: 'filter'});
		expect(again.prompt).toEqual({mode: 'filter', text: ''});
		expect(view(uiReducer(again, {type: 'type', text: 'x'})).filter).toBe('x');
	});

	it('a command line never touches the filter; erasing works on characters, not UTF-16 units', () => {
		let state = run({type: 'start', view: topics}, {type: 'openPrompt', mode: 'command'}, {type: 'type', text: 'zk😀'});
		expect(view(state).filter).toBe('');
		state = uiReducer(state, {type: 'erase'});
		expect(state.prompt.text).toBe('zk');
		expect(uiReducer(state, {type: 'cancelPrompt'}).prompt.mode).toBe('none');
	});

	it('opens the consume view on top of where it was asked, replacing one already on top', () => {
		const opened = run({type: 'start', view: topics}, {type: 'consume', topic: 'orders'});
		expect(opened.stack).toEqual([topics, {view: 'consume', subject: 'orders'}]);
		expect(uiReducer(opened, {type: 'consume', topic: 'payments'}).stack).toEqual([topics, {view: 'consume', subject: 'payments'}]);
		expect(uiReducer(opened, {type: 'back'}).stack).toEqual([topics]);
		expect(run({type: 'consume', topic: 'orders'}).stack).toEqual([topics, {view: 'consume', subject: 'orders'}]);
	});

	it('carries where the consume view starts; opening it again, even the same way, makes a new place (a new session)', () => {
		const fromEnd = run({type: 'start', view: topics}, {type: 'consume', topic: 'orders'});
		expect(fromEnd.stack.at(-1)).toStrictEqual({view: 'consume', subject: 'orders'});
		const last = uiReducer(fromEnd, {type: 'consume', topic: 'orders', from: 'last:20'});
		expect(last.stack).toStrictEqual([topics, {view: 'consume', subject: 'orders', from: 'last:20'}]);
		const again = uiReducer(last, {type: 'consume', topic: 'orders', from: 'last:20'});
		expect(again.stack).toEqual(last.stack);
		expect(again.stack.at(-1)).not.toBe(last.stack.at(-1));
		// The filter belongs to the topic's view, whatever the start: it survives opening it anew.
		const filtered = run({type: 'start', view: topics}, {type: 'consume', topic: 'orders'}, {type: 'openPrompt', mode: 'filter'}, {type: 'type', text: 'err'}, {type: 'submitPrompt'});
		expect(view(uiReducer(filtered, {type: 'consume', topic: 'orders', from: 'beginning'})).filter).toBe('err');
		// Other refs keep their identity through unrelated actions: the view's session is not reopened by them.
		expect(uiReducer(last, {type: 'message', text: 'hi'}).stack.at(-1)).toBe(last.stack.at(-1));
	});

	it('help toggles; navigation clears the last message', () => {
		const state = run({type: 'toggleHelp'}, {type: 'message', text: 'unknown command'});
		expect(state).toMatchObject({helpOpen: true, message: 'unknown command'});
		expect(uiReducer(state, {type: 'toggleHelp'}).helpOpen).toBe(false);
		expect(uiReducer(state, {type: 'navigate', to: topics}).message).toBeUndefined();
	});

	it('help pages stay within the pages there are, and help opens on the first', () => {
		const open = run({type: 'toggleHelp'});
		expect(uiReducer(open, {type: 'helpPage', step: -1, pages: 3}).helpPage).toBe(0);
		const last = run({type: 'toggleHelp'}, ...Array.from({length: 5}, () => ({type: 'helpPage', step: 1, pages: 3} as const)));
		expect(last.helpPage).toBe(2);
		expect(run({type: 'toggleHelp'}, {type: 'helpPage', step: 1, pages: 3}, {type: 'closeHelp'}, {type: 'toggleHelp'}).helpPage).toBe(0);
	});

	it('holds the open action\'s dialog: opening clears the message, its actions go to it, and closing leaves the view as it was', () => {
		const dialog = openDialog('deleteTopic', {topic: 'orders'}, scriptedSpec({id: 'deleteTopic'}).spec, undefined);
		const state = run({type: 'start', view: topics}, {type: 'message', text: 'refreshing…'}, {type: 'openDialog', dialog});
		expect(state).toMatchObject({dialog: {id: 'deleteTopic', subject: {topic: 'orders'}, phase: 'form'}, message: undefined});
		const closed = uiReducer(state, {type: 'dialog', action: {type: 'back'}});
		expect(closed.dialog).toBeUndefined();
		expect(closed.stack).toEqual([topics]);
		// An answer for a dialog that is gone changes nothing.
		expect(uiReducer(closed, {type: 'dialog', action: {type: 'info', ticket: 1, result: {lines: []}}})).toBe(closed);
	});
});
