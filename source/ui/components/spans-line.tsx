import {Text} from 'ink';
import React from 'react';
import type {Span} from '../header-lines.js';
import {useToneStyle} from './tone.js';

/** One terminal line of styled runs; cut at the edge, never wrapped. */
export function SpansLine({spans}: {spans: readonly Span[]}) {
	const toneStyle = useToneStyle();
	return (
		<Text wrap="truncate">
			{spans.map((span, index) => <Text key={index} {...toneStyle(span.tone)}>{span.text}</Text>)}
		</Text>
	);
}
