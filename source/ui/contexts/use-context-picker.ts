import {type Dispatch, useCallback, useRef, useState} from 'react';
import type {ContextSummary} from '../../config/context-summary.js';
import {sanitize} from '../../text/sanitize.js';
import {priority, useKeypress} from '../input/keypress-context.js';
import type {UiAction} from '../ui-state.js';
import type {ContextsControl} from './contexts-control.js';

export type ContextPicker = {
	/** The list shown, and the row under the cursor; undefined while closed. */
	shown: {contexts: readonly ContextSummary[]; file: string | undefined; cursor: number} | undefined;
	/** `:ctx`: lists the contexts (or says why it cannot); `:ctx <name>`: switches straight to it. */
	open(name?: string): void;
	/** The names to complete `:ctx <Tab>` with. */
	names(): string[];
};

/**
The `:ctx` picker (k9s' context view, as a small overlay over the body): ↑↓ move, Enter switches
to the context under the cursor, Esc closes. It sits above the prompt and the view on the one
keypress dispatcher and takes every key while open but quit.
*/
export function useContextPicker(options: {contexts: ContextsControl | undefined; active: string | undefined; dispatch: Dispatch<UiAction>}): ContextPicker {
	const {contexts, active, dispatch} = options;
	const [shown, setShown] = useState<ContextPicker['shown']>();
	// Keys of one chunk (":ctx⏎↓⏎") must see the picker the previous key opened, before React renders.
	const latest = useRef(shown);
	const update = useCallback((next: ContextPicker['shown']) => {
		latest.current = next;
		setShown(next);
	}, []);

	const switchTo = useCallback((name: string) => {
		if (!contexts) return;
		const refusal = contexts.switchTo(name);
		// On success this App is replaced by the new cluster's; on failure it stays, saying why.
		if (refusal !== undefined) dispatch({type: 'message', text: `cannot switch to context ${sanitize(name)}: ${sanitize(refusal)}`});
	}, [contexts, dispatch]);

	const open = useCallback((name?: string) => {
		if (!contexts) {
			dispatch({type: 'message', text: 'no contexts: ktop was not started with a config file'});
			return;
		}

		if (name !== undefined) {
			switchTo(name);
			return;
		}

		const listing = contexts.list();
		if ('error' in listing) dispatch({type: 'message', text: sanitize(listing.error)});
		else if (listing.contexts.length === 0) dispatch({type: 'message', text: listing.file === undefined ? 'no config file with contexts (KTOP_CONFIG, ~/.config/ktop/config.yaml)' : `no contexts in ${sanitize(listing.file)}`});
		else {
			const here = listing.contexts.findIndex(context => context.name === active);
			update({contexts: listing.contexts, file: listing.file, cursor: Math.max(0, here)});
		}
	}, [contexts, active, dispatch, switchTo, update]);

	useKeypress(press => {
		const current = latest.current;
		if (!current) return false;
		const {commands} = press;
		if (commands.has('quit')) return false;
		const last = current.contexts.length - 1;
		const move = (cursor: number) => update({...current, cursor: Math.max(0, Math.min(last, cursor))});
		if (commands.has('back')) update(undefined);
		else if (commands.has('up')) move(current.cursor - 1);
		else if (commands.has('down')) move(current.cursor + 1);
		else if (commands.has('top') || commands.has('pageUp')) move(0);
		else if (commands.has('bottom') || commands.has('pageDown')) move(last);
		else if (commands.has('open')) {
			const chosen = current.contexts[current.cursor];
			update(undefined);
			if (chosen) switchTo(chosen.name);
		}

		return true;
	}, priority.picker, () => latest.current !== undefined);

	const names = useCallback(() => {
		if (!contexts) return [];
		const listing = contexts.list();
		return 'error' in listing ? [] : listing.contexts.map(context => context.name);
	}, [contexts]);

	return {shown, open, names};
}
