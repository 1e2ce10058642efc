import {WriteError, type PartOutcome} from '../../write-types.js';
import {callController} from './controller-call.js';
import {electLeadersApiKey, electLeadersRequest, preferredElection, type RawElectLeaders} from './elect-leaders-request.js';
import type {TopicPartition} from './leader-calls.js';
import {electionNotNeeded, kafkaFailure, notController} from './write-failure.js';
import type {WriteSession} from './write-session.js';

export type ElectionOutcome = TopicPartition & {outcome: PartOutcome | {ok: true; notNeeded: true}};

const movedController = (reply: RawElectLeaders) => reply.errorCode === notController
	|| reply.results.some(topic => topic.partitions.some(partition => partition.errorCode === notController));

/**
ElectLeaders (preferred) via the controller, which moves each partition's leadership to its first
replica when that replica is in the ISR. ELECTION_NOT_NEEDED is no failure: the preferred replica
already leads. A request-level error (not authorized) throws; otherwise each partition reports.
*/
export async function electPreferredLeaders(session: WriteSession, partitions: TopicPartition[]): Promise<ElectionOutcome[]> {
	// An empty list would go out as null, which the controller reads as "every partition".
	if (partitions.length === 0) return [];
	const byTopic = new Map<string, number[]>();
	for (const {topic, partition} of partitions) byTopic.set(topic, [...(byTopic.get(topic) ?? []), partition]);
	const reply = await callController(session, async wire => wire.request<RawElectLeaders>(electLeadersApiKey, electLeadersRequest, {
		electionType: preferredElection,
		topicPartitions: [...byTopic].map(([topic, ids]) => ({topic, partitions: [...new Set(ids)]})),
		timeoutMs: session.serverTimeoutMs,
	}), movedController);
	if (reply.errorCode !== 0) throw new WriteError(kafkaFailure(reply.errorCode, {}));
	return partitions.map(({topic, partition}) => {
		const result = reply.results.find(candidate => candidate.topic === topic)?.partitions.find(candidate => candidate.partition === partition);
		if (!result) {
			return {topic, partition, outcome: {ok: false, failure: {code: 'NO_REPLY', message: `the controller's reply left out ${topic}-${partition}`, next: 'refresh and check the partition\'s leader', detail: undefined}}};
		}

		if (result.errorCode === 0) return {topic, partition, outcome: {ok: true}};
		if (result.errorCode === electionNotNeeded) return {topic, partition, outcome: {ok: true, notNeeded: true}};
		return {topic, partition, outcome: {ok: false, failure: kafkaFailure(result.errorCode, {topic, partition, timeoutMs: session.serverTimeoutMs}, result.errorMessage)}};
	});
}
