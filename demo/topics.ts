import type {Admin} from 'kafkajs';
import {Unready, waitFor} from '../cluster/wait-for.js';
import type {Log} from './log.js';

export type DemoTopic = {
	name: string;
	partitions: number;
	replicationFactor: number;
	config: Record<string, string>;
};

/**
Chosen so ktop has something to show when a broker is stopped:
orders refuses acks=all writes once two of its three replicas are gone (min.insync.replicas=2),
payments keeps one spare replica, and audit (RF 1) goes offline with its only broker.
*/
export const demoTopics: DemoTopic[] = [
	{name: 'orders', partitions: 6, replicationFactor: 3, config: {'min.insync.replicas': '2'}},
	{name: 'payments', partitions: 3, replicationFactor: 2, config: {}},
	{name: 'audit', partitions: 1, replicationFactor: 1, config: {}},
];

export function describeTopic(topic: DemoTopic): string {
	const config = Object.entries(topic.config).map(([name, value]) => `, ${name}=${value}`).join('');
	return `${topic.name} (${topic.partitions} partition${topic.partitions === 1 ? '' : 's'}, RF ${topic.replicationFactor}${config})`;
}

/** Creates the topics that are missing; existing ones are left as they are, even if they differ (said so). */
export async function ensureTopics(admin: Admin, topics: DemoTopic[], log: Log): Promise<void> {
	const existing = new Set(await admin.listTopics());
	const missing = topics.filter(topic => !existing.has(topic.name));
	for (const topic of topics.filter(topic => existing.has(topic.name))) {
		await reportDrift(admin, topic, log);
	}

	if (missing.length > 0) {
		// Returns false instead of throwing when another run created them in the meantime.
		await admin.createTopics({
			topics: missing.map(topic => ({
				topic: topic.name,
				numPartitions: topic.partitions,
				replicationFactor: topic.replicationFactor,
				configEntries: Object.entries(topic.config).map(([name, value]) => ({name, value})),
			})),
		});
		for (const topic of missing) log(`created topic ${describeTopic(topic)}`);
	}

	await waitFor(async () => everyPartitionLed(admin, topics), {timeoutMs: 60_000, what: 'every demo partition to have a leader'});
}

async function reportDrift(admin: Admin, topic: DemoTopic, log: Log): Promise<void> {
	const {topics: [metadata]} = await admin.fetchTopicMetadata({topics: [topic.name]});
	const partitions = metadata?.partitions.length ?? 0;
	const replicationFactor = metadata?.partitions[0]?.replicas.length ?? 0;
	if (partitions === topic.partitions && replicationFactor === topic.replicationFactor) {
		log(`topic ${topic.name} exists`);
	} else {
		log(`topic ${topic.name} exists with ${partitions} partitions, RF ${replicationFactor} (demo wants ${topic.partitions}, RF ${topic.replicationFactor}); left as is`);
	}
}

/** True once every partition has a leader; otherwise which ones lack one, for the timeout message. */
async function everyPartitionLed(admin: Admin, topics: DemoTopic[]): Promise<true | Unready> {
	const {topics: metadata} = await admin.fetchTopicMetadata({topics: topics.map(topic => topic.name)});
	const unknown = topics.filter(topic => !metadata.some(known => known.name === topic.name));
	if (unknown.length > 0) return new Unready(`not in metadata yet: ${unknown.map(topic => topic.name).join(', ')}`);
	const without = metadata.flatMap(topic => topic.partitions
		.filter(partition => partition.partitionErrorCode !== 0 || partition.leader < 0)
		.map(partition => `${topic.name}-${partition.partitionId}`));
	return without.length === 0 ? true : new Unready(`no leader yet: ${without.join(', ')}`);
}
