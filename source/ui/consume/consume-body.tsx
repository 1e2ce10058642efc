import {Box, Text} from 'ink';
import React from 'react';
import {SpansLine} from '../components/spans-line.js';
import {Table} from '../components/table.js';
import {useToneStyle} from '../components/tone.js';
import type {ConsumeView} from './use-consume.js';

const unchanged = () => undefined;

/**
The consume view below the breadcrumbs: its status line, then the records (the shell's table:
one pre-formatted line per visible row) or the open record's detail.
*/
export function ConsumeBody({view}: {view: ConsumeView}) {
	const toneStyle = useToneStyle();
	return (
		<Box flexDirection="column">
			<SpansLine spans={view.status} />
			{view.detail
				? view.detail.map((line, index) => (
					<Text key={index} wrap="truncate" bold={line.title} {...toneStyle(line.tone)}>{line.text === '' ? ' ' : line.text}</Text>
				))
				: <Table columns={view.columns} widths={view.widths} rows={view.visible} cursor={view.cursor} sort={undefined} changed={unchanged} empty={view.empty} />}
		</Box>
	);
}
