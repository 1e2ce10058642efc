import {Text} from 'ink';
import React from 'react';
import {type HintLayer, hintText} from '../help-text.js';
import type {Keymap} from '../keymap.js';

/** The bottom line: the keys that matter now, generated from the keymap. */
export function HintLine({keymap, layer}: {keymap: Keymap; layer: HintLayer}) {
	return <Text dimColor wrap="truncate">{hintText(keymap, layer)}</Text>;
}
