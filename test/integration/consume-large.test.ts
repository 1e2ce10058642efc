import {randomBytes} from 'node:crypto';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {bootstrapServers} from '../../cluster/layout.js';
import type {ConsumeSession} from '../../source/model/consume-types.js';
import {testKafka} from '../helpers/kafka.js';
import {ktop} from '../helpers/run-ktop.js';
import {caughtUp, collectingSession, TestTopics} from './consume-helpers.js';

const kafka = testKafka('ktop-consume-large-test');
const admin = kafka.admin();
const topics = new TestTopics(admin);
const sessions: ConsumeSession[] = [];
const fiveMib = 5 * 1024 * 1024;
const big = randomBytes(fiveMib);
let topic: string;

beforeAll(async () => {
	await admin.connect();
	topic = await topics.create('ktop-consume-large', 1, [{name: 'max.message.bytes', value: String(12 * 1024 * 1024)}]);
	const producer = kafka.producer();
	await producer.connect();
	// Separate sends: the 5 MiB record is a batch of its own, larger than a Fetch's maxBytes (2 MiB).
	await producer.send({topic, acks: -1, messages: [{key: 'before', value: 'small'}]});
	await producer.send({topic, acks: -1, messages: [{key: 'big', value: big, headers: {kind: 'blob'}}]});
	await producer.send({topic, acks: -1, messages: [{key: 'after', value: 'small too'}]});
	await producer.disconnect();
});

afterAll(async () => {
	await Promise.all(sessions.map(async session => session.close()));
	await topics.deleteAll();
	await admin.disconnect();
});

describe('a 5 MiB record', () => {
	it('is held cut to maxValueBytes, flagged, with its full size, and the records after it still come', async () => {
		let maxLoopDelayMs = 0;
		let expected = performance.now() + 10;
		const sampler = setInterval(() => {
			maxLoopDelayMs = Math.max(maxLoopDelayMs, performance.now() - expected);
			expected = performance.now() + 10;
		}, 10);
		const {session, records} = await collectingSession({topic, start: {kind: 'beginning'}});
		sessions.push(session);
		await caughtUp(session, 3);
		clearInterval(sampler);
		console.log(`[consume large] largest event-loop delay while reading the 5 MiB record: ${maxLoopDelayMs.toFixed(1)} ms`);
		expect(records.map(record => [record.key?.toString(), record.truncated])).toEqual([['before', false], ['big', true], ['after', false]]);
		const record = records[1]!;
		expect(record.value).toEqual(big.subarray(0, 64 * 1024));
		expect(record.size).toBe('big'.length + fiveMib + 'kind'.length + 'blob'.length);
		expect(record.headers[0]!.value?.toString()).toBe('blob');
		expect(maxLoopDelayMs).toBeLessThan(500);
	});

	it('honours a smaller maxValueBytes', async () => {
		const {session, records} = await collectingSession({topic, start: {kind: 'offset', offset: '1'}, maxValueBytes: 100});
		sessions.push(session);
		await caughtUp(session, 2);
		expect(records[0]!.value).toHaveLength(100);
		expect(records[1]!.value?.toString()).toBe('small too');
	});

	it('is printed as a preview with its size by `ktop consume`', async () => {
		const result = await ktop(['consume', topic, '-b', bootstrapServers.join(','), '--from', 'beginning', '--exit']);
		expect(result.code).toBe(0);
		const lines = result.stdout.trim().split('\n');
		expect(lines).toHaveLength(3);
		expect(lines[1]).toMatch(new RegExp(`^0\\t1\\t\\S+\\tbig\\t.+…\\(cut; record is ${'big'.length + fiveMib + 8} bytes\\)\\th:kind=blob$`));
		expect(lines[1]!.length).toBeLessThan(10_000);
	});
});
