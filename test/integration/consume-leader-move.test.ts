import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startNode, stopNode} from '../../cluster/harness.js';
import {Unready, waitFor} from '../../cluster/wait-for.js';
import type {ConsumeSession} from '../../source/model/consume-types.js';
import {testKafka} from '../helpers/kafka.js';
import {byPartition, caughtUp, collectingSession, kcatProduce, TestTopics} from './consume-helpers.js';

const log = () => undefined;
const kafka = testKafka('ktop-consume-leader-test');
const admin = kafka.admin();
const topics = new TestTopics(admin);
const sessions: ConsumeSession[] = [];
let stopped: string | undefined;

/** Records `from`..`from + count - 1` round-robin over the 3 partitions, with kcat (librdkafka retries until the new leader takes them). */
async function produce(topic: string, from: number, count: number): Promise<void> {
	await Promise.all([0, 1, 2].map(async partition => {
		const values = Array.from({length: count}, (_, index) => from + index).filter(value => value % 3 === partition).map(value => `v${value}`);
		await kcatProduce(topic, `${values.join('\n')}\n`, ['-p', String(partition)]);
	}));
}

beforeAll(async () => {
	await admin.connect();
});

afterAll(async () => {
	await Promise.all(sessions.map(async session => session.close()));
	if (stopped) await startNode(stopped, log);
	await topics.deleteAll();
	await admin.disconnect();
});

describe('a leader that goes away', () => {
	it('is followed to the new leader: the stream reports the failure, retries, and misses nothing', async () => {
		const topic = await topics.create('ktop-consume-leader', 3, [{name: 'min.insync.replicas', value: '1'}]);
		await produce(topic, 0, 30);
		const {session, records} = await collectingSession({topic, start: {kind: 'beginning'}});
		sessions.push(session);
		await caughtUp(session, 30);

		const metadata = await admin.fetchTopicMetadata({topics: [topic]});
		const leader = metadata.topics[0]!.partitions.find(partition => partition.partitionId === 0)!.leader;
		stopped = `kafka${leader}`;
		await stopNode(stopped, log);
		// The operator sees why partition 0 is not moving while Kafka elects a new leader.
		const shown = await waitFor(async () => session.getStats().error ?? new Unready('no error shown'), {timeoutMs: 30_000, intervalMs: 20, what: 'the failure to show'});
		expect(shown).toMatch(/partition.* 0.*: broker \d \(127\.0\.0\.1:\d+\): connection (refused|closed|reset).*\(retrying\)$|no leader/);
		await produce(topic, 30, 30);
		// The records really are in the log (kafkajs' producer was seen to report a send to a
		// partition whose leader had just died as done, though nothing was written).
		expect((await admin.fetchTopicOffsets(topic)).map(partition => partition.high)).toEqual(['20', '20', '20']);
		await caughtUp(session, 60);
		await startNode(stopped, log);
		stopped = undefined;

		for (const partition of [0, 1, 2]) {
			expect(byPartition(records).get(partition)).toEqual(Array.from({length: 20}, (_, index) => String(index)));
		}

		await waitFor(async () => session.getStats().error === undefined ? true : new Unready(session.getStats().error!), {timeoutMs: 30_000, what: 'the error to clear'});
	});
});
