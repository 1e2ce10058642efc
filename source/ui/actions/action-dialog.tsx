import {Box, Text} from 'ink';
import React, {useContext} from 'react';
import {LineWidth} from '../components/line-width.js';
import {useToneStyle} from '../components/tone.js';
import {fitSpans} from '../table/fit-text.js';
import type {DialogLine} from './dialog-lines.js';

/**
An action's form, preview or outcome in place of the view's body (header and breadcrumbs stay):
one Text per line, laid out and sanitized by dialog-lines.ts to fit the body exactly.
*/
export function ActionDialog({lines}: {lines: readonly DialogLine[]}) {
	const toneStyle = useToneStyle();
	const width = useContext(LineWidth);
	return (
		<Box flexDirection="column">
			{lines.map((line, index) => (
				<Text key={index} wrap="truncate">
					{line.every(span => span.text === '') ? ' ' : (width === undefined ? line : fitSpans(line, width)).map((span, at) => (
						<Text key={at} {...toneStyle(span.tone)} {...(span.bold ? {bold: true} : {})} {...(span.inverse ? {inverse: true} : {})}>{span.text}</Text>
					))}
				</Text>
			))}
		</Box>
	);
}
