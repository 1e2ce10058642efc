import {Text} from 'ink';
import React from 'react';
import {sanitize} from '../../text/sanitize.js';
import {useToneStyle} from './tone.js';

/**
The `:` command or `/` filter line being typed, with a block cursor (inverse, so it shows
without colour) and the prompt's keys after it.
*/
export function Prompt({mode, text, hint}: {mode: 'command' | 'filter'; text: string; hint: string}) {
	const toneStyle = useToneStyle();
	return (
		<Text wrap="truncate">
			<Text bold {...toneStyle('accent')}>{mode === 'command' ? ':' : '/'}</Text>
			{sanitize(text)}
			<Text inverse> </Text>
			<Text dimColor>{`   ${hint}`}</Text>
		</Text>
	);
}
