import {type CommandId, type Keymap, keyLabel} from '../keymap.js';
import type {DialogState} from './action-dialog-state.js';
import type {DialogKeyLabels} from './dialog-lines.js';

/** The keys a command is bound to, as help writes them ("Tab/↓"); `only` keeps some of them. */
function keysOf(keymap: Keymap, command: CommandId, only?: (key: string) => boolean): string {
	const keys = keymap.bindings.find(binding => binding.command === command)?.keys ?? [];
	return keys.filter(key => only?.(key) ?? true).map(keyLabel).join('/');
}

const arrows = (key: string) => key === 'up' || key === 'down';

export function dialogKeyLabels(keymap: Keymap): DialogKeyLabels {
	return {enter: keysOf(keymap, 'formEnter'), back: keysOf(keymap, 'formBack')};
}

/**
The bottom line while a dialog is open, from the keymap, worded for its phase: what Enter and
Esc do now, scrolling only when there is something to scroll, and Ctrl-C, the one key that
still quits (q is text here).
*/
export function dialogHint(keymap: Keymap, state: DialogState, scrollable: boolean): string {
	const part = (keys: string, what: string) => (keys === '' ? [] : [`${keys} ${what}`]);
	const enter = keysOf(keymap, 'formEnter');
	const back = keysOf(keymap, 'formBack');
	const page = keysOf(keymap, 'formPage');
	const quit = part(keysOf(keymap, 'quit', key => key.startsWith('ctrl+')), 'quit');
	// In the form only the info block scrolls, by page: ↑/↓ move between fields there.
	const pageOnly = scrollable ? part(page, 'scroll') : [];
	const scroll = scrollable ? part([[keysOf(keymap, 'fieldPrev', arrows), keysOf(keymap, 'fieldNext', arrows)].filter(Boolean).join('/'), page].filter(Boolean).join(' '), 'scroll') : [];
	let parts: string[];
	switch (state.phase) {
		case 'form': {
			const fields = state.spec.fields;
			const last = state.focus >= fields.length - 1;
			parts = [
				...(fields.length > 1 ? part(keysOf(keymap, 'fieldNext'), 'next') : []),
				...(fields[state.focus]?.choices ? part(keysOf(keymap, 'choose'), 'choose') : []),
				...part(enter, last ? 'preview' : 'next'),
				...part(back, 'cancel'),
				...pageOnly,
			];
			break;
		}

		case 'planning': parts = part(back, 'back to the form'); break;
		case 'preview': parts = [...scroll, ...part(enter, 'apply'), ...part(back, 'back to the form')]; break;
		// The write is on its way: nothing calls it back, so the dialog waits for its outcome.
		case 'applying': parts = ['waiting for the outcome']; break;
		case 'outcome': parts = [...scroll, ...part([enter, back].filter(Boolean).join('/'), 'close')]; break;
	}

	return [...parts, ...quit].join('  ');
}
