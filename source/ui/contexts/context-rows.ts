import type {ContextSummary} from '../../config/context-summary.js';
import {sanitize} from '../../text/sanitize.js';
import {textWidth} from '../../text/text-width.js';
import type {Column, Row} from '../panes/pane.js';

/**
The `:ctx` picker's table: where each cluster is and how it is reached, never a secret. Names are
short and what one picks by, so their column fits the longest; the addresses share the rest.
*/
export function contextColumns(contexts: readonly ContextSummary[]): Column[] {
	const name = Math.min(30, Math.max(4, ...contexts.map(context => textWidth(sanitize(context.name)))));
	return [
		{title: ' ', width: 1},
		{title: 'NAME', width: name},
		{title: 'ZOOKEEPER', width: 'flex', minWidth: 12},
		{title: 'BOOTSTRAP', width: 'flex', minWidth: 12},
		{title: 'PROTOCOL', width: 14},
		{title: 'READ-ONLY', width: 9},
	];
}

/** `*` marks the context the live view is on (`active`), else the file's current-context. */
export function contextRows(contexts: readonly ContextSummary[], active: string | undefined): Row[] {
	const marked = active ?? contexts.find(context => context.current)?.name;
	return contexts.map(context => ({
		key: context.name,
		...(context.name === marked ? {tone: 'accent' as const} : {}),
		cells: [
			{text: context.name === marked ? '*' : ''},
			{text: sanitize(context.name)},
			{text: sanitize(context.zookeeper ?? '-')},
			{text: sanitize(context.bootstrap ?? '-')},
			{text: sanitize(context.protocol)},
			{text: context.readOnly ? 'yes' : 'no', ...(context.readOnly ? {tone: 'warn' as const} : {})},
		],
	}));
}
