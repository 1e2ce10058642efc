/**
Hand-built snapshots for the shell's tests: a healthy cluster with enough topics to scroll,
and a broken one (quorum lost, no controller, a broker gone, an offline partition).
*/
import type {BrokerSummary, ClusterSnapshot, Finding, PartitionSummary, TopicSummary, ZkServerSummary} from '../../source/model/types.js';

export const T0 = 1_700_000_000_000;

function zkServer(port: number, mode: ZkServerSummary['mode'], error?: string): ZkServerSummary {
	return {
		address: `127.0.0.1:${port}`, id: port - 2180, role: 'participant', inConnectString: true, mode,
		zxid: mode === 'unreachable' ? undefined : '0x500000010', zxidLag: mode === 'follower' ? 0 : undefined,
		latency: {min: 0, avg: 0.5, max: 3}, connections: 3, outstanding: 0, nodeCount: 150, version: '3.8.4',
		monitor: undefined, monitorSource: undefined, limits: [], error,
	};
}

function broker(id: number, extra: Partial<BrokerSummary> = {}): BrokerSummary {
	return {
		id, host: '127.0.0.1', port: 9091 + id, rack: undefined, endpoints: [`PLAINTEXT://127.0.0.1:${9091 + id}`],
		registeredAt: T0 - 60_000, jmxPort: undefined, registered: true, inMetadata: true, reachable: true,
		isController: id === 1, leaderCount: 1, replicaCount: 3, ...extra,
	};
}

export function partition(index: number, leader: number, replicas: number[], isr = replicas, highWatermark = 100): PartitionSummary {
	return {partition: index, leader, replicas, isr, offlineReplicas: [], lowWatermark: 0, highWatermark, preferredLeader: replicas[0] === leader, leaderEpoch: 3};
}

export function topic(name: string, partitions: PartitionSummary[]): TopicSummary {
	return {
		name, internal: false, pendingDeletion: false, replicationFactor: partitions[0]?.replicas.length ?? 0, minInsyncReplicas: 2,
		cleanupPolicy: 'delete', retentionMs: 604_800_000, configOverrides: {}, partitions,
	};
}

/** 'orders' (3 partitions), 'payments' (6), and 40 one-partition topics 'topic-00'…'topic-39'. */
export function healthyTopics(): TopicSummary[] {
	return [
		topic('orders', [partition(0, 1, [1, 2, 3]), partition(1, 2, [2, 3, 1]), partition(2, 3, [3, 1, 2])]),
		topic('payments', Array.from({length: 6}, (_, index) => partition(index, (index % 3) + 1, [(index % 3) + 1, ((index + 1) % 3) + 1]))),
		...Array.from({length: 40}, (_, index) => ({...topic(`topic-${String(index).padStart(2, '0')}`, [partition(0, (index % 3) + 1, [(index % 3) + 1])]), minInsyncReplicas: 1})),
	];
}

export function healthySnapshot(extra: Partial<ClusterSnapshot> = {}): ClusterSnapshot {
	return {
		takenAt: T0,
		clusterId: 'lab-cluster',
		connection: {zookeeper: '127.0.0.1:2181,127.0.0.1:2182,127.0.0.1:2183', bootstrap: ['127.0.0.1:9092']},
		zookeeper: {
			servers: [zkServer(2181, 'follower'), zkServer(2182, 'follower'), zkServer(2183, 'leader')],
			quorum: {size: 3, serving: 3, leader: '127.0.0.1:2183', leaders: ['127.0.0.1:2183'], hasQuorum: true, state: 'ok', leaderState: 'one', unprobed: 0},
		},
		controller: {brokerId: 1, epoch: 7},
		brokers: [broker(1), broker(2, {isController: false}), broker(3, {isController: false})],
		topics: healthyTopics(),
		groups: [],
		reassignments: [],
		preferredElections: [],
		backoffs: [],
		findings: [],
		errors: [],
		...extra,
	};
}

const brokenFindings: Finding[] = [
	{severity: 'critical', code: 'ZK_QUORUM_LOST', subject: 'zookeeper', message: '1 of 3 servers serving', since: T0 - 5000},
	{severity: 'critical', code: 'OFFLINE_PARTITION', subject: 'orders-1', message: 'no leader; ISR none of replicas 2', since: T0 - 4000},
	{severity: 'warning', code: 'UNDER_REPLICATED', subject: 'orders-0', message: 'ISR 1,3 of replicas 1,2,3', since: T0 - 4000},
];

/** Quorum lost, no controller, broker 2 gone, orders-1 offline, orders-0 under-replicated. */
export function brokenSnapshot(): ClusterSnapshot {
	const healthy = healthySnapshot();
	return {
		...healthy,
		zookeeper: {
			servers: [zkServer(2181, 'not serving'), zkServer(2182, 'unreachable', 'connect ECONNREFUSED'), zkServer(2183, 'unreachable', 'connect ECONNREFUSED')],
			quorum: {size: 3, serving: 1, leader: undefined, leaders: [], hasQuorum: false, state: 'lost', leaderState: 'none', unprobed: 0},
		},
		controller: undefined,
		brokers: [broker(1), broker(2, {registered: false, reachable: false, isController: false, error: 'ECONNREFUSED'}), broker(3, {isController: false})],
		topics: [
			topic('orders', [partition(0, 1, [1, 2, 3], [1, 3]), partition(1, -1, [2], []), partition(2, 3, [3, 1, 2], [3, 1])]),
			...healthy.topics.slice(1),
		],
		findings: brokenFindings,
	};
}
