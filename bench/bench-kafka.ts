import type {Admin, Kafka} from 'kafkajs';
import {localKafka} from '../cluster/local-kafka.js';
import {waitFor} from '../cluster/wait-for.js';

/** Every name the benchmark creates starts with this, so `--clean` can find them all. */
export const benchPrefix = 'bench-';

export function benchKafka(clientId = 'ktop-bench'): Kafka {
	return localKafka(clientId, {
		connectionTimeout: 5000,
		// Creating or deleting hundreds of topics in one request keeps the controller busy for a while.
		requestTimeout: 120_000,
		retry: {retries: 8, initialRetryTime: 300, maxRetryTime: 5000},
	});
}

export async function withAdmin<T>(kafka: Kafka, work: (admin: Admin) => Promise<T>): Promise<T> {
	const admin = kafka.admin();
	await admin.connect();
	try {
		return await work(admin);
	} finally {
		await admin.disconnect().catch(() => undefined);
	}
}

export async function listBenchTopics(admin: Admin, prefix = benchPrefix): Promise<string[]> {
	return (await admin.listTopics()).filter(topic => topic.startsWith(prefix)).sort();
}

/** Topics in batches (one huge CreateTopics request times out at the controller), then every partition has a leader. */
export async function createTopics(admin: Admin, topics: readonly string[], numPartitions: number, replicationFactor: number): Promise<void> {
	for (let index = 0; index < topics.length; index += 100) {
		const batch = topics.slice(index, index + 100);
		await admin.createTopics({waitForLeaders: false, timeout: 120_000, topics: batch.map(topic => ({topic, numPartitions, replicationFactor}))});
	}

	await waitFor(async () => {
		const {topics: described} = await admin.fetchTopicMetadata({topics: [...topics]});
		const leaderless = described.flatMap(topic => topic.partitions.filter(partition => partition.leader < 0).map(partition => `${topic.name}-${partition.partitionId}`));
		if (leaderless.length > 0) throw new Error(`${leaderless.length} partitions without a leader yet (${leaderless.slice(0, 3).join(', ')}…)`);
		return true;
	}, {timeoutMs: 600_000, intervalMs: 1000, what: `leaders for ${topics.length} new topics`});
}

/**
Deletes topics and waits until the brokers no longer list them: in ZooKeeper mode deletion is
asynchronous, and a topic of the same name cannot be created again until it is done.
*/
export async function deleteTopics(admin: Admin, topics: readonly string[]): Promise<void> {
	if (topics.length === 0) return;
	for (let index = 0; index < topics.length; index += 100) {
		await admin.deleteTopics({topics: topics.slice(index, index + 100), timeout: 120_000});
	}

	const doomed = new Set(topics);
	await waitFor(async () => {
		const left = (await admin.listTopics()).filter(topic => doomed.has(topic));
		if (left.length > 0) throw new Error(`${left.length} topics still being deleted`);
		return true;
	}, {timeoutMs: 900_000, intervalMs: 1000, what: `deletion of ${topics.length} topics`});
}

/** Low and high watermarks summed over a topic's partitions: how many records it holds. */
export async function recordCount(admin: Admin, topic: string): Promise<number> {
	const offsets = await admin.fetchTopicOffsets(topic);
	return offsets.reduce((sum, partition) => sum + Number(partition.high) - Number(partition.low), 0);
}
