import type {Consumer} from 'kafkajs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {Unready, waitFor} from '../../cluster/wait-for.js';
import type {ClusterWriter, GroupOffsets} from '../../source/cluster/write-types.js';
import {commitGroupOffsets, testKafka} from '../helpers/kafka.js';
import {failureOf, WriterFixture} from './writer-helpers.js';

const kafka = testKafka('ktop-writer-groups-test');
const admin = kafka.admin();
const fixture = new WriterFixture(admin);
const consumers: Consumer[] = [];

beforeAll(async () => {
	await admin.connect();
	// A fresh cluster has no __consumer_offsets until some group commits; make sure it exists.
	const topic = await fixture.topic('ktop-writer-groups-bootstrap', 1);
	await commitGroupOffsets(kafka, fixture.groupName('ktop-writer-groups-bootstrap'), topic, [{partition: 0, offset: '0'}]);
});

afterAll(async () => {
	await Promise.all(consumers.map(async consumer => consumer.disconnect().catch(() => undefined)));
	await fixture.cleanUp();
	await admin.disconnect();
});

/** A kafkajs consumer in `group`, running until the test disconnects it; resolves once the writer sees the group Stable with it. */
async function activeMember(writer: ClusterWriter, group: string, topic: string): Promise<Consumer> {
	const consumer = kafka.consumer({groupId: group, sessionTimeout: 10_000, heartbeatInterval: 500});
	consumers.push(consumer);
	await consumer.connect();
	await consumer.subscribe({topic, fromBeginning: true});
	await consumer.run({eachMessage: async () => undefined});
	await waitFor(async () => {
		const seen = await writer.groupOffsets(group);
		return seen.state === 'Stable' && seen.members === 1 ? true : new Unready(`${seen.state}, ${seen.members} members`);
	}, {timeoutMs: 60_000, what: `${group} to be Stable with one member`});
	return consumer;
}

async function committed(group: string, topic: string): Promise<Record<number, string>> {
	const [offsets] = await admin.fetchOffsets({groupId: group, topics: [topic]});
	return Object.fromEntries(offsets!.partitions.map(partition => [partition.partition, partition.offset]));
}

describe('the ClusterWriter\'s group writes and reads, against the local cluster', () => {
	it('commits offsets for a group with no members, as kafkajs\' admin reads them back, and reads them itself', async () => {
		const writer = fixture.writer();
		const topic = await fixture.topic('ktop-writer-commit', 3);
		const group = fixture.groupName('ktop-writer-commit');
		const outcomes = await writer.commitGroupOffsets(group, [{topic, partition: 0, offset: 0}, {topic, partition: 2, offset: 0}]);
		expect(outcomes).toEqual([{topic, partition: 0, outcome: {ok: true}}, {topic, partition: 2, outcome: {ok: true}}]);
		expect(await committed(group, topic)).toEqual({0: '0', 1: '-1', 2: '0'});

		// Offsets past the end are taken as they are, as kafka-consumer-groups --reset-offsets --to-offset would.
		await writer.commitGroupOffsets(group, [{topic, partition: 1, offset: 25}]);
		expect(await committed(group, topic)).toEqual({0: '0', 1: '25', 2: '0'});
		expect(await writer.groupOffsets(group)).toEqual<GroupOffsets>({
			state: 'Empty',
			members: 0,
			offsets: [{topic, partition: 0, offset: 0}, {topic, partition: 1, offset: 25}, {topic, partition: 2, offset: 0}],
		});

		const missing = fixture.topicName('ktop-writer-nothing');
		expect(await writer.commitGroupOffsets(group, [{topic: missing, partition: 0, offset: 1}])).toEqual([{topic: missing, partition: 0, outcome: {ok: false, failure: {
			code: 'UNKNOWN_TOPIC_OR_PARTITION',
			message: `${missing}-0 does not exist`,
			next: 'refresh: it may have just been deleted or not be created yet',
			detail: undefined,
		}}}]);
	});

	it('reads a group that does not exist as Dead, with no offsets', async () => {
		const writer = fixture.writer();
		expect(await writer.groupOffsets(fixture.groupName('ktop-writer-no-group'))).toEqual({state: 'Dead', members: 0, offsets: []});
	});

	it('refuses to commit or delete while a consumer is in the group, and deletes the group once it has left', async () => {
		const writer = fixture.writer();
		const topic = await fixture.topic('ktop-writer-active', 2);
		const group = fixture.groupName('ktop-writer-active');
		const consumer = await activeMember(writer, group, topic);

		// Kafka 3.9 answers a commit outside the generation of a Stable group with UNKNOWN_MEMBER_ID on each partition.
		const refused = {ok: false, failure: {
			code: 'UNKNOWN_MEMBER_ID',
			message: `group ${group} has active members: its offsets can only be changed while it is empty`,
			next: 'stop the group\'s consumers first (wait for their session to time out), then try again',
			detail: undefined,
		}};
		expect(await writer.commitGroupOffsets(group, [{topic, partition: 0, offset: 0}, {topic, partition: 1, offset: 0}])).toEqual([
			{topic, partition: 0, outcome: refused},
			{topic, partition: 1, outcome: refused},
		]);
		expect(await committed(group, topic)).toEqual({0: '-1', 1: '-1'});

		expect(await failureOf(writer.deleteGroup(group))).toEqual({
			code: 'NON_EMPTY_GROUP',
			message: `group ${group} still has active members`,
			next: 'stop the group\'s consumers first (wait for their session to time out), then try again',
			detail: undefined,
		});

		await consumer.disconnect();
		await waitFor(async () => {
			const seen = await writer.groupOffsets(group);
			return seen.state === 'Empty' ? true : new Unready(seen.state);
		}, {timeoutMs: 60_000, what: `${group} to be empty`});
		await writer.deleteGroup(group);
		const {groups} = await admin.describeGroups([group]);
		expect(groups[0]?.state).toBe('Dead');
		expect((await admin.listGroups()).groups.map(listed => listed.groupId)).not.toContain(group);
		expect(await failureOf(writer.deleteGroup(group))).toEqual({
			code: 'GROUP_ID_NOT_FOUND',
			message: `group ${group} does not exist`,
			next: 'refresh: it may already have been deleted',
			detail: undefined,
		});
	});
});
