import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {pauseNode, resumeNode} from '../../cluster/harness.js';
import {bootstrapServers, kafkaNodes} from '../../cluster/layout.js';
import {Unready, waitFor} from '../../cluster/wait-for.js';
import {createKafkaSource, type KafkaSource, type KafkaSourceOptions} from '../../source/cluster/kafka/kafka-source.js';
import type {KafkaView} from '../../source/cluster/types.js';
import {commitGroupOffsets, testKafka, uniqueTopic} from '../helpers/kafka.js';

const log = () => undefined;
const kafka = testKafka('ktop-source-test');
const admin = kafka.admin();
const sources: KafkaSource[] = [];
const createdTopics: string[] = [];
const createdGroups: string[] = [];

function source(bootstrap = bootstrapServers, options: KafkaSourceOptions = {}): KafkaSource {
	const created = createKafkaSource(bootstrap, options);
	sources.push(created);
	return created;
}

async function createTopic(prefix: string, records: number): Promise<string> {
	const topic = uniqueTopic(prefix);
	createdTopics.push(topic);
	await admin.createTopics({
		waitForLeaders: true,
		topics: [{topic, numPartitions: 3, replicationFactor: 3, configEntries: [{name: 'min.insync.replicas', value: '2'}]}],
	});
	if (records > 0) {
		const producer = kafka.producer();
		await producer.connect();
		await producer.send({topic, acks: -1, messages: Array.from({length: records}, (_, i) => ({key: `k${i}`, value: `v${i}`}))});
		await producer.disconnect();
	}

	return topic;
}

const topicIn = (view: KafkaView, name: string) => view.topics.find(topic => topic.name === name);
const groupIn = (view: KafkaView, groupId: string) => view.groups.find(group => group.groupId === groupId);

beforeAll(async () => {
	await admin.connect();
	// A fresh cluster has no __consumer_offsets until some group commits.
	const topic = await createTopic('ktop-source-bootstrap', 0);
	const groupId = uniqueTopic('ktop-source-bootstrap-group');
	createdGroups.push(groupId);
	await commitGroupOffsets(kafka, groupId, topic, [{partition: 0, offset: '0'}]);
});

afterAll(async () => {
	await Promise.all(sources.map(async created => created.close()));
	// Best effort: a shared cluster should not collect every run's topics and groups.
	await admin.deleteGroups(createdGroups).catch(() => undefined);
	await admin.deleteTopics({topics: createdTopics}).catch(() => undefined);
	await admin.disconnect();
});

