/**
ClusterSnapshots built by hand for pane tests: a healthy cluster (three ZooKeeper servers,
three brokers) and a broken one (ZooKeeper server down and another limited, a hung broker,
offline and under-min-ISR partitions, a lagging group, a failed read). Each is a fresh object,
so a test can change it freely.
*/
import type {ZkMonitorStats} from '../../../source/cluster/types.js';
import type {
	BrokerSummary, ClusterEvent, ClusterSnapshot, GroupSummary, PartitionSummary, TopicSummary, ZkServerSummary,
} from '../../../source/model/types.js';
import type {PaneContext} from '../../../source/ui/panes/pane.js';

export const T0 = 1_700_000_000_000;
export const minute = 60_000;

export function monitor(extra: Partial<ZkMonitorStats> = {}): ZkMonitorStats {
	return {
		watchCount: 1234, ephemeralsCount: 4, approximateDataSize: 50_000, openFileDescriptors: 60, maxFileDescriptors: 1_048_576,
		syncedFollowers: undefined, syncedObservers: undefined, pendingSyncs: undefined, raw: {}, ...extra,
	};
}

export function zkServer(port: number, extra: Partial<ZkServerSummary> = {}): ZkServerSummary {
	return {
		address: `127.0.0.1:${port}`, id: port - 2180, role: 'participant', inConnectString: true,
		mode: 'follower', zxid: '0x500000010', zxidLag: 0, latency: {min: 0, avg: 0.5, max: 12},
		connections: 3, outstanding: 0, nodeCount: 1502, version: '3.8.4',
		monitor: monitor(), monitorSource: '4lw', limits: [], error: undefined, ...extra,
	};
}

export function down(port: number, error: string): ZkServerSummary {
	return zkServer(port, {
		mode: 'unreachable', zxid: undefined, zxidLag: undefined, latency: undefined, connections: undefined,
		outstanding: undefined, nodeCount: undefined, version: undefined, monitor: undefined, monitorSource: undefined, error,
	});
}

export function broker(id: number, extra: Partial<BrokerSummary> = {}): BrokerSummary {
	return {
		id, host: '127.0.0.1', port: 9091 + id, rack: undefined, endpoints: [`PLAINTEXT://127.0.0.1:${9091 + id}`],
		registeredAt: T0 - 3 * minute, jmxPort: undefined, registered: true, inMetadata: true, reachable: true,
		isController: id === 1, leaderCount: 1, replicaCount: 3, ...extra,
	};
}

export function partition(number: number, leader: number, replicas: number[], isr: number[] = replicas, extra: Partial<PartitionSummary> = {}): PartitionSummary {
	return {
		partition: number, leader, replicas, isr, offlineReplicas: [], lowWatermark: 0, highWatermark: 1000,
		preferredLeader: leader < 0 || replicas[0] === leader, leaderEpoch: 4, ...extra,
	};
}

export function topic(name: string, partitions: PartitionSummary[], extra: Partial<TopicSummary> = {}): TopicSummary {
	return {
		name, internal: name.startsWith('__'), pendingDeletion: false,
		replicationFactor: Math.max(0, ...partitions.map(p => p.replicas.length)),
		minInsyncReplicas: 2, cleanupPolicy: 'delete', retentionMs: 604_800_000, configOverrides: {}, partitions, ...extra,
	};
}

export function group(groupId: string, extra: Partial<GroupSummary> = {}): GroupSummary {
	return {
		groupId, state: 'Stable', protocolType: 'consumer', protocol: 'range', members: 0, memberDetails: [],
		lag: 0, status: 'OK', partitions: [], error: undefined, ...extra,
	};
}

function base(): ClusterSnapshot {
	return {
		takenAt: T0, clusterId: 'cluster-a',
		connection: {zookeeper: '127.0.0.1:2181,127.0.0.1:2182,127.0.0.1:2183', bootstrap: ['127.0.0.1:9092']},
		zookeeper: undefined, controller: {brokerId: 1, epoch: 7}, brokers: [], topics: [], groups: [],
		reassignments: [], preferredElections: [], backoffs: [], findings: [], errors: [],
	};
}

