import type {Dispatch} from 'react';
import type {Outcome, PlanResult, Preview} from '../../model/actions/types.js';
import {sanitize} from '../../text/sanitize.js';
import {type Keypress, priority, useKeypress} from '../input/keypress-context.js';
import type {UiAction, UiState} from '../ui-state.js';
import type {DialogAction, DialogState} from './action-dialog-state.js';

export type DialogKeysOptions = {
	/** The shell's state with every action so far applied (keys of one chunk see each other's effects). */
	latest: () => UiState;
	dispatch: Dispatch<UiAction>;
	/** A number no earlier plan, apply or info read was started with. */
	nextTicket: () => number;
	/** The scroll window last rendered: how far it can go, and a page. */
	rendered: () => {scrollMax: number; page: number};
	/** After an outcome is closed: something may have changed, so the panes should show it now. */
	refreshNow: () => void;
	/** Once per apply, when its outcome is in: the write happened (or was tried) whatever the dialog shows by then. */
	onActionDone?: ((preview: Preview, outcome: Outcome) => void) | undefined;
};

/**
The dialog's input, above every other layer: it takes every key, so letters (q included) are
typed into the field and no key reaches the view beneath; only Ctrl-C goes on, to quit. Enter
and Esc go through the reducer first; plan and apply start only if the state it returns says
so, with the ticket their results must carry back.
*/
export function useActionDialogKeys(options: DialogKeysOptions): void {
	useKeypress(press => dialogKey(press, options), priority.dialog, () => options.latest().dialog !== undefined);
}

function dialogKey(press: Keypress, options: DialogKeysOptions): boolean {
	const {commands} = press;
	if (press.ctrl && commands.has('quit')) return false;
	const state = options.latest().dialog;
	if (!state) return false;
	const send = (action: DialogAction) => options.dispatch({type: 'dialog', action});
	const {scrollMax, page} = options.rendered();
	if (commands.has('formBack')) {
		send({type: 'back'});
		if (state.phase === 'outcome') options.refreshNow();
	} else if (commands.has('formEnter')) {
		const ticket = options.nextTicket();
		send({type: 'enter', ticket});
		const next = options.latest().dialog;
		if (!next && state.phase === 'outcome') options.refreshNow();
		else if (next?.phase === 'planning' && next.ticket === ticket) plan(next, ticket, send);
		else if (next?.phase === 'applying' && next.ticket === ticket) apply(next, ticket, send, options);
	} else if (commands.has('fieldNext') || commands.has('fieldPrev')) {
		const step = commands.has('fieldNext') ? 1 : -1;
		// In the form they move between fields; after it, there is only the preview or outcome to scroll.
		send(state.phase === 'form' ? {type: 'focus', step} : {type: 'scroll', by: step, max: scrollMax});
	} else if (commands.has('formPage')) {
		send({type: 'scroll', by: press.name === 'pageup' ? -page : page, max: scrollMax});
	} else if (commands.has('choose')) {
		send({type: 'choose', step: press.name === 'left' ? -1 : 1});
	} else if (commands.has('formErase')) {
		send({type: 'erase'});
	} else if (!press.ctrl && press.input !== '') {
		send({type: 'type', text: press.input});
	}

	return true;
}

function plan(state: DialogState, ticket: number, send: (action: DialogAction) => void): void {
	// plan() promises never to throw; a broken one still must not leave the form stuck on "checking…".
	const failed = (error: unknown): PlanResult => ({ok: false, errors: [`could not check: ${messageOf(error)}`]});
	Promise.resolve()
		.then(() => state.spec.plan(state.values))
		.catch(failed)
		.then(result => send({type: 'planned', ticket, result}));
}

function apply(state: DialogState & {phase: 'applying'}, ticket: number, send: (action: DialogAction) => void, options: DialogKeysOptions): void {
	const {preview} = state;
	Promise.resolve()
		.then(() => preview.apply())
		.catch((error: unknown): Outcome => ({status: 'failed', lines: [`the write may or may not have happened: ${messageOf(error)}`]}))
		.then(outcome => {
			send({type: 'applied', ticket, outcome});
			try {
				options.onActionDone?.(preview, outcome);
			} catch (error) {
				// The outcome is already on screen; only the trace of it is missing, so say that much.
				options.dispatch({type: 'message', text: sanitize(`not recorded on the timeline: ${messageOf(error)}`)});
			}
		});
}

export function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
