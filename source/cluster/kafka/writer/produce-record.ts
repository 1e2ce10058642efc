import {Partitioners, type PartitionMetadata} from 'kafkajs';
import {WriteError, type ProduceInput} from '../../write-types.js';
import type {ProduceMessage} from '../kafkajs-wire.js';
import {callLeaders} from './leader-calls.js';
import {kafkaFailure} from './write-failure.js';
import type {WriteSession} from './write-session.js';

const unknownTopicOrPartition = 3;

/** Picks a partition as Java clients do for a keyed record (murmur2 of the key, over all partitions), round robin without a key. */
export type Partitioner = (topic: string, partitions: PartitionMetadata[], key: Buffer | null) => number;

export function createPartitioner(): Partitioner {
	// kafkajs' DefaultPartitioner is the Java-compatible one; one instance keeps its round-robin counters.
	const pick = Partitioners.DefaultPartitioner();
	return (topic, partitionMetadata, key) => pick({topic, partitionMetadata, message: {key, value: null}});
}

/**
kafkajs' record encoder takes headers as an object: repeated keys go as arrays, so a key's values
keep their order, but all of them are sent where the key first appears (and JavaScript puts
integer-like keys first): an operator typing headers by hand is not expected to rely on the order
of different keys.
*/
function headersOf(headers: ProduceInput['headers']): ProduceMessage['headers'] {
	const grouped: Record<string, Buffer[]> = {};
	for (const {key, value} of headers) (grouped[key] ??= []).push(value);
	return Object.fromEntries(Object.entries(grouped).map(([key, values]) => [key, values.length === 1 ? values[0]! : values]));
}

/** One record, acks=all, to the chosen partition's leader (once more if leadership moved). */
export async function produceRecord(session: WriteSession, partitioner: Partitioner, input: ProduceInput): Promise<{partition: number; offset: number}> {
	const metadata = await session.metadata();
	const topic = metadata.topicMetadata.find(candidate => candidate.topic === input.topic);
	if (!topic || topic.partitionMetadata.length === 0) throw new WriteError(kafkaFailure(unknownTopicOrPartition, {topic: input.topic}));
	const partition = input.partition ?? partitioner(input.topic, topic.partitionMetadata as PartitionMetadata[], input.key);
	const message: ProduceMessage = {key: input.key, value: input.value, headers: headersOf(input.headers)};
	const [result] = await callLeaders(session, [{topic: input.topic, partition}], async (wire, parts) => {
		const reply = await wire.produce([{topic: input.topic, partitions: parts.map(part => ({partition: part.partition, messages: [message]}))}], session.serverTimeoutMs);
		return reply.topics.flatMap(replyTopic => replyTopic.partitions.map(replyPartition => ({
			topic: replyTopic.topicName, partition: replyPartition.partition, errorCode: replyPartition.errorCode, value: replyPartition.baseOffset,
		})));
	});
	if ('failure' in result!) throw new WriteError(result.failure);
	const {reply} = result!;
	if (reply.errorCode !== 0) throw new WriteError(kafkaFailure(reply.errorCode, {topic: input.topic, partition, timeoutMs: session.serverTimeoutMs}, reply.errorMessage));
	return {partition, offset: Number(reply.value)};
}
