/**
Snapshots for action tests as plain objects: a three-broker cluster by default, with builders
for the topics, partitions, brokers and groups each test needs.
*/
import type {BrokerSummary, ClusterSnapshot, GroupPartitionLag, GroupSummary, PartitionSummary, TopicSummary} from '../../../source/model/types.js';

export const T0 = 1_700_000_000_000;

export function broker(id: number, extra: Partial<BrokerSummary> = {}): BrokerSummary {
	return {
		id, host: '127.0.0.1', port: 9091 + id, rack: undefined, endpoints: [], registeredAt: T0, jmxPort: undefined,
		registered: true, inMetadata: true, reachable: true, isController: id === 1, leaderCount: 0, replicaCount: 0, ...extra,
	};
}

/** Partition `partition` with replicas rotating over brokers 1-3, led by its first replica, 100 records (0-100). */
export function partition(partition: number, extra: Partial<PartitionSummary> = {}): PartitionSummary {
	const replicas = [1, 2, 3].map(offset => ((partition + offset - 1) % 3) + 1);
	const merged = {
		partition, leader: replicas[0]!, replicas, isr: replicas, offlineReplicas: [], lowWatermark: 0, highWatermark: 100,
		preferredLeader: true, leaderEpoch: 1, ...extra,
	};
	return {...merged, preferredLeader: merged.leader === merged.replicas[0]};
}

export function topic(name: string, partitions: number | PartitionSummary[] = 3, extra: Partial<TopicSummary> = {}): TopicSummary {
	return {
		name, internal: name.startsWith('__'), pendingDeletion: false, replicationFactor: 3, minInsyncReplicas: 2,
		cleanupPolicy: 'delete', retentionMs: 604_800_000, configOverrides: {},
		partitions: typeof partitions === 'number' ? Array.from({length: partitions}, (_, index) => partition(index)) : partitions,
		...extra,
	};
}

export function committed(topicName: string, partitionId: number, offset: number | undefined, highWatermark = 100): GroupPartitionLag {
	return {topic: topicName, partition: partitionId, committed: offset, highWatermark, lag: offset === undefined ? undefined : highWatermark - offset, owner: undefined, status: 'OK'};
}

export function group(groupId: string, partitions: GroupPartitionLag[] = [], extra: Partial<GroupSummary> = {}): GroupSummary {
	return {
		groupId, state: 'Empty', protocolType: 'consumer', protocol: '', members: 0, memberDetails: [],
		lag: partitions.reduce((sum, p) => sum + (p.lag ?? 0), 0), status: 'OK', partitions, error: undefined, ...extra,
	};
}

/** A consuming group: `members` members, all assigned `topicName`. */
export function activeGroup(groupId: string, topicName: string, members = 2, partitions: GroupPartitionLag[] = []): GroupSummary {
	return group(groupId, partitions, {
		state: 'Stable', members,
		memberDetails: Array.from({length: members}, (_, index) => ({memberId: `m${index}`, clientId: 'app', host: '/127.0.0.1', assignments: [{topic: topicName, partitions: [index]}]})),
	});
}

export function snapshotOf(parts: {topics?: TopicSummary[]; groups?: GroupSummary[]; brokers?: BrokerSummary[]} = {}): ClusterSnapshot {
	return {
		takenAt: T0, clusterId: 'cluster-A', connection: {zookeeper: '127.0.0.1:2181', bootstrap: ['127.0.0.1:9092']},
		zookeeper: undefined, controller: {brokerId: 1, epoch: 1},
		brokers: parts.brokers ?? [broker(1), broker(2), broker(3)],
		topics: parts.topics ?? [], groups: parts.groups ?? [],
		reassignments: [], preferredElections: [], backoffs: [], findings: [], errors: [],
	};
}
