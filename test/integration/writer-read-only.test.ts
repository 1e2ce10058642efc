import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {Unready, waitFor} from '../../cluster/wait-for.js';
import {createWireTap} from '../../source/cluster/kafka/writer/wire-tap.js';
import {writeApiKeys, type ClusterWriter, type WriteFailure} from '../../source/cluster/write-types.js';
import {testKafka} from '../helpers/kafka.js';
import {failureOf, WriterFixture} from './writer-helpers.js';

const admin = testKafka('ktop-writer-read-only-test').admin();
const fixture = new WriterFixture(admin);

beforeAll(async () => admin.connect());
afterAll(async () => {
	await fixture.cleanUp();
	await admin.disconnect();
});

/** Every write method of the ClusterWriter, with the api key it sends when it is allowed to. */
function everyWrite(topic: string, group: string): Array<{name: string; apiKey: number; call: (writer: ClusterWriter) => Promise<unknown>}> {
	return [
		{name: 'createTopic', apiKey: writeApiKeys['CreateTopics']!, call: async writer => writer.createTopic({name: topic, partitions: 1, replicationFactor: 3, configs: {}}, {validateOnly: false})},
		{name: 'createPartitions', apiKey: writeApiKeys['CreatePartitions']!, call: async writer => writer.createPartitions(topic, 2, {validateOnly: false})},
		{name: 'alterTopicConfigs', apiKey: writeApiKeys['IncrementalAlterConfigs']!, call: async writer => writer.alterTopicConfigs(topic, [{name: 'retention.ms', value: '3600000'}], {validateOnly: false})},
		{name: 'replaceTopicConfigs', apiKey: writeApiKeys['AlterConfigs']!, call: async writer => writer.replaceTopicConfigs(topic, {'retention.ms': '3600000'}, {validateOnly: false})},
		{name: 'produce', apiKey: writeApiKeys['Produce']!, call: async writer => writer.produce({topic, partition: 0, key: null, value: Buffer.from('x'), headers: []})},
		{name: 'deleteRecords', apiKey: writeApiKeys['DeleteRecords']!, call: async writer => writer.deleteRecords(topic, [{partition: 0, beforeOffset: 1}])},
		{name: 'electPreferredLeaders', apiKey: writeApiKeys['ElectLeaders']!, call: async writer => writer.electPreferredLeaders([{topic, partition: 0}])},
		{name: 'commitGroupOffsets', apiKey: writeApiKeys['OffsetCommit']!, call: async writer => writer.commitGroupOffsets(group, [{topic, partition: 0, offset: 0}])},
		{name: 'deleteGroup', apiKey: writeApiKeys['DeleteGroups']!, call: async writer => writer.deleteGroup(group)},
		{name: 'deleteTopic', apiKey: writeApiKeys['DeleteTopics']!, call: async writer => writer.deleteTopic(topic)},
	];
}

const readOnlyRefusal: WriteFailure = {
	code: 'READ_ONLY',
	message: 'ktop is in read-only mode (--read-only): nothing was sent',
	next: 'restart ktop without --read-only to make changes',
	detail: undefined,
};

const writeKeys = new Set(Object.values(writeApiKeys));

describe('a read-only ClusterWriter, watched on the wire', () => {
	it('refuses every write before sending anything, and changes nothing; its reads still work and send no write request', async () => {
		const tap = createWireTap();
		const writer = fixture.writer({readOnly: true, socketFactory: tap.socketFactory});
		const topic = fixture.topicName('ktop-writer-read-only');
		const group = fixture.groupName('ktop-writer-read-only');
		expect(writer.readOnly).toBe(true);

		const writes = everyWrite(topic, group);
		// Every write method of the contract that sends a Kafka request is attempted (the guard's own unit test covers
		// methods added later; requestPreferredElection, a ZooKeeper write, is watched in actions-fallbacks.test.ts).
		expect(writes.map(write => write.name).sort()).toEqual(['alterTopicConfigs', 'commitGroupOffsets', 'createPartitions', 'createTopic', 'deleteGroup', 'deleteRecords', 'deleteTopic', 'electPreferredLeaders', 'produce', 'replaceTopicConfigs']);
		for (const write of writes) expect(await failureOf(write.call(writer)), write.name).toEqual(readOnlyRefusal);
		// Not one request of any kind: no connection was even opened.
		expect(tap.apiKeys).toEqual([]);
		expect(await admin.listTopics()).not.toContain(topic);

		const existing = await fixture.topic('ktop-writer-read-only-reads', 1);
		await waitFor(async () => ((await writer.readPartitions([existing])).length === 1 ? true : new Unready('not in the writer\'s metadata yet')), {timeoutMs: 30_000, what: `${existing} to be readable`});
		expect((await writer.describeTopicConfigs(existing)).length).toBeGreaterThan(0);
		expect(await writer.listOffsets(existing, [0], 'latest')).toEqual(new Map([[0, 0]]));
		expect((await writer.groupOffsets(group)).state).toBe('Dead');
		expect(tap.apiKeys.length).toBeGreaterThan(0);
		expect(tap.apiKeys.filter(apiKey => writeKeys.has(apiKey))).toEqual([]);
	});

	it('(control) sends each of those writes\' api key when it is not read-only, so the tap would have seen them', async () => {
		const tap = createWireTap();
		const writer = fixture.writer({readOnly: false, socketFactory: tap.socketFactory});
		const topic = fixture.topicName('ktop-writer-read-write');
		const group = fixture.groupName('ktop-writer-read-write');
		const [create, ...rest] = everyWrite(topic, group);
		await create!.call(writer);
		expect(tap.apiKeys).toContain(writeApiKeys['CreateTopics']);
		// The writer routes by its own metadata: wait until that lists the new topic, so every write below is sent.
		await waitFor(async () => ((await writer.readPartitions([topic])).length === 1 ? true : new Unready('not in the writer\'s metadata yet')), {timeoutMs: 30_000, what: `${topic} in the writer's metadata`});
		for (const write of rest) {
			const sentBefore = tap.apiKeys.length;
			await write.call(writer);
			expect(tap.apiKeys.slice(sentBefore), write.name).toContain(write.apiKey);
		}

		await waitFor(async () => ((await admin.listTopics()).includes(topic) ? new Unready('still listed') : true), {timeoutMs: 30_000, what: `${topic} to be deleted`});
	});
});
