/**
The writes ktop makes to a cluster (topic and group actions), in ktop's own types. The writer
is the only code that sends a write request; in read-only mode it refuses every write before
it touches the network, so no view, key or later feature can leak one past it.
*/

/** Why a write (or one part of it) did not happen: plain language first, then the next step. */
export type WriteFailure = {
	/** Kafka's error name ('TOPIC_ALREADY_EXISTS', 'GROUP_NOT_EMPTY') or ktop's own ('READ_ONLY', 'NO_REPLY', 'NO_BROKER'). */
	code: string;
	/** What went wrong, for an operator: "a topic named orders already exists". */
	message: string;
	/** What to do about it: "pick another name, or add partitions to orders with +". */
	next: string | undefined;
	/** The broker's own error message, verbatim (display code sanitizes it). */
	detail: string | undefined;
};

export class WriteError extends Error {
	constructor(readonly failure: WriteFailure) {
		super(failure.next ? `${failure.message}; ${failure.next}` : failure.message);
		this.name = 'WriteError';
	}
}

/** The outcome of one part (a partition, a resource) of a write that has several. */
export type PartOutcome = {ok: true} | {ok: false; failure: WriteFailure};

export type TopicConfigSource = 'topic' | 'broker' | 'default' | 'other';

/** One topic config as DescribeConfigs reports it now (not the snapshot's cached copy). */
export type TopicConfigEntry = {
	name: string;
	/** undefined when the broker does not say (sensitive, or null). */
	value: string | undefined;
	/** 'topic': an override on this topic; 'broker': the broker's (static or dynamic) setting; 'default': Kafka's default. */
	source: TopicConfigSource;
	readOnly: boolean;
	sensitive: boolean;
};

/** Where to read an offset: the log start, the log end, or the first record at or after a time (ms since the epoch). */
export type OffsetSpec = 'earliest' | 'latest' | {timestamp: number};

export type PartitionLeadership = {topic: string; partition: number; leader: number; replicas: number[]; isr: number[]};

export type GroupOffsets = {
	/** The coordinator's state: 'Empty', 'Stable', 'PreparingRebalance', 'Dead'... */
	state: string;
	members: number;
	offsets: Array<{topic: string; partition: number; offset: number}>;
};

export type NewTopic = {name: string; partitions: number; replicationFactor: number; configs: Record<string, string>};

export type ProduceInput = {
	topic: string;
	/** undefined: by key (Kafka's murmur2 partitioner, as Java clients), or spread when there is no key. */
	partition: number | undefined;
	key: Buffer | null;
	value: Buffer | null;
	headers: Array<{key: string; value: Buffer}>;
};

/** A config change: a value to set, or undefined to remove the topic's override (back to the broker's or Kafka's default). */
export type ConfigChange = {name: string; value: string | undefined};

/** The versions of one request a broker implements (its ApiVersions answer). */
export type ApiVersionRange = {min: number; max: number};

/** What a broker's ApiVersions answer offered, by API key: the requests it takes, at which versions. */
export type BrokerApis = ReadonlyMap<number, ApiVersionRange>;

/** `validateOnly`: the broker checks the request with its own rules and changes nothing (the preview's dry run). */
export type ValidateOption = {validateOnly: boolean};

