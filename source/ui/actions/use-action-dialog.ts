import {type Dispatch, useCallback, useMemo, useRef} from 'react';
import type {ActionFactory, Outcome, Preview} from '../../model/actions/types.js';
import {sanitize} from '../../text/sanitize.js';
import {type ActionCommand, type Keymap, keyLabel} from '../keymap.js';
import type {Row, ViewRef} from '../panes/pane.js';
import type {UiAction, UiState} from '../ui-state.js';
import {openDialog} from './action-dialog-state.js';
import {actionRequest} from './action-requests.js';
import {dialogHint, dialogKeyLabels} from './dialog-hint.js';
import {type DialogLine, dialogLayout} from './dialog-lines.js';
import {messageOf, useActionDialogKeys} from './use-action-dialog-keys.js';

export type ActionDialogInput = {
	/** Where actions come from (run-tui wires the writer in); without it, action keys say they are not available. */
	actions: ActionFactory | undefined;
	/** Told of every apply's outcome (run-tui records it on the timeline and in the log). */
	onActionDone?: ((preview: Preview, outcome: Outcome) => void) | undefined;
	keymap: Keymap;
	/** The state rendered now, and the latest (for keys). */
	state: UiState;
	latest: () => UiState;
	dispatch: Dispatch<UiAction>;
	refreshNow: () => void;
	width: number;
	/** Lines the dialog has: the body below the breadcrumbs. */
	height: number;
};

export type ActionDialogView = {title: string; lines: readonly DialogLine[]; hint: string};

export type ActionDialog = {
	/** An action key on a row: asks the factory for the action and opens its dialog, or says why not. */
	open(command: ActionCommand, ref: ViewRef, row: Row | undefined): void;
	/** What to show while a dialog is open. */
	view: ActionDialogView | undefined;
};

/**
The action dialog's wiring: opening one (the factory, then the info block read in the
background), its keys, and its layout for the current size. Every async result is tagged with a
ticket from one counter, so the reducer can tell a current result from a stale one.
*/
export function useActionDialog({actions, onActionDone, keymap, state, latest, dispatch, refreshNow, width, height}: ActionDialogInput): ActionDialog {
	const tickets = useRef(0);
	const nextTicket = useCallback(() => ++tickets.current, []);
	const rendered = useRef({scrollMax: 0, page: 1});
	useActionDialogKeys({latest, dispatch, nextTicket, rendered: useCallback(() => rendered.current, []), refreshNow, onActionDone});

	const open = useCallback((command: ActionCommand, ref: ViewRef, row: Row | undefined) => {
		const say = (text: string) => dispatch({type: 'message', text});
		if (!actions) {
			say('actions are not available here');
			return;
		}

		const request = actionRequest(command, ref, row, keymap);
		if ('message' in request) {
			say(sanitize(request.message));
			return;
		}

		let spec: ReturnType<ActionFactory>;
		try {
			spec = actions(request.id, request.subject);
		} catch (error) {
			say(sanitize(`cannot open ${request.id}: ${messageOf(error)}`));
			return;
		}

		if ('unavailable' in spec) {
			const key = keymap.bindings.find(binding => binding.command === command)?.keys[0];
			say(sanitize(`${key === undefined ? command : keyLabel(key)}: ${spec.unavailable}`));
			return;
		}

		const ticket = spec.info ? nextTicket() : undefined;
		dispatch({type: 'openDialog', dialog: openDialog(request.id, request.subject, spec, ticket)});
		if (spec.info && ticket !== undefined) {
			const {info} = spec;
			Promise.resolve()
				.then(() => info())
				.then(block => ({lines: block.lines}), error => ({error: messageOf(error)}))
				.then(result => dispatch({type: 'dialog', action: {type: 'info', ticket, result}}));
		}
	}, [actions, keymap, dispatch, nextTicket]);

	const {dialog} = state;
	const labels = useMemo(() => dialogKeyLabels(keymap), [keymap]);
	const layout = useMemo(() => (dialog ? dialogLayout(dialog, width, height, labels) : undefined), [dialog, width, height, labels]);
	rendered.current = layout ? {scrollMax: layout.scrollMax, page: layout.page} : {scrollMax: 0, page: 1};
	const view = dialog && layout
		? {title: dialog.phase === 'form' || dialog.phase === 'planning' ? dialog.spec.title : dialog.preview.title, lines: layout.lines, hint: dialogHint(keymap, dialog, layout.scrollMax > 0)}
		: undefined;
	return {open, view};
}