describe('the Kafka source against the local cluster', () => {
	it('reads a new topic\'s watermarks and each broker\'s topic defaults', async () => {
		const topic = await createTopic('ktop-source-wm', 10);
		const view = await waitFor(async () => {
			const read = await source().read();
			return topicIn(read, topic) ? read : new Unready('topic not in the view yet');
		}, {timeoutMs: 30_000, what: `${topic} in the view`});
		const found = topicIn(view, topic)!;
		expect(found.internal).toBe(false);
		expect(found.partitions).toHaveLength(3);
		for (const partition of found.partitions) {
			expect(partition.lowWatermark).toBe(0);
			expect([...partition.replicas].sort()).toEqual([1, 2, 3]);
		}

		expect(found.partitions.reduce((sum, partition) => sum + partition.highWatermark!, 0)).toBe(10);
		// The local cluster's server.properties: Kafka's defaults (min.insync.replicas 1, delete, 168 hours).
		expect(view.brokerDefaults).toEqual([1, 2, 3].map(brokerId => ({brokerId, defaults: {minInsyncReplicas: 1, cleanupPolicy: 'delete', retentionMs: 604_800_000}})));
		expect(topicIn(view, '__consumer_offsets')?.internal).toBe(true);
		expect(view.errors).toEqual([]);
	});

	it('agrees with a fresh kafkajs admin on brokers, controller and every partition\'s leader, replicas and ISR', async () => {
		const reader = source();
		// Other tests move leaders on this shared cluster: compare until one pair of reads agrees.
		await waitFor(async () => {
			const view = await reader.read();
			const [cluster, metadata] = await Promise.all([
				admin.describeCluster(),
				admin.fetchTopicMetadata({topics: view.topics.map(topic => topic.name)}),
			]);
			const ours = view.topics.flatMap(topic => topic.partitions.map(partition => `${topic.name}-${partition.partition} leader ${partition.leader} replicas ${partition.replicas.join(',')} isr ${partition.isr.join(',')}`)).sort();
			const theirs = metadata.topics.flatMap(topic => topic.partitions.map(partition => `${topic.name}-${partition.partitionId} leader ${partition.leader} replicas ${partition.replicas.join(',')} isr ${[...partition.isr].sort((a, b) => a - b).join(',')}`)).sort();
			const difference = ours.filter(line => !theirs.includes(line));
			if (difference.length > 0 || ours.length !== theirs.length) return new Unready(`differ: ${difference.slice(0, 3).join('; ')}`);
			expect(view.brokers.map(broker => `${broker.id} ${broker.host}:${broker.port}`)).toEqual(cluster.brokers.map(broker => `${broker.nodeId} ${broker.host}:${broker.port}`).sort());
			expect(view.controllerId).toBe(cluster.controller);
			expect(view.clusterId).toBe(cluster.clusterId);
			expect(ours.length).toBeGreaterThan(0);
			return true;
		}, {timeoutMs: 60_000, what: 'ktop and kafkajs to agree on the metadata'});
	});

	it('shows a consumer group\'s members and assignments while it runs, its committed offsets, and Empty after it leaves', async () => {
		const topic = await createTopic('ktop-source-group', 10);
		const groupId = uniqueTopic('ktop-source-group');
		createdGroups.push(groupId);
		const reader = source();
		const consumer = kafka.consumer({groupId});
		let consumed = 0;
		// The log's end, not the 10 sent: a producer retry under load may have written a record twice.
		let end = 0;
		await consumer.connect();
		try {
			await consumer.subscribe({topic, fromBeginning: true});
			await consumer.run({eachMessage: async () => {
				consumed++;
			}});
			const running = await waitFor(async () => {
				const view = await reader.read();
				const group = groupIn(view, groupId);
				end = topicIn(view, topic)?.partitions.reduce((sum, partition) => sum + (partition.highWatermark ?? 0), 0) ?? 0;
				const committed = group?.offsets.filter(offset => offset.topic === topic).reduce((sum, offset) => sum + offset.committed, 0);
				return group?.state === 'Stable' && end >= 10 && committed === end ? group : new Unready(`state ${group?.state}, committed ${committed} of ${end}, consumed ${consumed}`);
			}, {timeoutMs: 60_000, what: 'the group to be Stable with every record committed'});
			expect(running).toMatchObject({protocolType: 'consumer', error: undefined});
			expect(running.members).toHaveLength(1);
			expect(running.members[0]).toMatchObject({clientId: 'ktop-source-test', host: '127.0.0.1'});
			expect(running.members[0]!.assignments).toEqual([{topic, partitions: [0, 1, 2]}]);
			expect(running.offsets.map(offset => offset.partition)).toEqual([0, 1, 2]);
		} finally {
			await consumer.disconnect();
		}

		const left = await waitFor(async () => {
			const group = groupIn(await reader.read(), groupId);
			return group?.state === 'Empty' ? group : new Unready(`state ${group?.state}`);
		}, {timeoutMs: 30_000, what: 'the group to be Empty'});
		expect(left.members).toEqual([]);
		expect(left.offsets.reduce((sum, offset) => sum + offset.committed, 0)).toBe(end);
	});

	it('rejects with the reason when no broker answers metadata', async () => {
		const started = performance.now();
		await expect(source(['127.0.0.1:1']).read()).rejects.toThrow('Kafka metadata from 127.0.0.1:1 could not be read: no broker answered a metadata request (127.0.0.1:1: connection refused)');
		expect(performance.now() - started).toBeLessThan(2000);
	});
});

