import {createRequire} from 'node:module';
import {describe, expect, it} from 'vitest';
import type {Round} from '../../../source/cluster/kafka/broker-connections.js';
import type {RawFetch} from '../../../source/cluster/kafka/fetch-response.js';
import type {FetchRequest} from '../../../source/cluster/kafka/kafkajs-wire.js';
import {RecordTimeCache, readRecordTimes} from '../../../source/cluster/kafka/read-record-times.js';
import type {ConsumerGroup, MetadataTopic} from '../../../source/cluster/types.js';

const require = createRequire(import.meta.url);
// kafkajs' own encoders build the batches: an independent writer of the same format.
const {RecordBatch} = require('kafkajs/src/protocol/recordBatch/v0') as {RecordBatch: (options: Record<string, unknown>) => Promise<{buffer: Buffer}>};
const Record = require('kafkajs/src/protocol/recordBatch/record/v0') as (options: Record<string, unknown>) => unknown;

const T = 1_700_000_000_000;

/** Ten records from offset 0, one second apart from T. */
async function tenRecords(): Promise<Buffer> {
	const encoded = await RecordBatch({
		firstOffset: '0', firstTimestamp: T, maxTimestamp: T + 9000, lastOffsetDelta: 9,
		records: Array.from({length: 10}, (_, index) => Record({offsetDelta: index, timestampDelta: index * 1000, key: null, value: `v${index}`, headers: {}})),
	});
	return encoded.buffer;
}

function topic(name: string, leaders: number[], highWatermark = 10): MetadataTopic {
	return {name, internal: false, partitions: leaders.map((leader, partition) => ({partition, leader, replicas: [leader], isr: [leader], offlineReplicas: [], lowWatermark: 0, highWatermark}))};
}

function group(groupId: string, offsets: Array<[string, number, number]>): ConsumerGroup {
	return {groupId, state: 'Empty', protocolType: 'consumer', protocol: '', members: [], error: undefined, offsets: offsets.map(([topicName, partition, committed]) => ({topic: topicName, partition, committed}))};
}

/** A Round whose brokers answer Fetch from `answer`, recording every request by broker. */
function fakeRound(answer: (leader: number, request: FetchRequest) => Promise<RawFetch>): {round: Round; asked: Array<{leader: number; request: FetchRequest}>} {
	const asked: Array<{leader: number; request: FetchRequest}> = [];
	const round = {
		call: async (leader: number, request: (wire: {fetch: (fetch: FetchRequest) => Promise<RawFetch>}) => Promise<unknown>) => request({
			fetch: async fetch => {
				asked.push({leader, request: fetch});
				return answer(leader, fetch);
			},
		}),
	} as unknown as Round;
	return {round, asked};
}

const reply = async (request: FetchRequest, errorCode = 0): Promise<RawFetch> => ({
	errorCode: 0, clientSideThrottleTime: 0,
	topics: await Promise.all(request.topics.map(async ({topic: name, partitions}) => ({
		topic: name,
		partitions: await Promise.all(partitions.map(async ({partition}) => ({partition, errorCode, highWatermark: 10n, logStartOffset: 5n, records: errorCode === 0 ? await tenRecords() : Buffer.alloc(0)}))),
	}))),
});

