import {createRequire} from 'node:module';
import {describe, expect, it} from 'vitest';
import {failureText} from '../../../source/cluster/kafka/failure-text.js';
import {Partitioners} from 'kafkajs';
import {defaultSocketFactory, errorName, openWire} from '../../../source/cluster/kafka/kafkajs-wire.js';
import {Decoder, Encoder} from '../../../source/cluster/kafka/writer/kafkajs-codec.js';
import {NoReply, withTimeout} from '../../../source/cluster/with-timeout.js';

// ktop reaches below kafkajs' public API in one file (kafkajs-wire.ts); an upgrade that moves
// those internals must fail here, not in front of an operator.
describe('the kafkajs internals ktop relies on', () => {
	it('load, and build a wire with every request ktop sends', () => {
		const wire = openWire('127.0.0.1', 1, 'ktop-test', {connectionTimeoutMs: 100, requestTimeoutMs: 100});
		expect(wire.address).toBe('127.0.0.1:1');
		for (const request of ['connect', 'disconnect', 'metadata', 'listOffsets', 'describeTopicConfigs', 'listGroups', 'describeGroups', 'offsetFetch',
			'createTopics', 'deleteTopics', 'createPartitions', 'deleteRecords', 'deleteGroups', 'offsetCommit', 'produce', 'findGroupCoordinator', 'request'] as const) {
			expect(typeof wire[request]).toBe('function');
		}
	});

	it('have the write codecs the ClusterWriter uses, at versions with the fields it needs', () => {
		const require = createRequire(import.meta.url);
		const {requests} = require('kafkajs/src/protocol/requests') as {requests: Record<string, {versions: string[]}>};
		const highest = (api: string) => Math.max(...requests[api]!.versions.map(Number));
		// validate_only needs CreateTopics v1; error_message v1; OffsetCommit v5 drops retention_time.
		expect(highest('CreateTopics')).toBeGreaterThanOrEqual(1);
		expect(highest('CreatePartitions')).toBeGreaterThanOrEqual(0);
		expect(highest('DeleteTopics')).toBeGreaterThanOrEqual(1);
		expect(highest('DeleteRecords')).toBeGreaterThanOrEqual(0);
		expect(highest('DeleteGroups')).toBeGreaterThanOrEqual(0);
		expect(highest('OffsetCommit')).toBe(5);
		// Produce v3+ carries record batches (headers); kafkajs encodes them.
		expect(highest('Produce')).toBeGreaterThanOrEqual(3);
		expect(highest('GroupCoordinator')).toBeGreaterThanOrEqual(1);
		expect(typeof defaultSocketFactory).toBe('function');
	});

	it('encode and decode with the kafkajs Encoder and Decoder ktop\'s own codecs are written with', () => {
		const encoded = new Encoder().writeInt8(-1).writeInt16(300).writeInt32(70_000).writeBoolean(true).writeString('ktop').writeString(null)
			.writeArray([new Encoder().writeInt32(5)]).writeArray([1, 2], 'int32').buffer;
		const decoder = new Decoder(encoded);
		expect([decoder.readInt8(), decoder.readInt16(), decoder.readInt32(), decoder.readBoolean(), decoder.readString(), decoder.readString()]).toEqual([-1, 300, 70_000, true, 'ktop', null]);
		expect(decoder.readArray(item => item.readInt32())).toEqual([5]);
		expect(decoder.readArray(item => item.readInt32())).toEqual([1, 2]);
	});

	it('partition keyed records with murmur2 over all partitions, as Java clients do', () => {
		const partition = Partitioners.DefaultPartitioner();
		// Half of the partitions without a leader: a keyed record's partition must not depend on that (Java's does not).
		const partitionMetadata = Array.from({length: 1000}, (_, partitionId) => ({partitionId, leader: partitionId % 2 === 0 ? 1 : -1, partitionErrorCode: 0, replicas: [1], isr: [1]}));
		// Kafka's own murmur2 test vectors (UtilsTest.testMurmur2), then Java's toPositive(hash) % partitions.
		const vectors: Array<[string, number]> = [['21', -973_932_308], ['foobar', -790_332_482], ['a-little-bit-long-string', -985_981_536],
			['a-little-bit-longer-string', -1_486_304_829], ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58_897_971], ['abc', 479_470_107]];
		for (const [key, hash] of vectors) {
			expect(partition({topic: 't', partitionMetadata, message: {key: Buffer.from(key), value: null}}), key).toBe((hash & 0x7F_FF_FF_FF) % 1000);
		}
	});

	it('name error codes the way the protocol does', () => {
		expect(errorName(3)).toBe('UNKNOWN_TOPIC_OR_PARTITION');
		expect(errorName(16)).toBe('NOT_COORDINATOR_FOR_GROUP');
		expect(errorName(31_337)).toBe('error code 31337');
	});
});

describe('failureText', () => {
	it('says what happened in an operator\'s words', () => {
		expect(failureText(new NoReply(2000))).toBe('no reply within 2000 ms');
		expect(failureText(Object.assign(new Error('Connection error: connect ECONNREFUSED 127.0.0.1:9094'), {name: 'KafkaJSConnectionError', code: 'ECONNREFUSED'}))).toBe('connection refused');
		expect(failureText(Object.assign(new Error('Connection timeout'), {name: 'KafkaJSConnectionError'}))).toBe('connect timed out');
		expect(failureText(Object.assign(new Error('Request Metadata(key: 3, version: 6) timed out'), {name: 'KafkaJSRequestTimeoutError'}))).toBe('request timed out');
		expect(failureText(new Error('something else'))).toBe('something else');
	});
});

describe('withTimeout', () => {
	it('settles with the work, or rejects with NoReply and swallows the late rejection', async () => {
		await expect(withTimeout(Promise.resolve(7), 50)).resolves.toBe(7);
		const late = new Promise((_resolve, reject) => {
			setTimeout(() => {
				reject(new Error('late'));
			}, 80);
		});
		await expect(withTimeout(late, 20)).rejects.toBeInstanceOf(NoReply);
		await new Promise(resolve => {
			setTimeout(resolve, 100);
		});
	});
});
