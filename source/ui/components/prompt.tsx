import {Text} from 'ink';
import React, {useContext} from 'react';
import {sanitize} from '../../text/sanitize.js';
import type {Tone} from '../panes/pane.js';
import {fitSpans} from '../table/fit-text.js';
import {LineWidth} from './line-width.js';
import {useToneStyle} from './tone.js';

type PromptSpan = {text: string; tone?: Tone; bold?: boolean; inverse?: boolean};

/**
The `:` command or `/` filter line being typed, with a block cursor (inverse, so it shows
without colour) and the prompt's keys after it.
*/
export function Prompt({mode, text, hint}: {mode: 'command' | 'filter'; text: string; hint: string}) {
	const toneStyle = useToneStyle();
	const width = useContext(LineWidth);
	const spans: PromptSpan[] = [
		{text: mode === 'command' ? ':' : '/', tone: 'accent', bold: true},
		{text: sanitize(text)},
		{text: ' ', inverse: true},
		{text: `   ${hint}`, tone: 'dim'},
	];
	return (
		<Text wrap="truncate">
			{(width === undefined ? spans : fitSpans(spans, width)).map((span, index) => (
				<Text key={index} {...toneStyle(span.tone)} {...(span.bold ? {bold: true} : {})} {...(span.inverse ? {inverse: true} : {})}>{span.text}</Text>
			))}
		</Text>
	);
}
