import type {GroupSummary, LagStatus} from '../../model/types.js';
import {compareNatural} from '../../model/natural-order.js';
import {plural} from '../../model/phrases.js';
import {sanitize} from '../../text/sanitize.js';
import {countCell} from '../format/cell.js';
import {thousands, unknown} from '../format/number.js';
import {groupLagCell, groupTimeLagCell} from './lag-cells.js';
import {lagStatusCell, lagStatusTone} from './lag-status.js';
import type {Cell, Pane, Row} from './pane.js';

/** Consumer groups with their total lag and status; Enter opens one. */
export const groupsPane: Pane = {
	id: 'groups',
	title: () => 'groups',
	aliases: ['groups', 'g', 'cg'],
	columns: [
		{title: 'GROUP', width: 'flex', minWidth: 16, sortKey: 'N'},
		// "PreparingRebalance" and "CompletingRebalance" keep a readable prefix.
		{title: 'STATE', width: 12, sortKey: 'S'},
		{title: 'MEMBERS', width: 7, align: 'right', sortKey: 'M'},
		// "1,234 (+2 ?)": the known lag and the partitions whose lag is unknown.
		{title: 'LAG', width: 12, align: 'right', sortKey: 'L'},
		{title: 'TIME LAG', width: 8, align: 'right', sortKey: 'A'},
		{title: 'STATUS', width: 7, sortKey: 'U'},
		{title: 'COORD', width: 5, align: 'right', sortKey: 'C'},
		// The last and least needed: at 80 columns it gives way to lag, time lag and the coordinator.
		{title: 'TOPICS', width: 'flex', minWidth: 6, sortKey: 'T'},
	],
	rows({snapshot}) {
		return snapshot.groups.map((group): Row => {
			const row: Row = {
				key: group.groupId,
				cells: [
					{text: sanitize(group.groupId)},
					{text: sanitize(group.state)},
					countCell(group.members),
					groupLagCell(group),
					groupTimeLagCell(group),
					lagStatusCell(group.status),
					group.coordinator ? {text: String(group.coordinator.id), sort: group.coordinator.id} : {text: unknown, sort: -1, tone: 'dim'},
					topicsCell(group),
				],
				open: {view: 'group', subject: group.groupId},
				group: group.groupId,
			};
			const tone = group.error ? 'bad' : rowTone(group.status);
			if (tone) row.tone = tone;
			return row;
		});
	},
	summary({snapshot}) {
		const {groups} = snapshot;
		if (groups.length === 0) return undefined;
		const byStatus = new Map<LagStatus, number>();
		let lag = 0;
		let unknownLag = 0;
		for (const group of groups) {
			byStatus.set(group.status, (byStatus.get(group.status) ?? 0) + 1);
			lag += group.lag;
			unknownLag += group.unknownLagPartitions ?? 0;
		}

		const statuses = (['STOPPED', 'STALLED', 'LAGGING', 'AT_RISK', 'UNKNOWN', 'OK'] as const)
			.filter(status => byStatus.has(status))
			.map(status => `${byStatus.get(status)} ${status}`);
		const unknownText = unknownLag > 0 ? ` (+${plural(unknownLag, 'partition')} unknown: nothing committed)` : '';
		return `${plural(groups.length, 'group')}: ${statuses.join(', ')} · total lag ${thousands(lag)}${unknownText}`;
	},
	empty: 'no consumer groups',
};

/** Only trouble colours a whole row; an OK group stays plain so the bad ones stand out. */
function rowTone(status: LagStatus) {
	return status === 'OK' || status === 'UNKNOWN' ? undefined : lagStatusTone(status);
}

/** The topics it has offsets or assignments for; a read error comes first, since it explains a short list. */
function topicsCell(group: GroupSummary): Cell {
	const topics = new Set(group.partitions.map(partition => partition.topic));
	const list = sanitize([...topics].sort(compareNatural).join(','));
	if (group.error) return {text: `error: ${sanitize(group.error)}${list ? `; ${list}` : ''}`, tone: 'bad'};
	return {text: list};
}
