import {Text} from 'ink';
import React from 'react';
import {type HintLayer, type HintPlace, hintText} from '../help-text.js';
import type {Keymap} from '../keymap.js';

/** The bottom line: the keys that matter now, generated from the keymap (or given, by a layer that words its own). */
export function HintLine({keymap, layer, place, text}: {keymap: Keymap; layer: HintLayer; place?: HintPlace; text?: string | undefined}) {
	return <Text dimColor wrap="truncate">{text ?? hintText(keymap, layer, place)}</Text>;
}