/** All well: leader on 2183 with both followers synced, orders with RF 3, one consumer group at the head. */
export function healthy(): ClusterSnapshot {
	return {
		...base(),
		zookeeper: {
			servers: [
				zkServer(2181, {zxid: '0x50000000e', zxidLag: 2}),
				zkServer(2182),
				zkServer(2183, {mode: 'leader', zxidLag: 0, connections: 5, monitor: monitor({syncedFollowers: 2})}),
			],
			quorum: {size: 3, serving: 3, leader: '127.0.0.1:2183', leaders: ['127.0.0.1:2183'], hasQuorum: true, state: 'ok', leaderState: 'one', unprobed: 0},
		},
		brokers: [broker(1), broker(2), broker(3)],
		topics: [
			topic('__consumer_offsets', [partition(0, 2, [2, 3, 1], [1, 2, 3], {highWatermark: 10})], {cleanupPolicy: 'compact'}),
			topic('orders', [
				partition(0, 1, [1, 2, 3], [1, 2, 3], {lowWatermark: 500, highWatermark: 1_500_000}),
				partition(1, 2, [2, 3, 1], [1, 2, 3], {highWatermark: 20_000}),
				partition(2, 3, [3, 1, 2], [1, 2, 3], {highWatermark: 0}),
			]),
		],
		groups: [group('billing', {
			members: 1, status: 'OK',
			memberDetails: [{memberId: 'billing-1-6f1c0b2e-aaaa-bbbb-cccc-0123456789ab', clientId: 'billing-1', host: '/10.0.0.7', assignments: [{topic: 'orders', partitions: [0, 1, 2]}]}],
			partitions: [0, 1, 2].map(p => ({
				topic: 'orders', partition: p, committed: [1_500_000, 20_000, 0][p], highWatermark: [1_500_000, 20_000, 0][p], lag: 0,
				owner: 'billing-1-6f1c0b2e-aaaa-bbbb-cccc-0123456789ab', status: 'OK' as const, timeLagMs: 0,
			})),
			unknownLagPartitions: 0, timeLagMs: 0, coordinator: {id: 1, host: '127.0.0.1', port: 9092},
		})],
	};
}

