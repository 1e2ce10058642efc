import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {bootstrapServers} from '../../cluster/layout.js';
import {BrokerConnections} from '../../source/cluster/kafka/broker-connections.js';
import type {ConsumeSession} from '../../source/model/consume-types.js';
import {testKafka} from '../helpers/kafka.js';
import {caughtUp, collectingSession, kcatProduce, summary, TestTopics} from './consume-helpers.js';

const admin = testKafka('ktop-consume-codecs-test').admin();
const topics = new TestTopics(admin);
const sessions: ConsumeSession[] = [];
const count = 2000;
/** Kafka's compression type ids, as in a batch's attributes. */
const codecs = {gzip: 1, snappy: 2, lz4: 3, zstd: 4} as const;

const lines = (codec: string) => Array.from({length: count}, (_, index) => `key-${index}:${codec} record ${index} {"amount":${index * 7},"note":"${'compressible '.repeat(5)}"}`);

/** The compression type of the first batch in partition 0, read straight off the wire. */
async function firstBatchCodec(topic: string): Promise<number> {
	const connections = new BrokerConnections(bootstrapServers, {clientId: 'ktop-test', requestTimeoutMs: 5000, connectionTimeoutMs: 3000, roundTimeoutMs: 10_000});
	try {
		const round = connections.round();
		const metadata = await connections.readMetadata(round);
		const leader = metadata.topicMetadata.find(entry => entry.topic === topic)!.partitionMetadata[0]!.leader;
		const reply = await round.call(leader, async wire => wire.fetch({
			maxWaitTime: 100, minBytes: 1, maxBytes: 65_536, topics: [{topic, partitions: [{partition: 0, fetchOffset: '0', maxBytes: 65_536}]}],
		}));
		// Attributes follow base offset (8), length (4), leader epoch (4), magic (1) and crc (4).
		return reply.topics[0]!.partitions[0]!.records.readInt16BE(21) & 0x07;
	} finally {
		await connections.close();
	}
}

beforeAll(async () => {
	await admin.connect();
});

afterAll(async () => {
	await Promise.all(sessions.map(async session => session.close()));
	await topics.deleteAll();
	await admin.disconnect();
});

describe('compressed topics, produced by kcat', () => {
	for (const [codec, id] of Object.entries(codecs)) {
		it(`${codec}: every record decodes, from the beginning and from inside a batch`, async () => {
			const topic = await topics.create(`ktop-consume-${codec}`, 1);
			await kcatProduce(topic, `${lines(codec).join('\n')}\n`, ['-p', '0', '-z', codec, '-K', ':', '-H', `codec=${codec}`]);
			// kcat really compressed: the batches on the broker carry the codec.
			expect(await firstBatchCodec(topic)).toBe(id);

			const all = await collectingSession({topic, start: {kind: 'beginning'}});
			sessions.push(all.session);
			await caughtUp(all.session, count);
			expect(summary(all.records)).toEqual(lines(codec).map((line, index) => `0:${index}:${line}`));
			expect(all.records.every(record => record.headers.length === 1 && record.headers[0]!.value?.toString() === codec)).toBe(true);

			// Offset 1001 is inside a compressed batch: the records before it in that batch are skipped.
			const tail = await collectingSession({topic, start: {kind: 'offset', offset: '1001'}});
			sessions.push(tail.session);
			await caughtUp(tail.session, count - 1001);
			expect(tail.records.map(record => record.offset)).toEqual(Array.from({length: count - 1001}, (_, index) => String(1001 + index)));
			expect(tail.records[0]!.key?.toString()).toBe('key-1001');
		});
	}
});
