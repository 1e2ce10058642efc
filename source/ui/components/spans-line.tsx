import {Text} from 'ink';
import React, {useContext} from 'react';
import type {Span} from '../header-lines.js';
import {fitSpans} from '../table/fit-text.js';
import {LineWidth} from './line-width.js';
import {useToneStyle} from './tone.js';

/** One terminal line of styled runs; cut at the frame's edge (see LineWidth), never wrapped. */
export function SpansLine({spans}: {spans: readonly Span[]}) {
	const toneStyle = useToneStyle();
	const width = useContext(LineWidth);
	const fitted = width === undefined ? spans : fitSpans(spans, width);
	return (
		<Text wrap="truncate">
			{fitted.map((span, index) => <Text key={index} {...toneStyle(span.tone)}>{span.text}</Text>)}
		</Text>
	);
}
