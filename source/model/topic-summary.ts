import type {MetadataPartition, MetadataTopic, TopicDefaults, ZkKafkaView, ZkPartitionState, ZkTopic} from '../cluster/types.js';
import {minIsrStanding} from './min-isr.js';
import {compareNatural, compareNumbers} from './natural-order.js';
import type {PartitionSummary, TopicSummary} from './types.js';

const internalTopics = new Set(['__consumer_offsets', '__transaction_state']);

/**
Topics as the brokers' metadata reports them, with what only ZooKeeper knows laid over them
(leader epoch, config overrides, pending deletion). When the brokers could not be read the
topics come from ZooKeeper alone (assignment and state znodes), so a cluster whose brokers
are all down still shows its partitions, leaderless as they are.
A topic's min.insync.replicas, cleanup.policy and retention are its ZooKeeper override, else the
brokers' default (`defaults`); without the topic's override znode they are unknown, never guessed.
*/
export function summarizeTopics(
	metadata: readonly MetadataTopic[] | undefined,
	zookeeper: ZkKafkaView | undefined,
	liveBrokers: ReadonlySet<number> | undefined,
	defaults: TopicDefaults | undefined,
): TopicSummary[] {
	const zkTopics = new Map((zookeeper?.topics ?? []).map(topic => [topic.name, topic]));
	const pending = new Set(zookeeper?.topicsPendingDeletion ?? []);
	const topics: TopicSummary[] = [];
	if (metadata) {
		for (const topic of metadata) topics.push(fromMetadata(topic, zkTopics.get(topic.name), pending.has(topic.name), defaults));
	} else {
		for (const topic of zkTopics.values()) topics.push(fromZookeeper(topic, pending.has(topic.name), liveBrokers, defaults));
	}

	// A deletion the brokers already forgot, or whose topic znode is gone, is still stuck until
	// /admin/delete_topics empties; keep it visible rather than lose the one place it shows.
	const listed = new Set(topics.map(topic => topic.name));
	for (const name of pending) {
		if (listed.has(name)) continue;
		const zkTopic = zkTopics.get(name);
		topics.push(zkTopic ? fromZookeeper(zkTopic, true, liveBrokers, defaults) : emptyTopic(name));
	}

	for (const topic of topics) {
		for (const partition of topic.partitions) Object.assign(partition, minIsrStanding(topic.minInsyncReplicas, partition));
	}

	return topics.sort((a, b) => compareNatural(a.name, b.name));
}

function fromMetadata(topic: MetadataTopic, zkTopic: ZkTopic | undefined, pendingDeletion: boolean, defaults: TopicDefaults | undefined): TopicSummary {
	const states = new Map((zkTopic?.states ?? []).map(state => [state.partition, state]));
	const partitions = topic.partitions
		.map(partition => fromMetadataPartition(partition, states.get(partition.partition)))
		.sort((a, b) => a.partition - b.partition);
	return {
		name: topic.name,
		internal: topic.internal,
		pendingDeletion,
		replicationFactor: replicationFactor(partitions),
		...effectiveConfigs(zkTopic?.configOverrides, defaults),
		partitions,
	};
}

function fromMetadataPartition(partition: MetadataPartition, state: ZkPartitionState | undefined): PartitionSummary {
	const isr = [...partition.isr].sort(compareNumbers);
	const summary: PartitionSummary = {
		partition: partition.partition,
		leader: partition.leader,
		// Replica order is kept: the first replica is the preferred leader.
		replicas: [...partition.replicas],
		isr,
		offlineReplicas: [...partition.offlineReplicas].sort(compareNumbers),
		lowWatermark: partition.lowWatermark,
		highWatermark: partition.highWatermark,
		preferredLeader: isPreferred(partition.leader, partition.replicas),
		leaderEpoch: state?.leaderEpoch,
	};
	if (state) {
		const zkIsr = [...state.isr].sort(compareNumbers);
		if (state.leader !== partition.leader || !sameList(zkIsr, isr)) summary.zkStateMismatch = {leader: state.leader, isr: zkIsr};
	}

	return summary;
}

function fromZookeeper(topic: ZkTopic, pendingDeletion: boolean, liveBrokers: ReadonlySet<number> | undefined, defaults: TopicDefaults | undefined): TopicSummary {
	const states = new Map(topic.states.map(state => [state.partition, state]));
	const numbers = new Set([...Object.keys(topic.assignment).map(Number), ...states.keys()]);
	const partitions = [...numbers].sort(compareNumbers).map((partition): PartitionSummary => {
		const replicas = [...(topic.assignment[partition] ?? [])];
		const state = states.get(partition);
		const leader = state?.leader ?? -1;
		return {
			partition,
			leader,
			replicas,
			isr: [...(state?.isr ?? [])].sort(compareNumbers),
			// ZooKeeper has no offline-replica list; a replica whose broker holds no registration is offline.
			offlineReplicas: liveBrokers ? replicas.filter(replica => !liveBrokers.has(replica)).sort(compareNumbers) : [],
			lowWatermark: undefined,
			highWatermark: undefined,
			preferredLeader: isPreferred(leader, replicas),
			leaderEpoch: state?.leaderEpoch,
		};
	});
	return {
		name: topic.name,
		internal: internalTopics.has(topic.name),
		pendingDeletion,
		replicationFactor: replicationFactor(partitions),
		...effectiveConfigs(topic.configOverrides, defaults),
		partitions,
	};
}

function emptyTopic(name: string): TopicSummary {
	return {
		name, internal: internalTopics.has(name), pendingDeletion: true, replicationFactor: 0,
		minInsyncReplicas: undefined, cleanupPolicy: undefined, retentionMs: undefined, configOverrides: {}, partitions: [],
	};
}

type EffectiveConfigs = Pick<TopicSummary, 'minInsyncReplicas' | 'cleanupPolicy' | 'retentionMs' | 'configOverrides'>;

/** The override where the topic has one, else the brokers' default; all unknown without the override znode. */
function effectiveConfigs(overrides: Readonly<Record<string, string>> | undefined, defaults: TopicDefaults | undefined): EffectiveConfigs {
	if (!overrides) return {minInsyncReplicas: undefined, cleanupPolicy: undefined, retentionMs: undefined, configOverrides: {}};
	return {
		minInsyncReplicas: toNumber(overrides['min.insync.replicas']) ?? defaults?.minInsyncReplicas,
		cleanupPolicy: overrides['cleanup.policy'] ?? defaults?.cleanupPolicy,
		retentionMs: toNumber(overrides['retention.ms']) ?? defaults?.retentionMs,
		configOverrides: {...overrides},
	};
}

function isPreferred(leader: number, replicas: readonly number[]): boolean {
	return leader < 0 || replicas.length === 0 || replicas[0] === leader;
}

function replicationFactor(partitions: readonly PartitionSummary[]): number {
	let most = 0;
	for (const partition of partitions) most = Math.max(most, partition.replicas.length);
	return most;
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
	return a.length === b.length && a.every((value, index) => value === b[index]);
}

function toNumber(raw: string | undefined): number | undefined {
	if (raw === undefined || raw.trim() === '') return undefined;
	const value = Number(raw);
	return Number.isFinite(value) ? value : undefined;
}
