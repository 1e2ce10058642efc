import {WriteError, type PartOutcome} from '../../write-types.js';
import type {RawDeleteGroups, RawOffsetCommit} from '../wire-types.js';
import {callCoordinator} from './coordinator-call.js';
import type {TopicPartition} from './leader-calls.js';
import {kafkaFailure} from './write-failure.js';
import type {WriteSession} from './write-session.js';

export type CommitOutcome = TopicPartition & {outcome: PartOutcome};

/** The error code the coordinator put on every partition, if it did: a whole-request answer (NOT_COORDINATOR...). */
function commonError(reply: RawOffsetCommit): number | undefined {
	const codes = new Set(reply.responses.flatMap(topic => topic.partitions.map(partition => partition.errorCode)));
	return codes.size === 1 ? [...codes][0] : undefined;
}

/**
OffsetCommit outside any generation (generation -1, no member id), as kafka-consumer-groups
--reset-offsets does: the coordinator takes it only while the group has no members, and refuses
each partition otherwise (UNKNOWN_MEMBER_ID, ILLEGAL_GENERATION or REBALANCE_IN_PROGRESS).
A group that does not exist yet is created, Empty, with these offsets.
*/
export async function commitGroupOffsets(session: WriteSession, group: string, offsets: Array<TopicPartition & {offset: number}>): Promise<CommitOutcome[]> {
	if (offsets.length === 0) return [];
	const byTopic = new Map<string, Array<{partition: number; offset: string}>>();
	for (const {topic, partition, offset} of offsets) byTopic.set(topic, [...(byTopic.get(topic) ?? []), {partition, offset: String(offset)}]);
	const reply = await callCoordinator(session, group, async wire => wire.offsetCommit(group, [...byTopic].map(([topic, partitions]) => ({topic, partitions}))), commonError);
	return offsets.map(({topic, partition}) => {
		const result = reply.responses.find(candidate => candidate.topic === topic)?.partitions.find(candidate => candidate.partition === partition);
		if (!result) return {topic, partition, outcome: {ok: false, failure: {code: 'NO_REPLY', message: `the coordinator's reply left out ${topic}-${partition}`, next: 'refresh and check the group\'s offsets', detail: undefined}}};
		if (result.errorCode === 0) return {topic, partition, outcome: {ok: true}};
		return {topic, partition, outcome: {ok: false, failure: kafkaFailure(result.errorCode, {group, topic, partition})}};
	});
}

/** DeleteGroups to the coordinator: refused (NON_EMPTY_GROUP) while the group has members. */
export async function deleteGroup(session: WriteSession, group: string): Promise<void> {
	const reply: RawDeleteGroups = await callCoordinator(session, group, async wire => wire.deleteGroups([group]), reply => reply.results[0]?.errorCode);
	const result = reply.results.find(candidate => candidate.groupId === group);
	if (!result) throw new WriteError({code: 'NO_REPLY', message: `the coordinator's reply did not mention group ${group}`, next: 'refresh and check the group before trying again', detail: undefined});
	if (result.errorCode !== 0) throw new WriteError(kafkaFailure(result.errorCode, {group}));
}
