import type {Dispatch} from 'react';
import type {ConsumeSession} from '../../model/consume-types.js';
import {type Keypress, priority, useKeypress} from '../input/keypress-context.js';
import type {Keymap} from '../keymap.js';
import type {Motion, UiAction} from '../ui-state.js';
import type {ConsumeViewAction, RecordPage} from './consume-state.js';

export type ConsumeKeysOptions = {
	keymap: Keymap;
	/** The consume view is showing, with no help or prompt over it (read at keypress time). */
	active: () => boolean;
	session: ConsumeSession | undefined;
	/** The records and page height last rendered: moves act on what the operator saw. */
	rendered: () => RecordPage & {detailLines: number; detailHeight: number; detailOpen: boolean};
	dispatch: Dispatch<ConsumeViewAction>;
	/** The shell's reducer: Esc clears the filter, then goes back (closing the view and its session). */
	shellDispatch: Dispatch<UiAction>;
	/** Re-render now: pausing changes the session, not React state. */
	redraw: () => void;
	/** `b`: the view opened anew on its topic, reading from the beginning. */
	rewind: () => void;
};

const motions: readonly Motion[] = ['up', 'down', 'pageUp', 'pageDown', 'top', 'bottom'];

/**
The consume view's keys, above the table's layer: pause, follow, rewind, and the table's moves, Enter
and Esc with their meaning on records (and on the open detail, which scrolls). Global commands
(quit, help, :, /, Tab) pass through; any other key is swallowed so it never reaches a pane
hidden beneath.
*/
export function useConsumeKeys(options: ConsumeKeysOptions): void {
	useKeypress(press => consumeKey(press, options), priority.consume, options.active);
}

function consumeKey({name, commands}: Keypress, options: ConsumeKeysOptions): boolean {
	const {session, dispatch} = options;
	const page = options.rendered();
	if (commands.has('pause')) {
		if (session?.getStats().paused) session.resume();
		else if (session) {
			session.pause();
			dispatch({type: 'paused', receivedWhilePaused: session.getStats().receivedWhilePaused});
		}

		options.redraw();
		return true;
	}

	if (commands.has('rewind')) {
		options.rewind();
		return true;
	}

	if (commands.has('follow')) {
		dispatch({type: 'toggleFollow', records: page.records, height: page.height});
		return true;
	}

	if (commands.has('back')) {
		if (page.detailOpen) dispatch({type: 'closeDetail'});
		else options.shellDispatch({type: 'back'});
		return true;
	}

	if (commands.has('open')) {
		if (!page.detailOpen) dispatch({type: 'openDetail', records: page.records, height: page.height});
		return true;
	}

	const motion = motions.find(candidate => commands.has(candidate));
	if (motion) {
		if (page.detailOpen) dispatch({type: 'scrollDetail', motion, lines: page.detailLines, height: page.detailHeight});
		else dispatch({type: 'move', motion, records: page.records, height: page.height});
		return true;
	}

	// Global keys go on to the global layer; the rest (sort letters, c) mean nothing on a stream.
	return !options.keymap.isBound(name, ['global']);
}
