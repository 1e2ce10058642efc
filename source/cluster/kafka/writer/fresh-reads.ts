import {WriteError, type GroupOffsets, type OffsetSpec, type PartitionLeadership, type TopicConfigEntry, type TopicConfigSource} from '../../write-types.js';
import type {RawConfigEntry} from '../wire-types.js';
import {callCoordinator} from './coordinator-call.js';
import {callLeaders} from './leader-calls.js';
import {coordinatorMoved, kafkaFailure} from './write-failure.js';
import type {WriteSession} from './write-session.js';

/*
What previews are built from, read now rather than from the last snapshot: a preview that says
"offsets move from 120 to 0" must not rest on a value that is a refresh old.
*/

const unknownTopicOrPartition = 3;
const readUncommitted = 0;

/** DescribeConfigs config_source (v1+) in ktop's terms. */
const sources: Record<number, TopicConfigSource> = {
	1: 'topic', // DYNAMIC_TOPIC_CONFIG
	2: 'broker', // DYNAMIC_BROKER_CONFIG
	3: 'broker', // DYNAMIC_DEFAULT_BROKER_CONFIG
	4: 'broker', // STATIC_BROKER_CONFIG
	5: 'default', // DEFAULT_CONFIG
};

function sourceOf(entry: RawConfigEntry): TopicConfigSource {
	// DescribeConfigs v0 has only is_default.
	if (entry.configSource === undefined) return entry.isDefault ? 'default' : 'other';
	return sources[entry.configSource] ?? 'other';
}

export async function describeTopicConfigs(session: WriteSession, topic: string): Promise<TopicConfigEntry[]> {
	const reply = await session.callAny(async wire => wire.describeTopicConfigs([topic]));
	const resource = reply.resources.find(candidate => candidate.resourceName === topic);
	if (!resource) throw new WriteError(kafkaFailure(unknownTopicOrPartition, {topic}));
	if (resource.errorCode !== 0) throw new WriteError(kafkaFailure(resource.errorCode, {topic}, resource.errorMessage));
	return resource.configEntries
		.map(entry => ({
			name: entry.configName,
			value: entry.configValue ?? undefined,
			source: sourceOf(entry),
			readOnly: entry.readOnly ?? false,
			sensitive: entry.isSensitive ?? false,
		}))
		.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Leaders, replicas and ISRs from a metadata read made now; a topic the metadata does not list throws. */
export async function readPartitions(session: WriteSession, topics: string[]): Promise<PartitionLeadership[]> {
	const metadata = await session.metadata(true);
	return topics.flatMap(topic => {
		const found = metadata.topicMetadata.find(candidate => candidate.topic === topic);
		if (!found || found.partitionMetadata.length === 0) throw new WriteError(kafkaFailure(found?.topicErrorCode || unknownTopicOrPartition, {topic}));
		return found.partitionMetadata
			.map(partition => ({topic, partition: partition.partitionId, leader: partition.leader, replicas: partition.replicas, isr: partition.isr}))
			.sort((a, b) => a.partition - b.partition);
	});
}

/** ListOffsets timestamps: -2 the log start, -1 the log end (the high watermark, read uncommitted). */
function timestampOf(spec: OffsetSpec): number {
	if (spec === 'earliest') return -2;
	if (spec === 'latest') return -1;
	return spec.timestamp;
}

/** ListOffsets to each leader; -1 in the reply (no record at or after a timestamp) becomes undefined. */
export async function listOffsets(session: WriteSession, topic: string, partitions: number[], spec: OffsetSpec): Promise<Map<number, number | undefined>> {
	const timestamp = timestampOf(spec);
	const results = await callLeaders(session, partitions.map(partition => ({topic, partition})), async (wire, parts) => {
		const reply = await wire.listOffsets(readUncommitted, [{topic, partitions: parts.map(part => ({partition: part.partition, timestamp}))}]);
		return reply.responses.flatMap(replyTopic => replyTopic.partitions.map(replyPartition => ({
			topic: replyTopic.topic, partition: replyPartition.partition, errorCode: replyPartition.errorCode, value: replyPartition.offset ?? replyPartition.offsets?.[0],
		})));
	});
	const offsets = new Map<number, number | undefined>();
	for (const [index, result] of results.entries()) {
		const partition = partitions[index]!;
		if ('failure' in result) throw new WriteError(result.failure);
		if (result.reply.errorCode !== 0) throw new WriteError(kafkaFailure(result.reply.errorCode, {topic, partition}));
		const offset = result.reply.value === undefined ? -1 : Number(result.reply.value);
		offsets.set(partition, offset < 0 ? undefined : offset);
	}

	return offsets;
}

/** The coordinator's view: state and member count (DescribeGroups), committed offsets (OffsetFetch; -1 is none). */
export async function groupOffsets(session: WriteSession, group: string): Promise<GroupOffsets> {
	const [described, fetched] = await callCoordinator(
		session,
		group,
		async wire => Promise.all([wire.describeGroups([group]), wire.offsetFetch(group)]),
		([described, fetched]) => [described.groups[0]?.errorCode, fetched.errorCode].find(code => code !== undefined && coordinatorMoved.has(code)),
	);
	const description = described.groups.find(candidate => candidate.groupId === group);
	if (!description) throw new WriteError({code: 'NO_REPLY', message: `the coordinator did not describe group ${group}`, next: 'try again', detail: undefined});
	if (description.errorCode !== 0) throw new WriteError(kafkaFailure(description.errorCode, {group}));
	if (fetched.errorCode) throw new WriteError(kafkaFailure(fetched.errorCode, {group}));
	const offsets = fetched.responses
		.flatMap(({topic, partitions}) => partitions.filter(partition => partition.errorCode === 0 && partition.offset !== '-1').map(partition => ({topic, partition: partition.partition, offset: Number(partition.offset)})))
		.sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition));
	return {state: description.state, members: description.members.length, offsets};
}
