import type {ConsumerGroup, GroupMember} from '../cluster/types.js';
import {compareNatural} from './natural-order.js';
import type {GroupPartitionLag, GroupSummary, TopicSummary} from './types.js';

/**
Consumer groups with lag per partition. Lag is the high watermark minus the committed offset
when both are known; watermarks and offsets are read moments apart, so a committed offset
past the watermark is no lag, not a negative one. `status` is left 'UNKNOWN' here: it needs
the history that lag-status.ts keeps.
*/
export function summarizeGroups(groups: readonly ConsumerGroup[], topics: readonly TopicSummary[]): GroupSummary[] {
	const watermarks = new Map<string, number | undefined>();
	for (const topic of topics) {
		for (const partition of topic.partitions) watermarks.set(key(topic.name, partition.partition), partition.highWatermark);
	}

	return groups.map(group => summarizeGroup(group, watermarks)).sort((a, b) => compareNatural(a.groupId, b.groupId));
}

function summarizeGroup(group: ConsumerGroup, watermarks: ReadonlyMap<string, number | undefined>): GroupSummary {
	const owners = new Map<string, string>();
	for (const member of group.members) {
		for (const assignment of member.assignments) {
			for (const partition of assignment.partitions) owners.set(key(assignment.topic, partition), member.memberId);
		}
	}

	const partitions = new Map<string, GroupPartitionLag>();
	const add = (topic: string, partition: number, committed: number | undefined) => {
		const highWatermark = watermarks.get(key(topic, partition));
		partitions.set(key(topic, partition), {
			topic,
			partition,
			committed,
			highWatermark,
			lag: committed !== undefined && highWatermark !== undefined ? Math.max(0, highWatermark - committed) : undefined,
			owner: owners.get(key(topic, partition)),
			status: 'UNKNOWN',
		});
	};

	for (const offset of group.offsets) add(offset.topic, offset.partition, offset.committed >= 0 ? offset.committed : undefined);
	// Assigned but never committed: shown, so an operator sees who owns it, without a lag.
	for (const member of group.members) {
		for (const assignment of member.assignments) {
			for (const partition of assignment.partitions) {
				if (!partitions.has(key(assignment.topic, partition))) add(assignment.topic, partition, undefined);
			}
		}
	}

	const sorted = [...partitions.values()].sort((a, b) => compareNatural(a.topic, b.topic) || a.partition - b.partition);
	let lag = 0;
	for (const partition of sorted) lag += partition.lag ?? 0;
	return {
		groupId: group.groupId,
		state: group.state,
		protocolType: group.protocolType,
		protocol: group.protocol,
		members: group.members.length,
		memberDetails: group.members.map(member => copyMember(member)).sort((a, b) => compareNatural(a.memberId, b.memberId)),
		lag,
		status: 'UNKNOWN',
		partitions: sorted,
		error: group.error,
	};
}

function copyMember(member: GroupMember): GroupSummary['memberDetails'][number] {
	return {
		memberId: member.memberId,
		clientId: member.clientId,
		host: member.host,
		assignments: member.assignments
			.map(assignment => ({topic: assignment.topic, partitions: [...assignment.partitions].sort((a, b) => a - b)}))
			.sort((a, b) => compareNatural(a.topic, b.topic)),
	};
}

function key(topic: string, partition: number): string {
	return `${topic}\u0000${partition}`;
}
