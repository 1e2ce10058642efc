import type {PartOutcome} from '../../write-types.js';
import {callLeaders} from './leader-calls.js';
import {kafkaFailure} from './write-failure.js';
import type {WriteSession} from './write-session.js';

export type DeleteRecordsOutcome = {partition: number; outcome: PartOutcome; lowWatermark: number | undefined};

/**
DeleteRecords to each partition's leader, which answers once every replica's log start has moved
(or REQUEST_TIMED_OUT). Each partition reports its new log start offset, or why it did not move.
*/
export async function deleteRecords(session: WriteSession, topic: string, partitions: Array<{partition: number; beforeOffset: number}>): Promise<DeleteRecordsOutcome[]> {
	if (partitions.length === 0) return [];
	const parts = partitions.map(({partition, beforeOffset}) => ({topic, partition, beforeOffset}));
	const results = await callLeaders(session, parts, async (wire, leaderParts) => {
		const reply = await wire.deleteRecords([{topic, partitions: leaderParts.map(part => ({partition: part.partition, offset: String(part.beforeOffset)}))}], session.serverTimeoutMs);
		return reply.topics.flatMap(replyTopic => replyTopic.partitions.map(replyPartition => ({
			topic: replyTopic.topic, partition: replyPartition.partition, errorCode: replyPartition.errorCode, value: replyPartition.lowWatermark.toString(),
		})));
	});
	return results.map((result, index) => {
		const {partition, beforeOffset} = partitions[index]!;
		if ('failure' in result) return {partition, outcome: {ok: false, failure: result.failure}, lowWatermark: undefined};
		if (result.reply.errorCode !== 0) {
			return {partition, outcome: {ok: false, failure: kafkaFailure(result.reply.errorCode, {topic, partition, offset: beforeOffset, timeoutMs: session.serverTimeoutMs})}, lowWatermark: undefined};
		}

		return {partition, outcome: {ok: true}, lowWatermark: Number(result.reply.value)};
	});
}
