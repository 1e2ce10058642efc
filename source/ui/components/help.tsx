import {Box, Text} from 'ink';
import React from 'react';

/** One page of help (help-text.ts lays the keymap out in pages that fit the body). */
export function Help({lines}: {lines: readonly string[]}) {
	return (
		<Box flexDirection="column">
			{lines.map((line, index) => <Text key={index} wrap="truncate">{line === '' ? ' ' : line}</Text>)}
		</Box>
	);
}
