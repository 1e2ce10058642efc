import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {Unready, waitFor} from '../../cluster/wait-for.js';
import {testKafka} from '../helpers/kafka.js';
import {kcatProduce} from './consume-helpers.js';
import {failureOf, kcatRead, WriterFixture} from './writer-helpers.js';

const kafka = testKafka('ktop-writer-records-test');
const admin = kafka.admin();
const fixture = new WriterFixture(admin);

beforeAll(async () => admin.connect());
afterAll(async () => {
	await fixture.cleanUp();
	await admin.disconnect();
});

const text = (value: string) => Buffer.from(value);

describe('the ClusterWriter\'s record writes and offset reads, against the local cluster', () => {
	it('produces a record that kcat reads back, key, value and headers, at the partition and offset reported', async () => {
		const writer = fixture.writer();
		const topic = await fixture.topic('ktop-writer-produce', 3);
		const landed = await writer.produce({
			topic, partition: 2, key: text('order-17'), value: text('{"total":42}'),
			headers: [{key: 'trace', value: text('abc')}, {key: 'source', value: text('ktop')}, {key: 'trace', value: text('def')}],
		});
		expect(landed).toEqual({partition: 2, offset: 0});
		const second = await writer.produce({topic, partition: 2, key: null, value: text('second'), headers: []});
		expect(second).toEqual({partition: 2, offset: 1});

		const records = await kcatRead(topic, 2, 0);
		expect(records.map(record => ({partition: record.partition, offset: record.offset, key: record.key, payload: record.payload, headers: record.headers}))).toEqual([
			// A repeated header key's values go together, in order (see produce-record.ts).
			{partition: 2, offset: 0, key: 'order-17', payload: '{"total":42}', headers: ['trace', 'abc', 'trace', 'def', 'source', 'ktop']},
			{partition: 2, offset: 1, key: null, payload: 'second', headers: undefined},
		]);
	});

	it('puts a keyed record where Java\'s partitioner would (librdkafka\'s murmur2), and spreads records without a key', async () => {
		const writer = fixture.writer();
		const topic = await fixture.topic('ktop-writer-partitioner', 6);
		const keys = Array.from({length: 24}, (_, index) => `customer-${index * 7919}`);
		await kcatProduce(topic, keys.map(key => `${key}:from-kcat`).join('\n'), ['-K', ':', '-X', 'partitioner=murmur2_random']);
		const theirs = new Map<string, number>();
		for (let partition = 0; partition < 6; partition++) {
			for (const record of await kcatRead(topic, partition, 0)) theirs.set(record.key!, record.partition);
		}

		expect(theirs.size).toBe(keys.length);
		// Spread over several partitions, or the comparison below would prove little.
		expect(new Set(theirs.values()).size).toBeGreaterThanOrEqual(4);
		for (const key of keys) {
			const landed = await writer.produce({topic, partition: undefined, key: text(key), value: text('from-ktop'), headers: []});
			expect(landed.partition, key).toBe(theirs.get(key));
		}

		const spread = new Set<number>();
		for (let index = 0; index < 6; index++) spread.add((await writer.produce({topic, partition: undefined, key: null, value: text(`unkeyed-${index}`), headers: []})).partition);
		expect(spread.size).toBe(6);
	});

	it('refuses a partition or topic that does not exist, and a record over max.message.bytes', async () => {
		const writer = fixture.writer();
		const topic = await fixture.topic('ktop-writer-refused', 2);
		expect(await failureOf(writer.produce({topic, partition: 7, key: null, value: text('x'), headers: []}))).toEqual({
			code: 'UNKNOWN_TOPIC_OR_PARTITION',
			message: `${topic}-7 does not exist`,
			next: 'refresh: it may have just been deleted or not be created yet',
			detail: undefined,
		});
		const missing = fixture.topicName('ktop-writer-nothing');
		expect(await failureOf(writer.produce({topic: missing, partition: undefined, key: null, value: text('x'), headers: []}))).toMatchObject({code: 'UNKNOWN_TOPIC_OR_PARTITION', message: `${missing} does not exist`});

		const small = fixture.topicName('ktop-writer-small');
		await admin.createTopics({waitForLeaders: true, topics: [{topic: small, numPartitions: 1, replicationFactor: 3, configEntries: [{name: 'max.message.bytes', value: '1024'}]}]});
		const tooLarge = await failureOf(writer.produce({topic: small, partition: 0, key: null, value: Buffer.alloc(4096, 'x'), headers: []}));
		// Kafka 3.9 says MESSAGE_TOO_LARGE for a batch over max.message.bytes (RECORD_LIST_TOO_LARGE is for one over the segment size).
		expect(tooLarge.code).toBe('MESSAGE_TOO_LARGE');
		expect(tooLarge.message).toBe(`the record is larger than ${small} accepts (max.message.bytes, or the broker's message.max.bytes)`);
	});

	it('lists earliest, latest and by-time offsets as kafkajs\' admin does; no record after a time is undefined', async () => {
		const writer = fixture.writer();
		const topic = await fixture.topic('ktop-writer-offsets', 3);
		for (let index = 0; index < 5; index++) await writer.produce({topic, partition: 0, key: null, value: text(`a${index}`), headers: []});
		const middle = Date.now();
		await waitFor(async () => (Date.now() > middle + 5 ? true : new Unready('same millisecond')), {timeoutMs: 1000, intervalMs: 5, what: 'the clock to move'});
		for (let index = 0; index < 3; index++) await writer.produce({topic, partition: 1, key: null, value: text(`b${index}`), headers: []});

		const partitions = [0, 1, 2];
		const earliest = await writer.listOffsets(topic, partitions, 'earliest');
		const latest = await writer.listOffsets(topic, partitions, 'latest');
		const theirs = await admin.fetchTopicOffsets(topic);
		expect([...latest].sort()).toEqual(theirs.map(partition => [partition.partition, Number(partition.high)]).sort());
		expect([...earliest].sort()).toEqual(theirs.map(partition => [partition.partition, Number(partition.low)]).sort());
		expect(Object.fromEntries(latest)).toEqual({0: 5, 1: 3, 2: 0});

		const byTime = await writer.listOffsets(topic, partitions, {timestamp: middle + 5});
		expect(Object.fromEntries(byTime)).toEqual({0: undefined, 1: 0, 2: undefined});
		const theirsByTime = await admin.fetchTopicOffsetsByTimestamp(topic, middle + 5);
		expect(theirsByTime.find(partition => partition.partition === 1)?.offset).toBe('0');
		expect(await failureOf(writer.listOffsets(topic, [9], 'latest'))).toMatchObject({code: 'UNKNOWN_TOPIC_OR_PARTITION', message: `${topic}-9 does not exist`});
	});

	it('deletes records below an offset per partition, reporting each partition\'s new log start or why it did not move', async () => {
		const writer = fixture.writer();
		const topic = await fixture.topic('ktop-writer-delete-records', 3);
		for (let index = 0; index < 6; index++) await writer.produce({topic, partition: 0, key: null, value: text(`r${index}`), headers: []});
		for (let index = 0; index < 2; index++) await writer.produce({topic, partition: 1, key: null, value: text(`s${index}`), headers: []});

		const outcomes = await writer.deleteRecords(topic, [{partition: 0, beforeOffset: 4}, {partition: 1, beforeOffset: 10}, {partition: 9, beforeOffset: 1}]);
		expect(outcomes).toEqual([
			{partition: 0, outcome: {ok: true}, lowWatermark: 4},
			{partition: 1, outcome: {ok: false, failure: {
				code: 'OFFSET_OUT_OF_RANGE',
				message: `offset 10 is beyond the end of ${topic}-1: records can only be deleted below the high watermark`,
				next: 'pick an offset at or below the partition\'s end (latest) offset',
				detail: undefined,
			}}, lowWatermark: undefined},
			{partition: 9, outcome: {ok: false, failure: expect.objectContaining({code: 'UNKNOWN_TOPIC_OR_PARTITION'}) as object}, lowWatermark: undefined},
		]);

		const theirs = await admin.fetchTopicOffsets(topic);
		expect(theirs.map(partition => [partition.partition, partition.low]).sort()).toEqual([[0, '4'], [1, '0'], [2, '0']]);
		expect((await kcatRead(topic, 0, -2)).map(record => [record.offset, record.payload])).toEqual([[4, 'r4'], [5, 'r5']]);
	});
});
