import {Box, Text} from 'ink';
import React, {useMemo} from 'react';
import {helpLines, helpSections} from '../help-text.js';
import type {Keymap} from '../keymap.js';
import type {Column} from '../panes/pane.js';

/** Every bound key and what it does, generated from the keymap, laid out to fit `height` lines. */
export function Help({keymap, columns, width, height}: {keymap: Keymap; columns: readonly Column[]; width: number; height: number}) {
	const lines = useMemo(() => helpLines(helpSections(keymap, columns), width, height), [keymap, columns, width, height]);
	return (
		<Box flexDirection="column">
			{lines.map((line, index) => <Text key={index} wrap="truncate">{line}</Text>)}
		</Box>
	);
}
