import {plural} from '../phrases.js';
import type {ClusterSnapshot, GroupSummary, TopicSummary} from '../types.js';

/** Records kept now (high minus low watermark summed), or undefined when a watermark is unknown. */
export function recordCount(topic: TopicSummary): number | undefined {
	let total = 0;
	for (const partition of topic.partitions) {
		if (partition.lowWatermark === undefined || partition.highWatermark === undefined) return undefined;
		total += partition.highWatermark - partition.lowWatermark;
	}

	return total;
}

/** Groups with committed offsets on the topic, and those whose members are assigned it right now. */
export function groupsOn(snapshot: ClusterSnapshot, topic: string): {committed: GroupSummary[]; consuming: GroupSummary[]} {
	const committed = snapshot.groups.filter(group => group.partitions.some(partition => partition.topic === topic));
	const consuming = snapshot.groups.filter(group => group.memberDetails.some(member => member.assignments.some(assignment => assignment.topic === topic)));
	return {committed, consuming};
}

/** "billing (Stable, 2 members)". */
export function groupText(group: GroupSummary): string {
	return `${group.groupId} (${group.state}, ${plural(group.members, 'member')})`;
}

/** The lines every topic action shows first: its shape and who reads it. */
export function topicInfoLines(snapshot: ClusterSnapshot, topic: TopicSummary): string[] {
	const records = recordCount(topic);
	const {committed, consuming} = groupsOn(snapshot, topic.name);
	const consumingIds = new Set(consuming.map(group => group.groupId));
	const idle = committed.filter(group => !consumingIds.has(group.groupId));
	return [
		`${plural(topic.partitions.length, 'partition')}, replication factor ${topic.replicationFactor}, ${records === undefined ? 'records unknown' : plural(records, 'record')}`,
		consuming.length > 0 ? `consumed now by ${consuming.map(groupText).join(', ')}` : 'no group is consuming it now',
		...(idle.length > 0 ? [`committed offsets of ${idle.map(group => group.groupId).join(', ')}`] : []),
	];
}
