/**
ktop's own view of a cluster, as its two sources report it. Everything outside source/cluster/
sees these types only, never kafkajs' or the ZooKeeper client's.
*/

import type {SrvrStats} from './zookeeper/parse-srvr.js';

export type HostPort = {host: string; port: number};

/** A source that could not be read, attached to the part of the snapshot it covers. */
export type SourceError = {
	/** What failed: 'zookeeper', 'zookeeper:127.0.0.1:2183', 'kafka', 'kafka:groups', 'kafka:topic-configs'... */
	source: string;
	message: string;
};

// ---------------------------------------------------------------- ZooKeeper servers

export type ZkProbeState = 'serving' | 'not-serving' | 'unreachable' | 'srvr-refused' | 'unparsable';

export type ZkServerProbe = HostPort & (
	| {state: 'serving'; stats: SrvrStats}
	| {state: 'not-serving'}
	| {state: 'unreachable'; error: string}
	| {state: 'srvr-refused'}
	| {state: 'unparsable'; text: string}
);

/**
A member as /zookeeper/config names it. `client` is undefined when its server line carries no
client address (the classic `server.N=host:2888:3888` with `clientPort=`, and every 3.4): such a
member counts in the quorum but ktop cannot probe it unless told where it listens.
*/
export type ZkEnsembleMember = {
	id: number;
	role: 'participant' | 'observer';
	quorumHost: string;
	client: HostPort | undefined;
};

/** What `mntr` (or the AdminServer's /commands/mntr) adds to `srvr`. */
export type ZkMonitorStats = {
	watchCount: number | undefined;
	ephemeralsCount: number | undefined;
	approximateDataSize: number | undefined;
	openFileDescriptors: number | undefined;
	maxFileDescriptors: number | undefined;
	/** Leader only. */
	syncedFollowers: number | undefined;
	syncedObservers: number | undefined;
	pendingSyncs: number | undefined;
	/** Everything the server reported, for panes that show more. */
	raw: Record<string, string>;
};

/**
One ZooKeeper server as ktop sees it. `limits` records plainly what the server refused
("mntr not whitelisted"), so nothing unknown is ever shown as if it were data.
*/
export type ZkServer = HostPort & {
	address: string;
	/** From /zookeeper/config, when the server is listed there. */
	id: number | undefined;
	role: 'participant' | 'observer' | undefined;
	inConnectString: boolean;
	probe: ZkServerProbe;
	monitor: ZkMonitorStats | undefined;
	/** Where `monitor` came from. */
	monitorSource: '4lw' | 'admin-server' | undefined;
	limits: string[];
};

// ---------------------------------------------------------------- Kafka, as ZooKeeper holds it

/** A broker as it registered itself in /brokers/ids/<id>. */
export type BrokerRegistration = {
	id: number;
	endpoints: string[];
	/** Listener name -> security protocol (listener_security_protocol_map), when the registration has one. */
	securityProtocols?: Record<string, string>;
	rack: string | undefined;
	/** Milliseconds since the epoch, from the registration's own timestamp. */
	registeredAt: number | undefined;
	jmxPort: number | undefined;
	version: number | undefined;
};

/** /brokers/topics/<topic>/partitions/<n>/state */
export type ZkPartitionState = {
	partition: number;
	leader: number;
	isr: number[];
	leaderEpoch: number;
	controllerEpoch: number;
};

export type ZkTopic = {
	name: string;
	/** Replica assignment from /brokers/topics/<topic>: partition -> replicas. */
	assignment: Record<number, number[]>;
	states: ZkPartitionState[];
	/** /config/topics/<topic>: the topic's overrides only. */
	configOverrides: Record<string, string>;
};

export type ZkKafkaView = {
	clusterId: string | undefined;
	controller: {brokerId: number; since: number | undefined} | undefined;
	controllerEpoch: number | undefined;
	registrations: BrokerRegistration[];
	topics: ZkTopic[];
	/** /admin/delete_topics */
	topicsPendingDeletion: string[];
	/** /admin/reassign_partitions */
	reassignments: Array<{topic: string; partition: number; replicas: number[]}>;
	/** /admin/preferred_replica_election */
	preferredElections: Array<{topic: string; partition: number}>;
};

// ---------------------------------------------------------------- Kafka, as the brokers report it

/** A broker as the metadata API reports it. */
export type MetadataBroker = {id: number; host: string; port: number; rack: string | undefined};

export type MetadataPartition = {
	partition: number;
	/** -1 when the partition has no leader. */
	leader: number;
	replicas: number[];
	isr: number[];
	offlineReplicas: number[];
	lowWatermark: number | undefined;
	highWatermark: number | undefined;
};

/**
The configs ktop shows and judges by, as a topic gets them when it does not override them: the
broker's own setting (server.properties, or set dynamically), else Kafka's default. A topic's
overrides come from ZooKeeper (/config/topics/<topic>), never from asking a broker: a ZooKeeper-mode
broker answers a topic's DescribeConfigs by reading ZooKeeper in its request thread.
*/
export type TopicDefaults = {
	minInsyncReplicas: number | undefined;
	cleanupPolicy: string | undefined;
	retentionMs: number | undefined;
};

export type MetadataTopic = {
	name: string;
	internal: boolean;
	partitions: MetadataPartition[];
};

/** A broker ktop leaves alone for now because it stopped answering: its parts of the view are not refreshed. */
export type BrokerBackoffState = {
	brokerId: number | undefined;
	address: string;
	/** Timeouts in a row. */
	timeouts: number;
	/** When it is asked again, ms since the epoch. */
	until: number;
};

export type GroupMember = {
	memberId: string;
	clientId: string;
	host: string;
	assignments: Array<{topic: string; partitions: number[]}>;
};

export type GroupOffset = {
	topic: string;
	partition: number;
	/** -1 when the group has no committed offset for the partition. */
	committed: number;
	/**
	The timestamp of the first record at or after the committed offset, the first one the group
	has not consumed: read only where the group lags (see read-record-times.ts), else undefined.
	*/
	nextRecord?: NextRecordTime;
};

/** A record's timestamp (ms since the epoch), or why it could not be read. */
export type NextRecordTime = {timestamp: number} | {unknown: string};

export type ConsumerGroup = {
	groupId: string;
	state: string;
	protocolType: string;
	protocol: string;
	members: GroupMember[];
	offsets: GroupOffset[];
	error: string | undefined;
	/** The broker that listed the group in ListGroups: its coordinator. */
	coordinator?: number;
};

export type KafkaView = {
	clusterId: string;
	controllerId: number | undefined;
	brokers: MetadataBroker[];
	topics: MetadataTopic[];
	groups: ConsumerGroup[];
	/** Each broker's topic defaults, read once per connection (brokers not read yet are missing). */
	brokerDefaults: Array<{brokerId: number; defaults: TopicDefaults}>;
	/** Brokers backing off after timeouts, as of the end of this read. */
	backoffs: BrokerBackoffState[];
	/** Parts that failed (watermarks, groups, broker defaults) while the rest was read. */
	errors: SourceError[];
};

/** Auth sent on a ZooKeeper session (addAuthInfo), e.g. {scheme: 'digest', auth: 'user:password'}: the secret is never shown. */
export type ZookeeperAuth = {scheme: string; auth: string};