export type ClusterWriter = {
	readonly readOnly: boolean;
	/** What the writer talks to, shown in every confirmation: "bootstrap 127.0.0.1:9092,…". */
	readonly connection: string;
	/**
	Why writes that go through ZooKeeper (creating, deleting, repartitioning a topic, its configs, a
	leader election) are refused right now, or undefined. A ZooKeeper-mode broker applies them in
	ZooKeeper from its request thread, which waits as long as ZooKeeper is away.
	*/
	zookeeperTrouble(): string | undefined;
	/** ktop knows the ensemble's address, so the writes Kafka takes through ZooKeeper (the election znode) can be made. */
	readonly zookeeperWritable: boolean;

	/**
	The request versions the controller offered when ktop connected to it (ApiVersions), connecting
	first if need be: what an action checks before its preview.
	*/
	apiVersions(): Promise<BrokerApis>;
	/** The last answer apiVersions() got, without touching the network; undefined before the first. */
	knownApiVersions(): BrokerApis | undefined;

	// Fresh reads that previews are built from. Reads are allowed in read-only mode.
	describeTopicConfigs(topic: string): Promise<TopicConfigEntry[]>;
	readPartitions(topics: string[]): Promise<PartitionLeadership[]>;
	/** Offset per partition; undefined for a timestamp with no record at or after it. */
	listOffsets(topic: string, partitions: number[], spec: OffsetSpec): Promise<Map<number, number | undefined>>;
	groupOffsets(group: string): Promise<GroupOffsets>;

	// Writes: each throws WriteError({code: 'READ_ONLY'}) in read-only mode without sending anything.
	// Single-resource writes throw WriteError on failure; multi-part writes report each part.
	createTopic(topic: NewTopic, options: ValidateOption): Promise<void>;
	deleteTopic(name: string): Promise<void>;
	/** Grows the topic to `totalCount` partitions. */
	createPartitions(topic: string, totalCount: number, options: ValidateOption): Promise<void>;
	/** IncrementalAlterConfigs: only the named configs change; every other override stays. */
	alterTopicConfigs(topic: string, changes: ConfigChange[], options: ValidateOption): Promise<void>;
	/**
	AlterConfigs (Kafka 0.11+, for brokers without IncrementalAlterConfigs): the topic's whole override
	set becomes `overrides`; an override left out is removed.
	*/
	replaceTopicConfigs(topic: string, overrides: Record<string, string>, options: ValidateOption): Promise<void>;
	/** acks=all; where the record landed. */
	produce(input: ProduceInput): Promise<{partition: number; offset: number}>;
	/** DeleteRecords: each partition's log start moves up to `beforeOffset`. */
	deleteRecords(topic: string, partitions: Array<{partition: number; beforeOffset: number}>): Promise<Array<{partition: number; outcome: PartOutcome; lowWatermark: number | undefined}>>;
	/** ElectLeaders (preferred) via the controller; 'not-needed' when the preferred replica already leads. */
	electPreferredLeaders(partitions: Array<{topic: string; partition: number}>): Promise<Array<{topic: string; partition: number; outcome: PartOutcome | {ok: true; notNeeded: true}}>>;
	/**
	For controllers without ElectLeaders (before Kafka 2.2): creates /admin/preferred_replica_election
	with exactly these partitions, which the controller elects and then deletes. Refused (WriteError)
	when that znode exists (an election is running), when ZooKeeper is in trouble, and in read-only mode.
	*/
	requestPreferredElection(partitions: Array<{topic: string; partition: number}>): Promise<void>;
	/** Whether /admin/preferred_replica_election exists (an election is running): read before such an election's preview. */
	preferredElectionRunning(): Promise<boolean>;
	/** OffsetCommit outside any generation (the group must be empty, as kafka-consumer-groups --reset-offsets). */
	commitGroupOffsets(group: string, offsets: Array<{topic: string; partition: number; offset: number}>): Promise<Array<{topic: string; partition: number; outcome: PartOutcome}>>;
	deleteGroup(group: string): Promise<void>;

	close(): Promise<void>;
};

/** Where Kafka's controller (before 2.2 the only way; through 3.9 in ZooKeeper mode still) takes preferred leader elections. */
export const preferredElectionPath = '/admin/preferred_replica_election';

/** Kafka request API keys that change the cluster: what a read-only writer must never send. */
export const writeApiKeys: Readonly<Record<string, number>> = {
	Produce: 0,
	OffsetCommit: 8,
	CreateTopics: 19,
	DeleteTopics: 20,
	DeleteRecords: 21,
	AlterConfigs: 33,
	CreatePartitions: 37,
	DeleteGroups: 42,
	ElectLeaders: 43,
	IncrementalAlterConfigs: 44,
	OffsetDelete: 47,
};
