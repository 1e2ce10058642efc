import {afterAll, describe, expect, it} from 'vitest';
import {startNode, stopNode} from '../../cluster/harness.js';
import {kafkaNodes, zookeeperConnect} from '../../cluster/layout.js';
import {Unready, waitFor} from '../../cluster/wait-for.js';
import {openZkSession} from '../../source/cluster/zookeeper/session.js';
import {testKafka, uniqueTopic} from '../helpers/kafka.js';

const log = () => undefined;
const kafka = testKafka();
const admin = kafka.admin();

async function isrOf(topic: string, partition: number): Promise<number[]> {
	const metadata = await admin.fetchTopicMetadata({topics: [topic]});
	const found = metadata.topics[0]?.partitions.find(p => p.partitionId === partition);
	if (!found) throw new Error(`no metadata for ${topic}-${partition}`);
	return [...found.isr].sort((a, b) => a - b);
}

describe('the local Kafka brokers', () => {
	let stopped: string | undefined;
	afterAll(async () => {
		if (stopped) await startNode(stopped, log);
		await admin.disconnect();
	});

	it('are registered in ZooKeeper as brokers 1, 2 and 3, with their endpoints and racks', async () => {
		const session = await openZkSession(zookeeperConnect);
		try {
			const ids = await session.getChildren('/brokers/ids');
			expect(ids.map(Number).sort()).toEqual([1, 2, 3]);
			const registration = JSON.parse((await session.getData('/brokers/ids/2'))!.data) as {endpoints: string[]; rack: string};
			expect(registration.endpoints).toEqual([`PLAINTEXT://127.0.0.1:${kafkaNodes[1]!.port}`]);
			expect(registration.rack).toBe('rack-b');
		} finally {
			session.close();
		}
	});

	it('create, produce to and consume from a topic with replication factor 3', async () => {
		const topic = uniqueTopic('harness-rf3');
		await admin.connect();
		expect(await admin.createTopics({topics: [{topic, numPartitions: 3, replicationFactor: 3}], waitForLeaders: true})).toBe(true);
		const metadata = await admin.fetchTopicMetadata({topics: [topic]});
		for (const partition of metadata.topics[0]!.partitions) expect([...partition.replicas].sort()).toEqual([1, 2, 3]);

		const producer = kafka.producer();
		await producer.connect();
		const sent = Array.from({length: 30}, (_, i) => ({key: `k${i}`, value: `v${i}`}));
		await producer.send({topic, acks: -1, messages: sent});
		await producer.disconnect();

		const consumer = kafka.consumer({groupId: uniqueTopic('harness-group')});
		const received: string[] = [];
		await consumer.connect();
		await consumer.subscribe({topic, fromBeginning: true});
		await consumer.run({eachMessage: async ({message}) => {
			received.push(message.value!.toString());
		}});
		try {
			await waitFor(async () => (received.length >= sent.length ? true : new Unready(`${received.length} of ${sent.length}`)), {timeoutMs: 60_000, what: 'all records consumed'});
		} finally {
			await consumer.disconnect();
		}

		expect(received.sort()).toEqual(sent.map(m => m.value).sort());
	});

	it('shrink the ISR when kafka2 is killed and expand it when kafka2 starts again', async () => {
		const topic = uniqueTopic('harness-isr');
		await admin.connect();
		await admin.createTopics({topics: [{topic, numPartitions: 1, replicationFactor: 3}], waitForLeaders: true});
		await waitFor(async () => ((await isrOf(topic, 0)).length === 3 ? true : undefined), {timeoutMs: 30_000, what: 'a full ISR'});

		await stopNode('kafka2', log);
		stopped = 'kafka2';
		const shrunk = await waitFor(async () => {
			const isr = await isrOf(topic, 0);
			return isr.includes(2) ? new Unready(`ISR [${isr.join(',')}]`) : isr;
		}, {timeoutMs: 60_000, what: 'broker 2 to leave the ISR'});
		expect(shrunk).toEqual([1, 3]);

		await startNode('kafka2', log);
		stopped = undefined;
		const expanded = await waitFor(async () => {
			const isr = await isrOf(topic, 0);
			return isr.length === 3 ? isr : new Unready(`ISR [${isr.join(',')}]`);
		}, {timeoutMs: 60_000, what: 'broker 2 to rejoin the ISR'});
		expect(expanded).toEqual([1, 2, 3]);
	});
});
