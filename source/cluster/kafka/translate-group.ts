import type {ConsumerGroup, GroupOffset} from '../types.js';
import {compareNames} from './compare-names.js';
import {errorName} from './kafkajs-wire.js';
import {decodeAssignment} from './member-assignment.js';
import type {RawGroupDescription, RawOffsetFetch} from './wire-types.js';

/** Everything read about one group; a reply is undefined when its request failed (`failures` says why). */
export type GroupReplies = {
	groupId: string;
	/** From ListGroups, used when the description is missing. */
	protocolType: string;
	description: RawGroupDescription | undefined;
	offsets: RawOffsetFetch | undefined;
	failures: string[];
	/** The broker whose ListGroups named the group. */
	coordinator?: number;
};

/**
One consumer group in ktop's terms. Whatever could be read is kept: a group whose description
failed still shows its committed offsets, with the reason in `error` (state "Unknown").
*/
export function translateGroup(replies: GroupReplies): ConsumerGroup {
	const failures = [...replies.failures];
	const {description, offsets} = replies;
	if (description && description.errorCode !== 0) failures.push(`describe: ${errorName(description.errorCode)}`);
	const described = description?.errorCode === 0 ? description : undefined;
	if (offsets?.errorCode) failures.push(`offsets: ${errorName(offsets.errorCode)}`);

	const committed: GroupOffset[] = [];
	for (const topic of offsets?.errorCode ? [] : offsets?.responses ?? []) {
		for (const partition of topic.partitions) {
			if (partition.errorCode === 0) committed.push({topic: topic.topic, partition: partition.partition, committed: Number(partition.offset)});
			else failures.push(`offset of ${topic.topic}-${partition.partition}: ${errorName(partition.errorCode)}`);
		}
	}

	committed.sort((a, b) => compareNames(a.topic, b.topic) || a.partition - b.partition);
	const protocolType = described?.protocolType || replies.protocolType;
	return {
		groupId: replies.groupId,
		state: described?.state ?? 'Unknown',
		protocolType,
		protocol: described?.protocol ?? '',
		members: (described?.members ?? [])
			.map(member => ({
				memberId: member.memberId,
				clientId: member.clientId,
				// The broker reports the client's address as InetAddress.toString(): "/127.0.0.1".
				host: member.clientHost.replace(/^\//, ''),
				assignments: decodeAssignment(protocolType, member.memberAssignment),
			}))
			.sort((a, b) => compareNames(a.memberId, b.memberId)),
		offsets: committed,
		error: failures.length > 0 ? failures.join('; ') : undefined,
		...(replies.coordinator === undefined ? {} : {coordinator: replies.coordinator}),
	};
}
