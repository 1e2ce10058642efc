/**
The model's vocabulary: one snapshot of the cluster, the findings derived from it, and
the events that a diff of two snapshots yields. The snapshot's JSON form is
`ktop snapshot --json`; its field names are a contract with scripts.
*/

import type {BrokerBackoffState, SourceError, ZkMonitorStats} from '../cluster/types.js';

export type Severity = 'critical' | 'warning' | 'info';

export type FindingCode =
	| 'OFFLINE_PARTITION'
	| 'UNDER_MIN_ISR'
	| 'UNDER_REPLICATED'
	| 'AT_MIN_ISR'
	| 'PREFERRED_LEADER_IMBALANCE'
	| 'NO_CONTROLLER'
	| 'ZK_QUORUM_LOST'
	| 'ZK_NO_LEADER'
	| 'ZK_SERVER_DOWN'
	| 'ZK_SERVER_LIMITED'
	| 'ZK_MEMBERS_UNPROBED'
	| 'CONTROLLER_UNKNOWN'
	| 'CONTROLLER_UNREADABLE'
	| 'BROKER_UNREACHABLE'
	| 'BROKER_NOT_REGISTERED'
	| 'METADATA_MISMATCH'
	| 'TOPIC_DELETION_STUCK'
	| 'REASSIGNMENT_IN_PROGRESS'
	| 'GROUP_LAGGING'
	| 'GROUP_STALLED'
	| 'GROUP_STOPPED'
	| 'GROUP_AT_RISK'
	| 'SOURCE_FAILED';

export type Finding = {
	severity: Severity;
	code: FindingCode;
	/** What it is about: 'orders-3', 'broker 2', '127.0.0.1:2183', 'group orders-processor'. */
	subject: string;
	message: string;
	/** When it was first seen (ms since the epoch); kept across refreshes while it persists. */
	since: number;
	/**
	Present when this refresh could not read the evidence (`source` failed since `since`): the finding
	is carried from the last refresh that could, unknown rather than cleared.
	*/
	held?: {since: number; source: string};
};

export type ZkServerMode = 'leader' | 'follower' | 'observer' | 'standalone' | 'read-only' | 'not serving' | 'unreachable' | 'unknown';

export type ZkServerSummary = {
	address: string;
	id: number | undefined;
	role: 'participant' | 'observer' | undefined;
	inConnectString: boolean;
	mode: ZkServerMode;
	/** Hex, e.g. "0x40000012c"; undefined when not known. */
	zxid: string | undefined;
	/** Transactions behind the leader (same epoch), when both are known. */
	zxidLag: number | undefined;
	latency: {min: number; avg: number; max: number} | undefined;
	connections: number | undefined;
	outstanding: number | undefined;
	nodeCount: number | undefined;
	version: string | undefined;
	monitor: ZkMonitorStats | undefined;
	monitorSource: '4lw' | 'admin-server' | undefined;
	limits: string[];
	error: string | undefined;
};

export type QuorumSummary = {
	/** Voting members (participants) known, probed or not. */
	size: number;
	/** Voting members known to serve: those probed, or the leader's own count of synced followers when larger. */
	serving: number;
	/** Address of the leader, when exactly one server says it leads. */
	leader: string | undefined;
	/** Every server claiming to lead (more than one is a split brain worth showing). */
	leaders: string[];
	/** The quorum holds, with evidence: `state === 'ok'`. */
	hasQuorum: boolean;
	/**
	'ok': a majority serves, or a follower serves (it follows a leader, which needs a majority);
	'lost': even counting every member ktop cannot see as serving, there is no majority;
	'unknown': neither can be shown.
	*/
	state: 'ok' | 'lost' | 'unknown';
	/**
	'one' (the leader is probed), 'unseen' (a follower serves, so a leader exists among the members
	ktop could not see), 'several' (split brain), 'none' (every voting member seen, none leads),
	'unknown' (members ktop cannot see could be leading).
	*/
	leaderState: 'one' | 'unseen' | 'several' | 'none' | 'unknown';
	/** Voting members /zookeeper/config names that ktop could not probe: no client address known. */
	unprobed: number;
};

export type BrokerSummary = {
	id: number;
	host: string | undefined;
	port: number | undefined;
	rack: string | undefined;
	endpoints: string[];
	registeredAt: number | undefined;
	jmxPort: number | undefined;
	/** Registered in /brokers/ids. */
	registered: boolean;
	/** Listed in the brokers' metadata. */
	inMetadata: boolean;
	/** Answered ktop directly during this refresh. */
	reachable: boolean;
	isController: boolean;
	leaderCount: number;
	replicaCount: number;
	/** Why the broker did not answer ktop's probe, when it was probed and did not. */
	error?: string;
};

export type PartitionSummary = {
	partition: number;
	leader: number;
	replicas: number[];
	isr: number[];
	offlineReplicas: number[];
	lowWatermark: number | undefined;
	highWatermark: number | undefined;
	/** The first replica leads (or the partition has no leader to compare). */
	preferredLeader: boolean;
	/** From ZooKeeper's state znode, when read. */
	leaderEpoch: number | undefined;
	/** ZooKeeper's state znode, present only when its leader or ISR disagrees with the brokers' metadata. */
	zkStateMismatch?: {leader: number; isr: number[]};
	/** Listed by `kafka-topics --describe --under-min-isr-partitions` (see min-isr.ts); undefined when min.insync.replicas is unknown. */
	underMinIsr?: boolean | undefined;
	/** Listed by `kafka-topics --describe --at-min-isr-partitions`. */
	atMinIsr?: boolean | undefined;
};

