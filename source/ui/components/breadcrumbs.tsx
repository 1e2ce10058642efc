import React from 'react';
import {sanitize} from '../../text/sanitize.js';
import type {Span} from '../header-lines.js';
import {SpansLine} from './spans-line.js';

export type BreadcrumbsProps = {
	/** Titles from the root view to the current one. */
	trail: readonly string[];
	filter: string;
	filterError: string | undefined;
	/** Rows shown and in all; undefined when there is no table to count (help). */
	shown: number | undefined;
	total: number | undefined;
	message: string | undefined;
};

/** Where you are (topics › partitions of orders), what is filtered, how many rows, and the last message. */
export function Breadcrumbs({trail, filter, filterError, shown, total, message}: BreadcrumbsProps) {
	const spans: Span[] = [];
	for (const [index, title] of trail.entries()) {
		if (index > 0) spans.push({text: ' › ', tone: 'dim'});
		spans.push({text: sanitize(title), tone: index === trail.length - 1 ? 'accent' : undefined});
	}

	if (total !== undefined) spans.push({text: filter === '' || shown === undefined ? ` (${total})` : ` (${shown} of ${total})`, tone: 'dim'});
	if (filter !== '') spans.push({text: `  /${sanitize(filter)}/`, tone: 'accent'});
	if (filterError) spans.push({text: `  invalid regex (${sanitize(filterError)}), matched as text`, tone: 'warn'});
	if (message) spans.push({text: `  ${message}`, tone: 'warn'});
	return <SpansLine spans={spans} />;
}
