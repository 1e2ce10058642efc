import type {ConsumeStats, StartPosition} from '../../model/consume-types.js';
import {sanitize} from '../../text/sanitize.js';
import {dateTimeMillis} from '../format/clock.js';
import {thousands, unknown} from '../format/number.js';
import type {Span} from '../header-lines.js';

const separator: Span = {text: ' │ ', tone: 'dim'};

export type StatusInput = {
	stats: ConsumeStats;
	start: StartPosition;
	follow: boolean;
	/** Records received since this pause began. */
	newWhilePaused: number;
};

/**
The consume view's status line (the topic is on the breadcrumb line above it): paused or
following, rate, counts, where reading started, the stream's error, then each partition's
position against its high watermark. Ordered so what matters survives a cut at 80 columns;
states are words, not colours.
*/
export function statusLine({stats, start, follow, newWhilePaused}: StatusInput): Span[] {
	const spans: Span[] = [
		stats.paused
			? {text: `PAUSED (+${thousands(newWhilePaused)} new)`, tone: 'warn'}
			: follow ? {text: 'FOLLOW', tone: 'accent'} : {text: 'follow off', tone: 'dim'},
		separator,
		{text: `${thousands(Math.round(stats.ratePerSecond))}/s`},
		separator,
		{text: `${thousands(stats.received)} received`},
		separator,
		{text: `held ${thousands(stats.held)}/${thousands(stats.capacity)}`},
		separator,
		{text: startText(start)},
	];
	if (stats.error !== undefined) spans.push(separator, {text: `error: ${sanitize(stats.error)}`, tone: 'bad'});
	if (stats.partitions.length > 0) spans.push(separator, {text: progressText(stats.partitions)});
	return spans;
}

/**
Why reading did not start where asked (an offset past the end, records deleted by retention),
for the message line: the first partition's, and how many more there are.
*/
export function noticeText(partitions: ConsumeStats['partitions']): string | undefined {
	const noticed = partitions.filter(partition => partition.notice !== undefined);
	if (noticed.length === 0) return undefined;
	const [first] = noticed;
	return sanitize(`p${first!.partition}: ${first!.notice}${noticed.length > 1 ? ` (and ${noticed.length - 1} more partition${noticed.length > 2 ? 's' : ''})` : ''}`);
}

/** "p0 120/120 p1 98/130": next offset to read over the log end, per partition. */
export function progressText(partitions: ConsumeStats['partitions']): string {
	return partitions
		.map(partition => `p${partition.partition} ${sanitize(partition.position)}/${partition.highWatermark === undefined ? unknown : sanitize(partition.highWatermark)}`)
		.join(' ');
}

export function startText(start: StartPosition): string {
	switch (start.kind) {
		case 'end': return 'from end';
		case 'beginning': return 'from beginning';
		case 'offset': return `from offset ${sanitize(start.offset)}`;
		case 'timestamp': return `from ${dateTimeMillis(start.at)}`;
		case 'last': return `last ${thousands(start.count)} each`;
	}
}
