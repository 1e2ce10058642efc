import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {bootstrapServers} from '../../cluster/layout.js';
import {openConsumeSession} from '../../source/model/consume-session.js';
import type {ConsumeSession, StartPosition} from '../../source/model/consume-types.js';
import {testKafka} from '../helpers/kafka.js';
import {byPartition, caughtUp, collectingSession, summary, TestTopics} from './consume-helpers.js';

const kafka = testKafka('ktop-consume-positions-test');
const admin = kafka.admin();
const topics = new TestTopics(admin);
const sessions: ConsumeSession[] = [];
const partitions = 3;
const perPartition = 10;
/** Record i of every partition has this timestamp + i seconds. */
const base = Date.now() - 3_600_000;
let topic: string;

const range = (from: number, to: number) => Array.from({length: to - from + 1}, (_, index) => String(from + index));

async function read(start: StartPosition, expected: number, chosen?: number[]) {
	const opened = await collectingSession({topic, start, partitions: chosen});
	sessions.push(opened.session);
	await caughtUp(opened.session, expected);
	return opened;
}

beforeAll(async () => {
	await admin.connect();
	topic = await topics.create('ktop-consume-positions', partitions);
	const producer = kafka.producer();
	await producer.connect();
	await producer.send({
		topic,
		acks: -1,
		messages: Array.from({length: partitions * perPartition}, (_, n) => {
			const partition = n % partitions;
			const index = Math.floor(n / partitions);
			return {partition, key: `p${partition}-k${index}`, value: `p${partition}-v${index}`, timestamp: String(base + (index * 1000)), headers: {index: String(index)}};
		}),
	});
	await producer.disconnect();
});

afterAll(async () => {
	await Promise.all(sessions.map(async session => session.close()));
	await topics.deleteAll();
	await admin.disconnect();
});

