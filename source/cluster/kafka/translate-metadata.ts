import type {MetadataBroker, MetadataTopic, SourceError} from '../types.js';
import {compareNames} from './compare-names.js';
import {errorName} from './kafkajs-wire.js';
import type {RawMetadata} from './wire-types.js';

/** Kafka's own topics; older metadata versions have no is_internal flag to say so. */
const internalTopics = new Set(['__consumer_offsets', '__transaction_state']);

/** Partition errors that describe the partition's state rather than a failure to read it. */
const stateErrors = new Set(['LEADER_NOT_AVAILABLE', 'REPLICA_NOT_AVAILABLE', 'LISTENER_NOT_FOUND']);

export type TranslatedMetadata = {
	clusterId: string;
	controllerId: number | undefined;
	brokers: MetadataBroker[];
	/** Watermarks not yet filled in. */
	topics: MetadataTopic[];
	errors: SourceError[];
};

/**
A metadata reply in ktop's terms, sorted (brokers by id, topics by name, partitions by number,
ISR and offline replicas numerically) so successive snapshots diff cleanly. Replicas keep the
broker's order: the first is the preferred leader. A partition without a leader is data
(leader -1), not an error; a topic the broker could not describe is reported in `errors`.
*/
export function translateMetadata(raw: RawMetadata): TranslatedMetadata {
	const errors: SourceError[] = [];
	const brokers = raw.brokers
		.map(broker => ({id: broker.nodeId, host: broker.host, port: broker.port, rack: broker.rack ?? undefined}))
		.sort((a, b) => a.id - b.id);
	const topics: MetadataTopic[] = raw.topicMetadata.map(topic => {
		if (topic.topicErrorCode !== 0 && !stateErrors.has(errorName(topic.topicErrorCode))) {
			errors.push({source: `kafka:topic:${topic.topic}`, message: `metadata: ${errorName(topic.topicErrorCode)}`});
		}

		return {
			name: topic.topic,
			internal: topic.isInternal === true || internalTopics.has(topic.topic),
			partitions: topic.partitionMetadata
				.map(partition => ({
					partition: partition.partitionId,
					leader: partition.leader >= 0 ? partition.leader : -1,
					replicas: [...partition.replicas],
					isr: numeric(partition.isr),
					offlineReplicas: numeric(partition.offlineReplicas ?? []),
					lowWatermark: undefined,
					highWatermark: undefined,
				}))
				.sort((a, b) => a.partition - b.partition),
		};
	}).sort((a, b) => compareNames(a.name, b.name));

	return {
		clusterId: raw.clusterId ?? '',
		controllerId: raw.controllerId !== undefined && raw.controllerId >= 0 ? raw.controllerId : undefined,
		brokers,
		topics,
		errors,
	};
}

function numeric(ids: number[]): number[] {
	return [...ids].sort((a, b) => a - b);
}
