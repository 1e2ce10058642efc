import {describe, expect, it} from 'vitest';
import type {Wire} from '../../../../source/cluster/kafka/kafkajs-wire.js';
import type {RawMetadata} from '../../../../source/cluster/kafka/wire-types.js';
import {callController} from '../../../../source/cluster/kafka/writer/controller-call.js';
import {callLeaders, type PartReply} from '../../../../source/cluster/kafka/writer/leader-calls.js';
import type {WriteSession} from '../../../../source/cluster/kafka/writer/write-session.js';
import {WriteError} from '../../../../source/cluster/write-types.js';

/** A session over scripted metadata reads (one per read, the last repeating) that records which broker each call went to. */
function scriptedSession(reads: RawMetadata[], reply: (broker: number, call: number) => unknown): {session: WriteSession; calls: number[]; fresh: boolean[]} {
	const calls: number[] = [];
	const fresh: boolean[] = [];
	let read = 0;
	const session = {
		async metadata(isFresh = false) {
			fresh.push(isFresh);
			return reads[Math.min(read++, reads.length - 1)]!;
		},
		async call<T>(target: number, request: (wire: Wire) => Promise<T>): Promise<T> {
			calls.push(target);
			const answer = reply(target, calls.length);
			if (answer instanceof Error) throw answer;
			return request({answer} as unknown as Wire);
		},
	} as unknown as WriteSession;
	return {session, calls, fresh};
}

const metadata = (controllerId: number, leaders: number[] = []): RawMetadata => ({
	brokers: [1, 2, 3].map(nodeId => ({nodeId, host: '127.0.0.1', port: 9091 + nodeId})),
	controllerId,
	topicMetadata: [{topicErrorCode: 0, topic: 'orders', partitionMetadata: leaders.map((leader, partitionId) => ({partitionErrorCode: 0, partitionId, leader, replicas: [1, 2, 3], isr: [1, 2, 3]}))}],
});

const answerOf = async (wire: Wire) => (wire as unknown as {answer: unknown}).answer;

describe('callController', () => {
	it('reads metadata again and sends once more when the reply says NOT_CONTROLLER', async () => {
		const {session, calls, fresh} = scriptedSession([metadata(2), metadata(1)], broker => ({errorCode: broker === 1 ? 0 : 41}));
		const reply = await callController(session, answerOf, answer => (answer as {errorCode: number}).errorCode === 41);
		expect(reply).toEqual({errorCode: 0});
		expect(calls).toEqual([2, 1]);
		expect(fresh).toEqual([false, true]);
	});

	it('sends at most twice, and never again after a call that got no reply', async () => {
		const moved = scriptedSession([metadata(2), metadata(3)], () => ({errorCode: 41}));
		expect(await callController(moved.session, answerOf, () => true)).toEqual({errorCode: 41});
		expect(moved.calls).toEqual([2, 3]);

		const lost = new WriteError({code: 'NO_REPLY', message: 'no reply', next: undefined, detail: undefined});
		const silent = scriptedSession([metadata(2)], () => lost);
		await expect(callController(silent.session, answerOf, () => true)).rejects.toBe(lost);
		expect(silent.calls).toEqual([2]);
	});

	it('refuses to send when the cluster has no controller', async () => {
		const {session, calls} = scriptedSession([metadata(-1)], () => ({}));
		await expect(callController(session, answerOf, () => false)).rejects.toMatchObject({failure: {code: 'NO_BROKER', message: 'the cluster has no active controller right now'}});
		expect(calls).toEqual([]);
	});
});

describe('callLeaders', () => {
	it('groups parts by leader, and resends only the parts whose leader moved, to the new leader', async () => {
		// Partition 1 moves from broker 2 to broker 3 between the two metadata reads.
		const {session, calls, fresh} = scriptedSession([metadata(1, [1, 2, 2]), metadata(1, [1, 3, 2])], () => undefined);
		const sent: Array<[number, number[]]> = [];
		let call = 0;
		const leaders = [[1, 2, 2], [1, 3, 2]];
		const results = await callLeaders(session, [0, 1, 2].map(partition => ({topic: 'orders', partition})), async (_wire, parts): Promise<Array<PartReply<string>>> => {
			const attempt = call++ < 2 ? 0 : 1;
			const leader = leaders[attempt]![parts[0]!.partition]!;
			sent.push([leader, parts.map(part => part.partition)]);
			return parts.map(part => ({topic: 'orders', partition: part.partition, errorCode: attempt === 0 && part.partition === 1 ? 6 : 0, value: `${part.partition}@${leader}`}));
		});
		expect(results.map(result => ('reply' in result ? result.reply.value : result.failure.code))).toEqual(['0@1', '1@3', '2@2']);
		expect(calls).toEqual([1, 2, 3]);
		expect(sent).toEqual([[1, [0]], [2, [1, 2]], [3, [1]]]);
		expect(fresh).toEqual([false, true]);
	});

	it('fails without a send a partition the metadata does not list or lists without a leader, and only a dead leader\'s own parts', async () => {
		const lost = new WriteError({code: 'NO_REPLY', message: 'broker 2: no reply', next: undefined, detail: undefined});
		const {session, calls} = scriptedSession([metadata(1, [1, -1, 2])], broker => (broker === 2 ? lost : undefined));
		const results = await callLeaders(session, [0, 1, 2, 7].map(partition => ({topic: 'orders', partition})), async (_wire, parts) => parts.map(part => ({...part, errorCode: 0, value: 'ok'})));
		expect(results.map(result => ('reply' in result ? result.reply.value : result.failure.code))).toEqual(['ok', 'LEADER_NOT_AVAILABLE', 'NO_REPLY', 'UNKNOWN_TOPIC_OR_PARTITION']);
		expect(calls.sort()).toEqual([1, 2]);
	});
});