export type TopicSummary = {
	name: string;
	internal: boolean;
	pendingDeletion: boolean;
	replicationFactor: number;
	minInsyncReplicas: number | undefined;
	cleanupPolicy: string | undefined;
	retentionMs: number | undefined;
	configOverrides: Record<string, string>;
	partitions: PartitionSummary[];
};

/** Burrow's statuses (see lag-status.ts), and AT_RISK: members present, the next record waiting longer than `atRiskAfterMs`. */
export type LagStatus = 'OK' | 'LAGGING' | 'STALLED' | 'STOPPED' | 'AT_RISK' | 'UNKNOWN';

export type GroupPartitionLag = {
	topic: string;
	partition: number;
	committed: number | undefined;
	highWatermark: number | undefined;
	/** Undefined (null in JSON, '-' on screen) when no offset is committed or the log end is unknown: never 0. */
	lag: number | undefined;
	owner: string | undefined;
	status: LagStatus;
	/**
	Time lag: how old the first record the group has not consumed is (the snapshot's time minus
	that record's timestamp); 0 with no lag; undefined when unknown, `timeLagUnknown` says why.
	*/
	timeLagMs?: number | undefined;
	timeLagUnknown?: string | undefined;
};

export type GroupSummary = {
	groupId: string;
	state: string;
	protocolType: string;
	protocol: string;
	/** Member count, as the snapshot contract names it. */
	members: number;
	memberDetails: Array<{memberId: string; clientId: string; host: string; assignments: Array<{topic: string; partitions: number[]}>}>;
	/** Total lag over partitions whose lag is known; `unknownLagPartitions` counts the others. */
	lag: number;
	status: LagStatus;
	partitions: GroupPartitionLag[];
	error: string | undefined;
	/** Partitions whose lag is unknown (no committed offset, or the log end not read). */
	unknownLagPartitions?: number;
	/** The largest known time lag of its partitions; undefined when none is known. */
	timeLagMs?: number | undefined;
	/** The broker coordinating the group (the one whose ListGroups named it). */
	coordinator?: {id: number; host: string | undefined; port: number | undefined} | undefined;
};

/** How ktop reaches the brokers, as may be shown anywhere: never a secret (describeSecurity). */
export type ConnectionSecurity = {protocol: string; mechanism: string | undefined; user: string | undefined; clientCertificate: boolean};

/** The named context the connection came from (config file), when there is one. */
export type ConnectionContext = {context: string | undefined; readOnly: boolean | undefined};

export type ClusterSnapshot = {
	takenAt: number;
	clusterId: string | undefined;
	connection: {zookeeper: string | undefined; bootstrap: string[]} & Partial<ConnectionSecurity> & Partial<ConnectionContext>;
	zookeeper: undefined | {
		servers: ZkServerSummary[];
		quorum: QuorumSummary;
	};
	controller: undefined | {brokerId: number; epoch: number | undefined};
	brokers: BrokerSummary[];
	topics: TopicSummary[];
	groups: GroupSummary[];
	reassignments: Array<{topic: string; partition: number; replicas: number[]}>;
	preferredElections: Array<{topic: string; partition: number}>;
	/** Brokers ktop leaves alone for now after timeouts: their watermarks and groups are not refreshed. */
	backoffs: BrokerBackoffState[];
	findings: Finding[];
	errors: SourceError[];
	/**
	Present when ktop runs on the brokers alone: ZooKeeper not read, and why (`chosen`: --brokers-only).
	JSON: null otherwise.
	*/
	brokersOnly?: {reason: string; chosen: boolean};
	/** Checks that could not be run in this snapshot, and why (brokers-only). JSON: [] otherwise. */
	notJudged?: NotJudged[];
	/**
	Whole sources that could not refresh, each since when and why, present only when there is one:
	their part of this snapshot is missing or last known, whatever `takenAt` says.
	*/
	stale?: SourceStale[];
};

/** A check (a finding code) that this snapshot could not run: what it needs, and why ktop has not got it. */
export type NotJudged = {code: FindingCode; needs: string; reason: string};

/** A whole source ('zookeeper': Kafka's znodes; 'kafka': the brokers' metadata) that could not refresh. */
export type SourceStale = {source: string; since: number; error: string};

export type EventKind =
	| 'broker-joined' | 'broker-left'
	| 'controller-moved'
	| 'zk-mode-changed' | 'zk-leader-elected'
	| 'leader-changed'
	| 'isr-shrank' | 'isr-expanded'
	| 'topic-created' | 'topic-deleted' | 'partitions-added'
	| 'group-state-changed'
	| 'group-appeared' | 'group-disappeared'
	| 'finding-raised' | 'finding-cleared'
	/** A write ktop itself applied or tried from an action's dialog (recorded by the store, not found by the diff). */
	| 'action-applied' | 'action-partial' | 'action-failed'
	/** The live view left one cluster for another (`:ctx`): the first event of the new cluster's timeline. */
	| 'context-switched';

export type ClusterEvent = {
	at: number;
	kind: EventKind;
	subject: string;
	message: string;
	severity: Severity;
};
