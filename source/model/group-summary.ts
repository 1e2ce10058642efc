import type {ConsumerGroup, GroupMember, MetadataBroker, NextRecordTime} from '../cluster/types.js';
import {compareNatural} from './natural-order.js';
import type {GroupPartitionLag, GroupSummary, TopicSummary} from './types.js';

/**
Consumer groups with lag per partition. Lag is the high watermark minus the committed offset
when both are known; watermarks and offsets are read moments apart, so a committed offset
past the watermark is no lag, not a negative one. A partition assigned to a member without a
committed offset has unknown lag, as kafka-consumer-groups shows `-`: it is counted in
`unknownLagPartitions`, never as 0. Time lag is the age, at `takenAt`, of the first record not
consumed (read by the cluster layer where the group lags). `status` is left 'UNKNOWN' here: it
needs the history that lag-status.ts keeps.
*/
export function summarizeGroups(
	groups: readonly ConsumerGroup[],
	topics: readonly TopicSummary[],
	context: {brokers?: readonly MetadataBroker[]; takenAt?: number} = {},
): GroupSummary[] {
	const brokers = new Map((context.brokers ?? []).map(broker => [broker.id, broker]));
	const watermarks = new Map<string, {low: number | undefined; high: number | undefined}>();
	for (const topic of topics) {
		for (const partition of topic.partitions) watermarks.set(key(topic.name, partition.partition), {low: partition.lowWatermark, high: partition.highWatermark});
	}

	return groups.map(group => {
		const summary = summarizeGroup(group, watermarks, context.takenAt);
		if (group.coordinator !== undefined) {
			const broker = brokers.get(group.coordinator);
			summary.coordinator = {id: group.coordinator, host: broker?.host, port: broker?.port};
		}

		return summary;
	}).sort((a, b) => compareNatural(a.groupId, b.groupId));
}

function summarizeGroup(group: ConsumerGroup, watermarks: ReadonlyMap<string, {low: number | undefined; high: number | undefined}>, takenAt: number | undefined): GroupSummary {
	const owners = new Map<string, string>();
	for (const member of group.members) {
		for (const assignment of member.assignments) {
			for (const partition of assignment.partitions) owners.set(key(assignment.topic, partition), member.memberId);
		}
	}

	const partitions = new Map<string, GroupPartitionLag>();
	const add = (topic: string, partition: number, committed: number | undefined, next: NextRecordTime | undefined = undefined) => {
		const {low, high: highWatermark} = watermarks.get(key(topic, partition)) ?? {low: undefined, high: undefined};
		// A remembered timestamp outlives its record: below the log start, the record is gone.
		if (committed !== undefined && low !== undefined && committed < low && next) next = {unknown: `the record at offset ${committed} is gone, deleted by retention (the log starts at ${low} now)`};
		const lag = committed !== undefined && highWatermark !== undefined ? Math.max(0, highWatermark - committed) : undefined;
		partitions.set(key(topic, partition), {
			topic,
			partition,
			committed,
			highWatermark,
			lag,
			owner: owners.get(key(topic, partition)),
			status: 'UNKNOWN',
			...timeLag(lag, next, takenAt),
		});
	};

	for (const offset of group.offsets) add(offset.topic, offset.partition, offset.committed >= 0 ? offset.committed : undefined, offset.nextRecord);
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
	let unknownLagPartitions = 0;
	let groupTimeLag: number | undefined;
	for (const partition of sorted) {
		if (partition.lag === undefined) unknownLagPartitions++;
		else lag += partition.lag;
		if (partition.timeLagMs !== undefined) groupTimeLag = Math.max(groupTimeLag ?? 0, partition.timeLagMs);
	}

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
		unknownLagPartitions,
		timeLagMs: groupTimeLag,
	};
}

/**
No lag: nothing waits, time lag 0. Lag: the age of the next record, when it was read. Unknown
lag, or a record that could not be read (gone to retention, a broker that did not answer):
unknown, with the reason, never a guess.
*/
function timeLag(lag: number | undefined, next: NextRecordTime | undefined, takenAt: number | undefined): Pick<GroupPartitionLag, 'timeLagMs' | 'timeLagUnknown'> {
	if (lag === undefined) return {timeLagMs: undefined, timeLagUnknown: undefined};
	if (lag === 0) return {timeLagMs: 0, timeLagUnknown: undefined};
	if (!next || takenAt === undefined) return {timeLagMs: undefined, timeLagUnknown: 'the next record was not read'};
	if ('unknown' in next) return {timeLagMs: undefined, timeLagUnknown: next.unknown};
	// A producer's clock ahead of ktop's (CreateTime is the producer's) is no lag in time.
	return {timeLagMs: Math.max(0, takenAt - next.timestamp), timeLagUnknown: undefined};
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
