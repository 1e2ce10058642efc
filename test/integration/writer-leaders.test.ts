import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {Unready, waitFor} from '../../cluster/wait-for.js';
import {testKafka} from '../helpers/kafka.js';
import {WriterFixture} from './writer-helpers.js';

const admin = testKafka('ktop-writer-leaders-test').admin();
const fixture = new WriterFixture(admin);

beforeAll(async () => admin.connect());
afterAll(async () => {
	await fixture.cleanUp();
	await admin.disconnect();
});

type Leadership = {leader: number; replicas: number[]; isr: number[]};

/** Partition 0 as kafkajs' admin sees it, once every broker it asks agrees with `ready`. */
async function partitionZero(topic: string, ready: (partition: Leadership) => boolean, what: string): Promise<Leadership> {
	return waitFor(async () => {
		const metadata = await admin.fetchTopicMetadata({topics: [topic]});
		const partition = metadata.topics[0]!.partitions.find(candidate => candidate.partitionId === 0)!;
		const seen = {leader: partition.leader, replicas: partition.replicas, isr: [...partition.isr].sort()};
		return ready(seen) ? seen : new Unready(JSON.stringify(seen));
	}, {timeoutMs: 60_000, what});
}

describe('the ClusterWriter\'s preferred leader election, against the local cluster', () => {
	it('moves a partition\'s leadership back to its preferred replica, then finds nothing to do', async () => {
		const writer = fixture.writer();
		// Broker 2 is preferred and leads; reordering the replicas to [1, 2, 3] makes 1 preferred while 2 keeps leading.
		// No broker is stopped: the cluster is shared.
		const topic = fixture.topicName('ktop-writer-elect');
		await admin.createTopics({waitForLeaders: true, topics: [{topic, replicaAssignment: [{partition: 0, replicas: [2, 1, 3]}]}]});
		await partitionZero(topic, partition => partition.leader === 2 && partition.isr.length === 3, 'broker 2 to lead with a full ISR');
		await admin.alterPartitionReassignments({topics: [{topic, partitionAssignment: [{partition: 0, replicas: [1, 2, 3]}]}]});
		await partitionZero(topic, partition => partition.replicas.join() === '1,2,3', 'the replicas to be reordered');
		await waitFor(async () => {
			const {topics} = await admin.listPartitionReassignments({topics: [{topic, partitions: [0]}]});
			return topics.length === 0 ? true : new Unready('reassignment in progress');
		}, {timeoutMs: 60_000, what: 'the reassignment to finish'});

		const before = await waitFor(async () => {
			const [partition] = await writer.readPartitions([topic]);
			return partition!.replicas.join() === '1,2,3' ? partition! : new Unready(JSON.stringify(partition));
		}, {timeoutMs: 30_000, what: 'the writer to see the new replica order'});
		expect(before).toMatchObject({topic, partition: 0, leader: 2, replicas: [1, 2, 3]});

		expect(await writer.electPreferredLeaders([{topic, partition: 0}])).toEqual([{topic, partition: 0, outcome: {ok: true}}]);
		await partitionZero(topic, partition => partition.leader === 1, 'broker 1, now preferred, to lead');

		expect(await writer.electPreferredLeaders([{topic, partition: 0}])).toEqual([{topic, partition: 0, outcome: {ok: true, notNeeded: true}}]);
	});

	it('reports each partition on its own: one that does not exist fails, the others go ahead', async () => {
		const writer = fixture.writer();
		const topic = await fixture.topic('ktop-writer-elect-parts', 2);
		const missing = fixture.topicName('ktop-writer-nothing');
		expect(await writer.electPreferredLeaders([{topic, partition: 0}, {topic, partition: 5}, {topic: missing, partition: 0}, {topic, partition: 1}])).toEqual([
			{topic, partition: 0, outcome: {ok: true, notNeeded: true}},
			{topic, partition: 5, outcome: {ok: false, failure: {
				code: 'UNKNOWN_TOPIC_OR_PARTITION',
				message: `${topic}-5 does not exist`,
				next: 'refresh: it may have just been deleted or not be created yet',
				detail: 'The partition does not exist.',
			}}},
			{topic: missing, partition: 0, outcome: {ok: false, failure: expect.objectContaining({code: 'UNKNOWN_TOPIC_OR_PARTITION', message: `${missing}-0 does not exist`}) as object}},
			{topic, partition: 1, outcome: {ok: true, notNeeded: true}},
		]);
		expect(await writer.electPreferredLeaders([])).toEqual([]);
	});
});
