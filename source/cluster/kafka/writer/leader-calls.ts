import {WriteError, type WriteFailure} from '../../write-types.js';
import type {Wire} from '../kafkajs-wire.js';
import {kafkaFailure, notLeaderOrFollower} from './write-failure.js';
import type {WriteSession} from './write-session.js';

export type TopicPartition = {topic: string; partition: number};

/** A partition's answer from its leader: the error code (0: done) and what came with it. */
export type PartReply<R> = TopicPartition & {errorCode: number; errorMessage?: string | null; value: R};

/** A part either got its leader's reply, or a failure from the writer (no leader, no answer). */
export type PartResult<R> = {reply: PartReply<R>} | {failure: WriteFailure};

const leaderNotAvailable = 5;
const unknownTopicOrPartition = 3;

type Pending<P> = {part: P; index: number};

/**
Sends each part to its partition's leader: one request per leader, leaders side by side. Parts the
leader turns away with NOT_LEADER_OR_FOLLOWER (leadership moved since the metadata read; nothing was
done) go once more after a fresh metadata read. A partition the metadata does not list, or lists
without a leader, fails without a send; a leader that does not answer fails only its own parts.
Results come in the order of `parts`.
*/
export async function callLeaders<P extends TopicPartition, R>(
	session: WriteSession,
	parts: P[],
	send: (wire: Wire, parts: P[]) => Promise<Array<PartReply<R>>>,
): Promise<Array<PartResult<R>>> {
	const results = new Array<PartResult<R> | undefined>(parts.length);
	let pending: Array<Pending<P>> = parts.map((part, index) => ({part, index}));
	for (let attempt = 0; attempt < 2 && pending.length > 0; attempt++) {
		const metadata = await session.metadata(attempt > 0);
		const byLeader = new Map<number, Array<Pending<P>>>();
		for (const item of pending) {
			const {topic, partition} = item.part;
			const found = metadata.topicMetadata.find(candidate => candidate.topic === topic)?.partitionMetadata.find(candidate => candidate.partitionId === partition);
			if (!found) results[item.index] = {failure: kafkaFailure(unknownTopicOrPartition, {topic, partition})};
			else if (found.leader < 0) results[item.index] = {failure: kafkaFailure(leaderNotAvailable, {topic, partition})};
			else byLeader.set(found.leader, [...(byLeader.get(found.leader) ?? []), item]);
		}

		const moved: Array<Pending<P>> = [];
		await Promise.all([...byLeader].map(async ([leader, items]) => {
			let replies: Array<PartReply<R>>;
			try {
				replies = await session.call(leader, async wire => send(wire, items.map(item => item.part)));
			} catch (error) {
				if (!(error instanceof WriteError)) throw error;
				for (const item of items) results[item.index] = {failure: error.failure};
				return;
			}

			for (const item of items) {
				const reply = replies.find(candidate => candidate.topic === item.part.topic && candidate.partition === item.part.partition);
				if (!reply) results[item.index] = {failure: leftOut(item.part, leader)};
				else if (reply.errorCode === notLeaderOrFollower && attempt === 0) moved.push(item);
				else results[item.index] = {reply};
			}
		}));
		pending = moved;
	}

	return results.map(result => result!);
}

function leftOut(part: TopicPartition, leader: number): WriteFailure {
	return {
		code: 'NO_REPLY',
		message: `broker ${leader}'s reply left out ${part.topic}-${part.partition}`,
		next: 'refresh and check the partition before trying again',
		detail: undefined,
	};
}