describe('the Kafka source while kafka3 is paused (SIGSTOP: hung, not dead)', () => {
	let paused = false;
	afterAll(async () => {
		if (paused) await resumeNode('kafka3', log);
	});

	it('completes reads within a bounded time, says which broker did not answer, and probes it unreachable', async () => {
		// Partition 0 led by kafka3, 1 and 2 by the others: leaders move after earlier faults, so say so explicitly.
		const topic = uniqueTopic('ktop-source-paused');
		createdTopics.push(topic);
		await admin.createTopics({waitForLeaders: true, topics: [{topic, replicaAssignment: [
			{partition: 0, replicas: [3, 1, 2]}, {partition: 1, replicas: [1, 2, 3]}, {partition: 2, replicas: [2, 3, 1]},
		]}]});
		// kafka3 first in the bootstrap list, so the source's preferred metadata broker is the one about to hang.
		const reader = source([bootstrapServers[2]!, bootstrapServers[0]!, bootstrapServers[1]!]);
		const before = await waitFor(async () => {
			const view = await reader.read();
			return topicIn(view, topic)?.partitions[0]?.leader === 3 ? view : new Unready(`${topic} partition 0 not led by 3 yet`);
		}, {timeoutMs: 30_000, what: 'kafka3 to lead partition 0'});
		expect(before.brokers.map(broker => broker.id)).toEqual([1, 2, 3]);

		await pauseNode('kafka3', log);
		paused = true;
		// ZooKeeper expires kafka3's session after 6 s here and the controller then drops it from metadata:
		// this read runs while it is still listed, so every part of the refresh meets the hung broker.
		let started = performance.now();
		const during = await reader.read();
		const firstReadMs = performance.now() - started;
		expect(firstReadMs).toBeLessThan(8000);
		expect(during.brokers.map(broker => broker.id)).toEqual([1, 2, 3]);
		const hung = `broker 3 (127.0.0.1:${kafkaNodes[2]!.port}): no reply within 3000 ms`;
		expect(during.errors).toContainEqual({source: 'kafka:groups', message: `${hung} (the groups it coordinates are missing)`});
		const watermarkError = during.errors.find(error => error.source === 'kafka:watermarks');
		expect(watermarkError?.message).toContain(hung);
		const partitions = topicIn(during, topic)!.partitions;
		expect(partitions[0]?.highWatermark).toBeUndefined();
		expect(partitions[1]?.highWatermark).toBe(0);
		expect(partitions[2]?.highWatermark).toBe(0);
		// It timed out, so it is left alone for a while, and the view says so.
		expect(during.backoffs).toEqual([expect.objectContaining({brokerId: 3, timeouts: 1})]);

		// The rest of the cluster is still read.
		expect(during.topics.length).toBeGreaterThan(0);
		expect(during.topics.some(topic => topic.partitions.some(partition => partition.highWatermark !== undefined))).toBe(true);

		started = performance.now();
		const probes = await reader.probeBrokers([
			...before.brokers,
			{id: 9, host: '127.0.0.1', port: 1},
		]);
		expect(performance.now() - started).toBeLessThan(3000);
		// Backing off: not probed again until the backoff ends (it timed out moments ago).
		expect(probes.get(3)).toEqual({reachable: false, error: expect.stringContaining('not asked: backing off') as string});
		expect(probes.get(1)).toMatchObject({reachable: true});
		expect(probes.get(2)).toMatchObject({reachable: true});
		expect(probes.get(1)!.latencyMs).toBeLessThan(2000);
		expect(probes.get(9)).toEqual({reachable: false, error: 'connection refused'});

		started = performance.now();
		await reader.read();
		expect(performance.now() - started).toBeLessThan(8000);
		console.log(`paused kafka3: first read ${Math.round(firstReadMs)} ms, second ${Math.round(performance.now() - started)} ms`);

		await resumeNode('kafka3', log);
		paused = false;
		// The same source reconnects: a clean read with all three brokers again.
		const after = await waitFor(async () => {
			const view = await reader.read();
			return view.brokers.length === 3 && view.errors.length === 0 ? view : new Unready(`${view.brokers.length} brokers, errors ${JSON.stringify(view.errors)}`);
		}, {timeoutMs: 90_000, what: 'a clean read after kafka3 resumed'});
		expect(after.brokers.map(broker => broker.id)).toEqual([1, 2, 3]);
		expect((await reader.probeBrokers(after.brokers)).get(3)).toMatchObject({reachable: true});
	});
});
