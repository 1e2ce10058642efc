import type {GroupPartitionLag, GroupSummary} from '../../model/types.js';
import {sanitize} from '../../text/sanitize.js';
import {age} from '../format/duration.js';
import {notApplicable, thousands, unknown} from '../format/number.js';
import type {Cell} from './pane.js';

/**
A group's total lag: the known partitions' sum, and how many are unknown ("1,234 (+2 ?)"), as
kafka-consumer-groups shows `-` where nothing is committed. A group whose every partition is
unknown shows `-`, never 0.
*/
export function groupLagCell(group: GroupSummary): Cell {
	const unknownCount = group.unknownLagPartitions ?? 0;
	if (unknownCount === 0) return {text: thousands(group.lag), sort: group.lag};
	const known = group.partitions.length - unknownCount;
	if (known === 0) return {text: `${notApplicable} (${unknownCount} ${unknown})`, sort: -1, tone: 'dim'};
	return {text: `${thousands(group.lag)} (+${unknownCount} ${unknown})`, sort: group.lag};
}

/** "lag 1,234 (+2 unknown)" for a summary line. */
export function groupLagText(group: GroupSummary): string {
	const unknownCount = group.unknownLagPartitions ?? 0;
	return `lag ${thousands(group.lag)}${unknownCount > 0 ? ` (+${unknownCount} unknown)` : ''}`;
}

/**
Time lag, the age of the first record not consumed: `-` where lag itself is unknown, `?` where
the group lags but the record's time could not be read (the reason is in the group view's summary).
*/
export function timeLagCell(lag: number | undefined, timeLagMs: number | undefined): Cell {
	if (timeLagMs !== undefined) return {text: age(timeLagMs), sort: timeLagMs};
	if (lag === undefined) return {text: notApplicable, sort: -2, tone: 'dim'};
	return {text: unknown, sort: -1, tone: 'dim'};
}

/** The group's own time lag: known, or unknown while it lags, or `-` when it has no lag to age. */
export function groupTimeLagCell(group: GroupSummary): Cell {
	return timeLagCell(group.lag > 0 ? group.lag : undefined, group.timeLagMs);
}

/** "coordinator 127.0.0.1:9393 (broker 2)", or unknown when no broker named the group. */
export function coordinatorText(group: GroupSummary): string {
	const {coordinator} = group;
	if (!coordinator) return `coordinator ${unknown}`;
	const address = coordinator.host === undefined ? unknown : sanitize(`${coordinator.host}:${coordinator.port ?? unknown}`);
	return `coordinator ${address} (broker ${coordinator.id})`;
}

/** Why time lag is unknown where the group lags, once per reason: "time lag unknown on orders-2: …". */
export function timeLagUnknownText(partitions: readonly GroupPartitionLag[]): string | undefined {
	const unknownOn = partitions.filter(partition => partition.timeLagUnknown !== undefined);
	if (unknownOn.length === 0) return undefined;
	const first = unknownOn[0]!;
	const more = unknownOn.length > 1 ? ` and ${unknownOn.length - 1} more` : '';
	return `time lag unknown on ${sanitize(`${first.topic}-${first.partition}`)}${more}: ${sanitize(first.timeLagUnknown!)}`;
}