describe('consume start positions against the local cluster', () => {
	it('from the beginning: every record of every partition, in order, byte for byte', async () => {
		const {session, records} = await read({kind: 'beginning'}, 30);
		expect(session.partitions).toEqual([0, 1, 2]);
		for (let partition = 0; partition < partitions; partition++) {
			const mine = records.filter(record => record.partition === partition);
			expect(mine.map(record => [record.offset, record.key?.toString(), record.value?.toString(), record.timestamp, record.headers[0]?.value?.toString()]))
				.toEqual(range(0, 9).map(offset => [offset, `p${partition}-k${offset}`, `p${partition}-v${offset}`, base + (Number(offset) * 1000), offset]));
		}

		expect(records.every(record => record.topic === topic && !record.truncated)).toBe(true);
		// Sequence numbers are unique: the view's row keys.
		expect(new Set(records.map(record => record.seq)).size).toBe(30);
		const stats = session.getStats();
		expect(stats.partitions.map(partition => [partition.partition, partition.position, partition.highWatermark])).toEqual([[0, '10', '10'], [1, '10', '10'], [2, '10', '10']]);
		expect(stats.error).toBeUndefined();
		expect(stats.held).toBe(30);
		expect(session.getRecords()).toHaveLength(30);
	});

	it('from an offset: that offset on to the end, on each partition', async () => {
		const {records} = await read({kind: 'offset', offset: '4'}, 18);
		expect(records).toHaveLength(18);
		for (const partition of [0, 1, 2]) expect(byPartition(records).get(partition)).toEqual(range(4, 9));
	});

	it('from a time: the first record at or after it on, on each partition', async () => {
		const {records} = await read({kind: 'timestamp', at: base + 6000}, 12);
		expect(records).toHaveLength(12);
		for (const partition of [0, 1, 2]) expect(byPartition(records).get(partition)).toEqual(range(6, 9));
		// Just after a record's time: that record is not read.
		const later = await read({kind: 'timestamp', at: base + 6001}, 9);
		expect(byPartition(later.records).get(1)).toEqual(range(7, 9));
	});

	it('the last N of each partition', async () => {
		const {records} = await read({kind: 'last', count: 3}, 9);
		expect(summary(records.filter(record => record.partition === 2))).toEqual(['2:7:p2-k7:p2-v7', '2:8:p2-k8:p2-v8', '2:9:p2-k9:p2-v9']);
		for (const partition of [0, 1, 2]) expect(byPartition(records).get(partition)).toEqual(range(7, 9));
	});

	it('only the partitions chosen', async () => {
		const {session, records} = await read({kind: 'beginning'}, 20, [2, 0]);
		expect(session.partitions).toEqual([0, 2]);
		expect([...byPartition(records).keys()].sort()).toEqual([0, 2]);
		expect(session.getStats().partitions.map(partition => partition.partition)).toEqual([0, 2]);
	});

	it('from the end: only records produced after opening', async () => {
		const {session, records} = await read({kind: 'end'}, 0);
		const producer = kafka.producer();
		await producer.connect();
		await producer.send({topic, acks: -1, messages: [{partition: 1, key: 'late-1', value: 'a'}, {partition: 1, key: 'late-2', value: 'b'}]});
		await producer.disconnect();
		await caughtUp(session, 2);
		expect(summary(records)).toEqual(['1:10:late-1:a', '1:11:late-2:b']);
	});

	it('clamps an offset past the end to the end, and says so per partition', async () => {
		const {session, records} = await read({kind: 'offset', offset: '500'}, 0);
		expect(records).toEqual([]);
		const stats = session.getStats();
		expect(stats.partitions.find(partition => partition.partition === 0)).toEqual({
			partition: 0, position: '10', highWatermark: '10', notice: 'offset 500 is past the end (10): following from the end',
		});
	});

	it('follows the end when no record is that recent, saying so', async () => {
		const {session} = await read({kind: 'timestamp', at: Date.now() + 60_000}, 0);
		expect(session.getStats().partitions[0]!.notice).toMatch(/^no record at or after .*: following from the end \(10\)$/);
	});

	it('refuses an unknown topic, naming similar ones', async () => {
		const typo = `${topic.slice(0, -2)}xx`;
		await expect(openConsumeSession({bootstrap: bootstrapServers, topic: typo, start: {kind: 'end'}}))
			.rejects.toThrow(`topic "${typo}" does not exist; similar: ${topic}`);
		await expect(openConsumeSession({bootstrap: bootstrapServers, topic: 'ktop-no-such-topic-at-all-anywhere', start: {kind: 'end'}}))
			.rejects.toThrow(/^topic "ktop-no-such-topic-at-all-anywhere" does not exist \(the cluster has \d+ topics; ktop snapshot lists them\)$/);
	});

	it('refuses a partition the topic does not have', async () => {
		await expect(openConsumeSession({bootstrap: bootstrapServers, topic, start: {kind: 'end'}, partitions: [1, 7]}))
			.rejects.toThrow(`topic "${topic}" has no partition 7: its partitions are 0-2`);
	});

	it('filters held records by key or value, and applies the filter to arriving ones', async () => {
		const {session} = await read({kind: 'beginning'}, 32);
		session.setFilter('k[37]$');
		expect(session.getRecords().map(record => record.key?.toString()).sort()).toEqual(['p0-k3', 'p0-k7', 'p1-k3', 'p1-k7', 'p2-k3', 'p2-k7']);
		expect(session.getRecords()).toHaveLength(6);
		expect(session.getRecords()).toBe(session.getRecords());
		expect(session.getFilter()).toBe('k[37]$');
		const producer = kafka.producer();
		await producer.connect();
		await producer.send({topic, acks: -1, messages: [{partition: 0, key: 'new-k3', value: 'x'}, {partition: 0, key: 'new-k4', value: 'y'}]});
		await producer.disconnect();
		await caughtUp(session, 34);
		expect(session.getRecords().map(record => record.key?.toString())).toContain('new-k3');
		expect(session.getRecords().map(record => record.key?.toString())).not.toContain('new-k4');
		expect(() => session.setFilter('(')).toThrow(/invalid filter/);
		session.setFilter(undefined);
		expect(session.getRecords()).toHaveLength(34);
	});

	it('counts but does not hold records while paused', async () => {
		const {session} = await read({kind: 'end'}, 0);
		session.pause();
		const producer = kafka.producer();
		await producer.connect();
		await producer.send({topic, acks: -1, messages: [{partition: 2, key: 'paused', value: 'p'}]});
		await caughtUp(session, 1);
		expect(session.getStats()).toMatchObject({received: 1, receivedWhilePaused: 1, held: 0, paused: true});
		session.resume();
		await producer.send({topic, acks: -1, messages: [{partition: 2, key: 'resumed', value: 'r'}]});
		await producer.disconnect();
		await caughtUp(session, 2);
		expect(session.getStats()).toMatchObject({received: 2, receivedWhilePaused: 1, held: 1, paused: false});
		expect(session.getRecords().map(record => record.key?.toString())).toEqual(['resumed']);
	});
});