describe('readRecordTimes', () => {
	it('asks each leader once for every lagging partition it leads, at the committed offsets, and gives each the timestamp there', async () => {
		const {round, asked} = fakeRound(async (_leader, request) => reply(request));
		const groups = [group('a', [['orders', 0, 3], ['orders', 1, 10], ['orders', 2, 7]]), group('b', [['orders', 0, 4]])];
		await readRecordTimes(round, groups, [topic('orders', [1, 2, 1])], new RecordTimeCache());
		// orders-1 is caught up (committed = high watermark): nothing to read there. orders-0 goes once,
		// at the lower offset: a broker answers one offset per partition.
		expect(asked.map(({leader, request}) => [leader, request.topics.map(entry => entry.partitions.map(partition => `${entry.topic}-${partition.partition}@${partition.fetchOffset}`))])).toEqual([
			[1, [['orders-0@3', 'orders-2@7']]],
		]);
		expect(asked[0]!.request).toMatchObject({maxWaitTime: 0, minBytes: 0});
		expect(groups.map(entry => entry.offsets.map(offset => offset.nextRecord))).toEqual([
			[{timestamp: T + 3000}, undefined, {timestamp: T + 7000}],
			[{unknown: 'not read yet: one offset of a partition is read a refresh, another group\'s was read this time'}],
		]);
		// The next read asks for the other offset, the first one cached.
		const next = [group('a', [['orders', 0, 3]]), group('b', [['orders', 0, 4]])];
		asked.length = 0;
		const cache = new RecordTimeCache();
		await readRecordTimes(round, groups, [topic('orders', [1, 2, 1])], cache);
		await readRecordTimes(round, next, [topic('orders', [1, 2, 1])], cache);
		expect(asked.map(({request}) => request.topics[0]!.partitions.map(partition => `${partition.partition}@${partition.fetchOffset}`))).toEqual([['0@3', '2@7'], ['0@4']]);
		expect(next.map(entry => entry.offsets[0]!.nextRecord)).toEqual([{timestamp: T + 3000}, {timestamp: T + 4000}]);
	});

	it('answers offsets already read from its cache, without a request, and forgets offsets no group points at', async () => {
		const cache = new RecordTimeCache();
		const {round, asked} = fakeRound(async (_leader, request) => reply(request));
		await readRecordTimes(round, [group('a', [['orders', 0, 3]])], [topic('orders', [1])], cache);
		const again = group('a', [['orders', 0, 3]]);
		await readRecordTimes(round, [again], [topic('orders', [1])], cache);
		expect(asked).toHaveLength(1);
		expect(again.offsets[0]!.nextRecord).toEqual({timestamp: T + 3000});
		await readRecordTimes(round, [group('a', [['orders', 0, 5]])], [topic('orders', [1])], cache);
		expect(cache.get('orders\u00000\u00003')).toBeUndefined();
		expect(cache.get('orders\u00000\u00005')).toBe(T + 5000);
	});

	it('says why a time is unknown: the record gone to retention, a broker that failed', async () => {
		const gone = fakeRound(async (_leader, request) => reply(request, 1));
		const groups = [group('a', [['orders', 0, 3]])];
		await readRecordTimes(gone.round, groups, [topic('orders', [1])], new RecordTimeCache());
		expect(groups[0]!.offsets[0]!.nextRecord).toEqual({unknown: 'the record at offset 3 is gone, deleted by retention (the log starts at 5 now)'});

		const failing = fakeRound(async () => {
			throw new Error('broker 1 (127.0.0.1:9092): no reply within 3000 ms');
		});
		await readRecordTimes(failing.round, groups, [topic('orders', [1])], new RecordTimeCache());
		expect(groups[0]!.offsets[0]!.nextRecord).toEqual({unknown: 'could not read the record: broker 1 (127.0.0.1:9092): no reply within 3000 ms'});
	});

	it('asks a leader for at most maxPartitionsPerLeader partitions a read', async () => {
		const {round, asked} = fakeRound(async (_leader, request) => reply(request));
		const groups = [group('a', [0, 1, 2].map(partition => ['orders', partition, 1] as [string, number, number]))];
		await readRecordTimes(round, groups, [topic('orders', [1, 1, 1])], new RecordTimeCache(), {maxPartitionsPerLeader: 2, partitionMaxBytes: 65_536, maxBytes: 1_048_576});
		expect(asked[0]!.request.topics[0]!.partitions).toHaveLength(2);
		expect(groups[0]!.offsets[2]!.nextRecord).toEqual({unknown: 'not read yet: ktop reads at most 2 partitions a broker a refresh'});
	});
});
