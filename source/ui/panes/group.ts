import {plural, some} from '../../model/phrases.js';
import type {GroupPartitionLag, GroupSummary} from '../../model/types.js';
import {sanitize} from '../../text/sanitize.js';
import {countCell, offsetCell} from '../format/cell.js';
import {notApplicable, thousands} from '../format/number.js';
import {age} from '../format/duration.js';
import {coordinatorText, groupLagText, timeLagCell, timeLagUnknownText} from './lag-cells.js';
import {lagStatusCell, lagStatusTone} from './lag-status.js';
import type {Cell, Pane, PaneContext, Row} from './pane.js';
import {searchText} from './search.js';

/** One consumer group (the subject), partition by partition: where it is, where the log ends, who reads it. */
export const groupPane: Pane = {
	id: 'group',
	title: subject => (subject === undefined ? 'group' : `group ${sanitize(subject)}`),
	aliases: [],
	columns: [
		{title: 'TOPIC', width: 'flex', minWidth: 10, sortKey: 'T'},
		{title: 'PART', width: 5, align: 'right', sortKey: 'P'},
		{title: 'COMMITTED', width: 11, align: 'right', sortKey: 'C'},
		{title: 'END', width: 11, align: 'right', sortKey: 'E'},
		{title: 'LAG', width: 10, align: 'right', sortKey: 'L'},
		{title: 'TIME LAG', width: 8, align: 'right', sortKey: 'A'},
		{title: 'OWNER', width: 'flex', minWidth: 11, sortKey: 'O'},
		{title: 'STATUS', width: 7, sortKey: 'S'},
	],
	rows(context) {
		const group = groupOf(context);
		if (!group) return [];
		const owners = ownerLabels(group);
		return group.partitions.map((partition): Row => {
			const owner = partition.owner === undefined ? undefined : owners.get(partition.owner) ?? sanitize(partition.owner);
			const cells: Cell[] = [
				{text: sanitize(partition.topic)},
				{text: String(partition.partition), sort: partition.partition},
				// No committed offset is not an unknown one: the group never committed here.
				partition.committed === undefined ? {text: notApplicable, sort: -1, tone: 'dim'} : offsetCell(partition.committed),
				offsetCell(partition.highWatermark),
				lagCell(partition),
				timeLagCell(partition.lag, partition.timeLagMs),
				owner === undefined ? {text: notApplicable, tone: 'dim'} : {text: owner},
				lagStatusCell(partition.status),
			];
			// c consumes the row's topic; reset offsets is prefilled with its topic and partition.
			const row: Row = {key: `${partition.topic}\u0000${partition.partition}`, cells, group: group.groupId, topic: partition.topic, partition: partition.partition};
			// The long member id is not shown, but an operator pasting one from a log can find its partitions.
			if (partition.owner !== undefined) row.search = searchText(cells, sanitize(partition.owner));
			if (partition.status !== 'OK' && partition.status !== 'UNKNOWN') row.tone = lagStatusTone(partition.status);
			return row;
		});
	},
	summary(context) {
		if (context.subject === undefined) return undefined;
		const group = groupOf(context);
		if (!group) return `group ${sanitize(context.subject)} is not in the cluster (deleted, expired, or not read)`;
		const owners = ownerLabels(group);
		const members = group.memberDetails.map(member => owners.get(member.memberId)!);
		const parts = [
			`state ${sanitize(group.state)}`,
			`protocol ${group.protocol ? sanitize(group.protocol) : notApplicable} (${group.protocolType ? sanitize(group.protocolType) : notApplicable})`,
			members.length === 0 ? 'no members' : `${plural(members.length, 'member')}: ${some(members)}`,
			coordinatorText(group),
			groupLagText(group),
			...(group.timeLagMs === undefined ? [] : [`time lag ${age(group.timeLagMs)}`]),
			group.status,
			...optional(timeLagUnknownText(group.partitions)),
			...(group.error ? [`error: ${sanitize(group.error)}`] : []),
		];
		return parts.join(' · ');
	},
	empty: 'no committed offsets or assigned partitions',
};

function optional(text: string | undefined): string[] {
	return text === undefined ? [] : [text];
}

function groupOf({snapshot, subject}: PaneContext): GroupSummary | undefined {
	return subject === undefined ? undefined : snapshot.groups.find(group => group.groupId === subject);
}

/** Lag is known only with both a committed offset and the log's end; without a commit it does not apply. */
function lagCell(partition: GroupPartitionLag): Cell {
	if (partition.committed === undefined) return {text: notApplicable, sort: -1, tone: 'dim'};
	return countCell(partition.lag);
}

/**
Member ids are long ("consumer-1-6f1c0b2e-..."), so members are named by client id and host,
as kafka-consumer-groups names them. When several members share both (the same client id on
one host), the tail of each member id tells them apart.
*/
function ownerLabels(group: GroupSummary): Map<string, string> {
	const base = new Map(group.memberDetails.map(member => [member.memberId, `${member.clientId}@${member.host.replace(/^\//, '')}`]));
	const uses = new Map<string, number>();
	for (const label of base.values()) uses.set(label, (uses.get(label) ?? 0) + 1);
	const labels = new Map<string, string>();
	for (const [memberId, label] of base) {
		labels.set(memberId, sanitize((uses.get(label) ?? 0) > 1 ? `${label} ~${memberId.slice(-6)}` : label));
	}

	return labels;
}
