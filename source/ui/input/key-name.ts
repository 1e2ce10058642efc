import type {Key} from 'ink';
import type {KeyName} from '../keymap.js';

/** A keypress as the dispatcher sees it: named as the keymap writes keys, with the text it types. */
export type NamedKey = {
	name: KeyName;
	/** The text a prompt would insert: empty for keys that are not text (Enter, Esc, Ctrl-…). */
	input: string;
	ctrl: boolean;
};

/**
Names one Ink keypress the way the keymap writes keys: 'j', 'G', 'ctrl+c', 'up', 'shift+tab'.

Ink hands over a chunk of plain text as one "key" (a paste, or keys typed faster than they are
read, as over SSH or tmux send-keys): ':zk\r' arrives whole. Such a chunk is split into one key
per character, so it does exactly what typing it would.
*/
export function namedKeys(input: string, key: Key): NamedKey[] {
	const special = specialName(key);
	if (special) return [{name: special, input: '', ctrl: key.ctrl}];
	if (key.ctrl && input.length === 1) return [{name: `ctrl+${input.toLowerCase()}`, input: '', ctrl: true}];
	return [...input].map(character => characterKey(character));
}

function specialName(key: Key): KeyName | undefined {
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.leftArrow) return 'left';
	if (key.rightArrow) return 'right';
	if (key.pageUp) return 'pageup';
	if (key.pageDown) return 'pagedown';
	if (key.home) return 'home';
	if (key.end) return 'end';
	if (key.return) return 'return';
	if (key.escape) return 'escape';
	if (key.tab) return key.shift ? 'shift+tab' : 'tab';
	// Most terminals send DEL (0x7f) for the Backspace key, which Ink reports as `delete`;
	// a real Delete key (ESC [3~) also lands here. In a one-line prompt both mean "erase".
	if (key.backspace || key.delete) return 'backspace';
	return undefined;
}

/** One character of a chunk, named as Ink would have named it alone. */
function characterKey(character: string): NamedKey {
	switch (character) {
		case '\r':
		case '\n': return {name: 'return', input: '', ctrl: false};
		case '\t': return {name: 'tab', input: '', ctrl: false};
		case '\u007F':
		case '\b': return {name: 'backspace', input: '', ctrl: false};
		case '\u001B': return {name: 'escape', input: '', ctrl: false};
		default: break;
	}

	const code = character.codePointAt(0)!;
	// Ctrl-A … Ctrl-Z are the codes 1 to 26.
	if (code >= 1 && code <= 26) return {name: `ctrl+${String.fromCodePoint(code + 96)}`, input: '', ctrl: true};
	if (code < 32) return {name: `ctrl+${code}`, input: '', ctrl: true};
	return {name: character, input: character, ctrl: false};
}
