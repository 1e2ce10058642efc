/**
Hand-built source views for model tests: a healthy three-broker, three-ZooKeeper cluster by
default, and small builders to break one part of it at a time.
*/
import type {
	BrokerRegistration, ConsumerGroup, KafkaView, MetadataPartition, MetadataTopic, TopicDefaults, ZkKafkaView, ZkServer, ZkTopic,
} from '../../source/cluster/types.js';
import type {SrvrStats} from '../../source/cluster/zookeeper/parse-srvr.js';
import type {SnapshotInput} from '../../source/model/build-snapshot.js';

export const T0 = 1_700_000_000_000;

export function stats(mode: SrvrStats['mode'], zxid: bigint): SrvrStats {
	return {version: '3.8.4', latency: {min: 0, avg: 0.5, max: 12}, received: 100, sent: 100, connections: 3, outstanding: 0, zxid, mode, nodeCount: 150};
}

type ServerShape =
	| {state: 'serving'; mode: SrvrStats['mode']; zxid?: bigint}
	| {state: 'not-serving'}
	| {state: 'unreachable'; error?: string}
	| {state: 'srvr-refused'}
	| {state: 'unparsable'};

export function zkServer(port: number, shape: ServerShape, extra: Partial<ZkServer> = {}): ZkServer {
	const host = '127.0.0.1';
	const server = {host, port};
	const probe: ZkServer['probe'] = shape.state === 'serving'
		? {...server, state: 'serving', stats: stats(shape.mode, shape.zxid ?? 0x5_0000_0010n)}
		: shape.state === 'unreachable' ? {...server, state: 'unreachable', error: shape.error ?? 'connect ECONNREFUSED'}
			: shape.state === 'unparsable' ? {...server, state: 'unparsable', text: 'garbage'}
				: {...server, state: shape.state};
	return {
		host, port, address: `${host}:${port}`, id: port - 2180, role: 'participant', inConnectString: true,
		probe, monitor: undefined, monitorSource: undefined, limits: [], ...extra,
	};
}

/** Leader on 2183, followers on 2181 and 2182: the harness's ensemble. */
export function healthyEnsemble(): ZkServer[] {
	return [
		zkServer(2181, {state: 'serving', mode: 'follower', zxid: 0x5_0000_000en}),
		zkServer(2182, {state: 'serving', mode: 'follower', zxid: 0x5_0000_0010n}),
		zkServer(2183, {state: 'serving', mode: 'leader', zxid: 0x5_0000_0010n}),
	];
}

export function registration(id: number, extra: Partial<BrokerRegistration> = {}): BrokerRegistration {
	return {id, endpoints: [`PLAINTEXT://127.0.0.1:${9091 + id}`], rack: undefined, registeredAt: T0 - 60_000, jmxPort: undefined, version: 5, ...extra};
}

export function metaPartition(partition: number, leader: number, replicas: number[], isr: number[] = replicas, extra: Partial<MetadataPartition> = {}): MetadataPartition {
	return {partition, leader, replicas, isr, offlineReplicas: [], lowWatermark: 0, highWatermark: 100, ...extra};
}

/** The brokers' topic defaults in these fixtures (as a stock server.properties with min.insync.replicas=2). */
export const brokerDefaults: TopicDefaults = {minInsyncReplicas: 2, cleanupPolicy: 'delete', retentionMs: 604_800_000};

/** A topic's ZooKeeper overrides: min.insync.replicas `minInsyncReplicas`, plus `extra`. */
export function configs(minInsyncReplicas: number, extra: Record<string, string> = {}): Record<string, string> {
	return {'min.insync.replicas': String(minInsyncReplicas), ...extra};
}

/** Overrides given to metaTopic, which zkTopicOf lays on the topic's ZooKeeper view. */
const fixtureOverrides = new WeakMap<MetadataTopic, Record<string, string>>();

export function metaTopic(name: string, partitions: MetadataPartition[], overrides: Record<string, string> = {}): MetadataTopic {
	const topic = {name, internal: name.startsWith('__'), partitions};
	fixtureOverrides.set(topic, overrides);
	return topic;
}

/** A ZooKeeper view of a metadata topic: the same assignment and state, and the overrides metaTopic was given. */
export function zkTopicOf(topic: MetadataTopic, overrides: Record<string, string> = fixtureOverrides.get(topic) ?? {}): ZkTopic {
	return {
		name: topic.name,
		assignment: Object.fromEntries(topic.partitions.map(partition => [partition.partition, partition.replicas])),
		states: topic.partitions.map(partition => ({partition: partition.partition, leader: partition.leader, isr: partition.isr, leaderEpoch: 3, controllerEpoch: 2})),
		configOverrides: overrides,
	};
}

/** Topic "orders": three partitions, replication factor 3, min.insync.replicas 2, preferred leaders leading. */
export function ordersTopic(): MetadataTopic {
	return metaTopic('orders', [
		metaPartition(0, 1, [1, 2, 3]),
		metaPartition(1, 2, [2, 3, 1]),
		metaPartition(2, 3, [3, 1, 2]),
	]);
}

export function group(groupId: string, extra: Partial<ConsumerGroup> = {}): ConsumerGroup {
	return {groupId, state: 'Stable', protocolType: 'consumer', protocol: 'range', members: [], offsets: [], error: undefined, ...extra};
}

export function kafkaView(extra: Partial<KafkaView> = {}): KafkaView {
	return {
		clusterId: 'meta-cluster',
		controllerId: 1,
		brokers: [1, 2, 3].map(id => ({id, host: '127.0.0.1', port: 9091 + id, rack: undefined})),
		topics: [ordersTopic()],
		groups: [],
		brokerDefaults: [1, 2, 3].map(brokerId => ({brokerId, defaults: {...brokerDefaults}})),
		backoffs: [],
		errors: [],
		...extra,
	};
}

export function zkKafkaView(extra: Partial<ZkKafkaView> = {}): ZkKafkaView {
	return {
		clusterId: 'zk-cluster',
		controller: {brokerId: 1, since: T0 - 30_000},
		controllerEpoch: 7,
		registrations: [1, 2, 3].map(id => registration(id)),
		topics: [zkTopicOf(ordersTopic())],
		topicsPendingDeletion: [],
		reassignments: [],
		preferredElections: [],
		...extra,
	};
}

/** Everything read, all healthy. */
export function healthyInput(extra: Partial<SnapshotInput> = {}): SnapshotInput {
	return {
		takenAt: T0,
		connection: {zookeeper: '127.0.0.1:2181,127.0.0.1:2182,127.0.0.1:2183', bootstrap: ['127.0.0.1:9092']},
		zkServers: healthyEnsemble(),
		zkKafka: zkKafkaView(),
		kafka: kafkaView(),
		errors: [],
		...extra,
	};
}