/**
ZooKeeper 2181 refuses connections, 2182 serves but hides mntr; broker 3 died (no registration,
not in the metadata, refuses connections) while the metadata still names it leader of orders-2,
which is therefore offline; orders-0 is at min ISR, orders-1 under it;
payments-0 has no leader; the group "shipping" lags and two of its members share a client id.
*/
export function broken(): ClusterSnapshot {
	return {
		...base(),
		zookeeper: {
			servers: [
				down(2181, 'connect ECONNREFUSED 127.0.0.1:2181'),
				zkServer(2182, {monitor: undefined, monitorSource: undefined, limits: ['mntr not whitelisted']}),
				zkServer(2183, {mode: 'leader', monitor: monitor({syncedFollowers: 1}), monitorSource: 'admin-server'}),
			],
			quorum: {size: 3, serving: 2, leader: '127.0.0.1:2183', leaders: ['127.0.0.1:2183'], hasQuorum: true, state: 'ok', leaderState: 'one', unprobed: 0},
		},
		brokers: [
			broker(1, {leaderCount: 2, rack: 'r1'}),
			broker(2, {leaderCount: 1, rack: 'r2'}),
			broker(3, {
				registered: false, inMetadata: false, reachable: false, registeredAt: undefined, error: 'connect ECONNREFUSED 127.0.0.1:9094',
				leaderCount: 1, replicaCount: 4, rack: 'r1',
			}),
		],
		topics: [
			topic('orders', [
				partition(0, 1, [1, 2, 3], [1, 2]),
				partition(1, 2, [2, 3, 1], [2], {lowWatermark: undefined, highWatermark: undefined}),
				partition(2, 3, [3, 1, 2], [3], {offlineReplicas: [3]}),
			]),
			topic('payments', [partition(0, -1, [3, 1], [], {offlineReplicas: [3], preferredLeader: true})], {minInsyncReplicas: 1}),
		],
		groups: [group('shipping', {
			state: 'Stable', members: 2, lag: 1500, status: 'LAGGING',
			memberDetails: [
				{memberId: 'app-0a1b2c3d-1111-2222-3333-aaaaaa111111', clientId: 'app', host: '/10.0.0.8', assignments: [{topic: 'orders', partitions: [0]}]},
				{memberId: 'app-0a1b2c3d-1111-2222-3333-bbbbbb222222', clientId: 'app', host: '/10.0.0.8', assignments: [{topic: 'orders', partitions: [1]}]},
			],
			partitions: [
				{topic: 'orders', partition: 0, committed: 400, highWatermark: 1000, lag: 600, owner: 'app-0a1b2c3d-1111-2222-3333-aaaaaa111111', status: 'LAGGING', timeLagMs: 90_000},
				{topic: 'orders', partition: 1, committed: 100, highWatermark: 1000, lag: 900, owner: 'app-0a1b2c3d-1111-2222-3333-bbbbbb222222', status: 'STOPPED', timeLagUnknown: 'the record at offset 100 is gone, deleted by retention (the log starts at 150 now)'},
				{topic: 'orders', partition: 2, committed: undefined, highWatermark: 1000, lag: undefined, owner: undefined, status: 'UNKNOWN'},
			],
			unknownLagPartitions: 1, timeLagMs: 90_000, coordinator: {id: 2, host: '127.0.0.1', port: 9093},
		})],
		findings: [
			{severity: 'critical', code: 'BROKER_UNREACHABLE', subject: 'broker 3', message: 'holds 4 replicas but is neither registered in ZooKeeper nor in the metadata; broker 3 (127.0.0.1:9094) did not answer: connect ECONNREFUSED 127.0.0.1:9094', since: T0 - 4 * minute},
			{severity: 'critical', code: 'OFFLINE_PARTITION', subject: 'orders-2', message: 'leader 3 is down; ISR [3] of replicas [3,1,2]', since: T0 - 4 * minute},
			{severity: 'critical', code: 'OFFLINE_PARTITION', subject: 'payments-0', message: 'no leader; ISR [] of replicas [3,1]', since: T0 - 4 * minute},
			{severity: 'critical', code: 'UNDER_MIN_ISR', subject: 'orders-1', message: 'ISR [2] of replicas [2,3,1]; min.insync.replicas=2: writes with acks=all are refused', since: T0 - 2 * minute},
			{severity: 'warning', code: 'AT_MIN_ISR', subject: 'orders-0', message: 'ISR [1,2] of replicas [1,2,3]; min.insync.replicas=2; out of ISR: [3]; one more replica lost refuses writes with acks=all', since: T0 - 30_000},
			{severity: 'warning', code: 'GROUP_LAGGING', subject: 'group shipping', message: '2 members; lag 1,500 on 2 partitions (+1 partition unknown), behind 90s (time lag: the oldest record not consumed); 1 partition lagging: orders-0 (lag 600, 90s)', since: T0 - 3 * 3_600_000},
			{severity: 'warning', code: 'SOURCE_FAILED', subject: 'kafka:topic-configs', message: 'timed out', since: T0},
			{severity: 'warning', code: 'ZK_SERVER_DOWN', subject: '127.0.0.1:2181', message: '127.0.0.1:2181 unreachable: connect ECONNREFUSED 127.0.0.1:2181', since: T0 - 10 * minute},
			{severity: 'info', code: 'ZK_SERVER_LIMITED', subject: '127.0.0.1:2182', message: 'mntr not whitelisted', since: T0 - 26 * 3_600_000},
		],
		errors: [{source: 'kafka:topic-configs', message: 'timed out'}],
	};
}

export function context(snapshot: ClusterSnapshot, extra: Partial<PaneContext> = {}): PaneContext {
	return {snapshot, events: [], now: T0, ...extra};
}

export function event(at: number, kind: ClusterEvent['kind'], subject: string, message: string, severity: ClusterEvent['severity'] = 'info'): ClusterEvent {
	return {at, kind, subject, message, severity};
}

/** A string that would clear the operator's screen if printed raw. */
export const hostile = 'evil\u001B[2J';
export const hostileShown = String.raw`evil\x1b[2J`;
