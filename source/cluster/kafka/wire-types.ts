/**
The brokers' replies as kafkajs decodes them, before ktop reads them. Error codes stay in
place (0 = none): ktop reads them per item instead of letting one bad partition fail a
whole reply. These are also the shapes of the recorded replies in test/fixtures/kafka/.
*/

/** Metadata v1+ (kafkajs negotiates up to v6; offlineReplicas from v5). */
export type RawMetadata = {
	brokers: Array<{nodeId: number; host: string; port: number; rack?: string | null}>;
	clusterId?: string | null;
	controllerId?: number;
	topicMetadata: Array<{
		topicErrorCode: number;
		topic: string;
		isInternal?: boolean;
		partitionMetadata: Array<{
			partitionErrorCode: number;
			partitionId: number;
			leader: number;
			replicas: number[];
			isr: number[];
			offlineReplicas?: number[];
		}>;
	}>;
};

/** ListOffsets v1+: one offset per partition, as a decimal string (INT64). */
export type RawListOffsets = {
	responses: Array<{
		topic: string;
		partitions: Array<{partition: number; errorCode: number; offset?: string; offsets?: string[]}>;
	}>;
};

export type RawConfigEntry = {
	configName: string;
	configValue: string | null;
	readOnly?: boolean;
	/** v0 carries only this flag; kafkajs derives it from configSource on v1+. */
	isDefault?: boolean;
	/** v1+: 1 = topic override, 4 = broker's server.properties, 5 = Kafka's default... */
	configSource?: number;
	isSensitive?: boolean;
};

export type RawDescribeConfigs = {
	resources: Array<{
		errorCode: number;
		errorMessage?: string | null;
		resourceType: number;
		resourceName: string;
		configEntries: RawConfigEntry[];
	}>;
};

export type RawListGroups = {
	errorCode: number;
	groups: Array<{groupId: string; protocolType: string}>;
};

export type RawGroupMember = {
	memberId: string;
	clientId: string;
	clientHost: string;
	memberMetadata: Buffer | null;
	memberAssignment: Buffer | null;
};

export type RawGroupDescription = {
	errorCode: number;
	groupId: string;
	state: string;
	protocolType: string;
	protocol: string;
	members: RawGroupMember[];
};

export type RawDescribeGroups = {groups: RawGroupDescription[]};

/** OffsetFetch v1+; the top-level errorCode exists from v2. */
export type RawOffsetFetch = {
	errorCode?: number;
	responses: Array<{
		topic: string;
		partitions: Array<{partition: number; offset: string; metadata?: string | null; errorCode: number}>;
	}>;
};

// The writes' replies (the ClusterWriter's, source/cluster/kafka/writer/).

/** CreateTopics v1+ and CreatePartitions carry error_message; DeleteTopics does not. */
export type RawTopicErrors = {
	topicErrors: Array<{topic: string; errorCode: number; errorMessage?: string | null}>;
};

/** DeleteRecords v0+: the partition's new log start offset (a kafkajs Long), or -1 with an error. */
export type RawDeleteRecords = {
	topics: Array<{topic: string; partitions: Array<{partition: number; lowWatermark: {toString(): string}; errorCode: number}>}>;
};

export type RawDeleteGroups = {results: Array<{groupId: string; errorCode: number}>};

export type RawOffsetCommit = {
	responses: Array<{topic: string; partitions: Array<{partition: number; errorCode: number}>}>;
};

/** Produce v3+: where each partition's batch landed (base_offset, a decimal string). */
export type RawProduce = {
	topics: Array<{topicName: string; partitions: Array<{partition: number; errorCode: number; baseOffset: string}>}>;
};

/** FindCoordinator v0+; error_message from v1. */
export type RawFindCoordinator = {
	errorCode: number;
	errorMessage?: string | null;
	coordinator: {nodeId: number; host: string; port: number};
};
