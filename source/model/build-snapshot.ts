import type {KafkaView, SourceError, ZkEnsembleMember, ZkKafkaView, ZkServer} from '../cluster/types.js';
import {summarizeBrokers, type BrokerProbe} from './broker-summary.js';
import {summarizeGroups} from './group-summary.js';
import {compareNatural} from './natural-order.js';
import {agreedDefaults} from './topic-defaults.js';
import {summarizeTopics} from './topic-summary.js';
import type {ClusterSnapshot, ConnectionContext, ConnectionSecurity} from './types.js';
import {notJudged} from './not-judged.js';
import type {BrokersOnly} from './zookeeper-access.js';
import {summarizeZookeeper} from './zookeeper-summary.js';

/** What one refresh read. Each source is absent when it could not be read; its error is in `errors`. */
export type SnapshotInput = {
	takenAt: number;
	connection: {zookeeper: string | undefined; bootstrap: string[]} & Partial<ConnectionSecurity> & Partial<ConnectionContext>;
	zkServers?: ZkServer[];
	/** /zookeeper/config's members, probed or not (see ZkSourceRead.members). */
	zkMembers?: ZkEnsembleMember[];
	zkKafka?: ZkKafkaView;
	kafka?: KafkaView;
	brokerProbes?: ReadonlyMap<number, BrokerProbe>;
	errors: SourceError[];
	/** ZooKeeper is not read (chosen, refused, TLS only, not named): ktop runs on the brokers alone. */
	brokersOnly?: BrokersOnly;
};

/**
Merges what ZooKeeper and the brokers said into one snapshot. Pure and deterministic: every list
is sorted, so two refreshes that read the same cluster build equal snapshots. `findings` is empty
and lag statuses are 'UNKNOWN': both need history, which the store keeps.
*/
export function buildSnapshot(input: SnapshotInput): ClusterSnapshot {
	const {zkKafka, kafka} = input;
	const controller = zkKafka?.controller
		? {brokerId: zkKafka.controller.brokerId, epoch: zkKafka.controllerEpoch}
		: kafka?.controllerId !== undefined && kafka.controllerId >= 0 ? {brokerId: kafka.controllerId, epoch: undefined} : undefined;
	// Registrations are ephemeral znodes: with ZooKeeper read, they are the brokers that are alive.
	const registered = zkKafka ? new Set(zkKafka.registrations.map(registration => registration.id)) : undefined;
	const topics = summarizeTopics(kafka?.topics, zkKafka, registered, agreedDefaults(kafka?.brokerDefaults));
	return {
		takenAt: input.takenAt,
		clusterId: zkKafka?.clusterId ?? (kafka?.clusterId || undefined),
		connection: {...input.connection, bootstrap: [...input.connection.bootstrap]},
		zookeeper: input.zkServers ? summarizeZookeeper(input.zkServers, input.zkMembers) : undefined,
		controller,
		brokers: summarizeBrokers({
			registrations: zkKafka?.registrations ?? [],
			metadata: kafka?.brokers ?? [],
			probes: input.brokerProbes,
			controllerId: controller?.brokerId,
			topics,
		}),
		topics,
		groups: summarizeGroups(kafka?.groups ?? [], topics, {brokers: kafka?.brokers ?? [], takenAt: input.takenAt}),
		reassignments: (zkKafka?.reassignments ?? [])
			.map(reassignment => ({...reassignment, replicas: [...reassignment.replicas]}))
			.sort(byTopicPartition),
		preferredElections: (zkKafka?.preferredElections ?? []).map(election => ({...election})).sort(byTopicPartition),
		backoffs: (kafka?.backoffs ?? []).map(backoff => ({...backoff})),
		findings: [],
		errors: mergeErrors([...input.errors, ...(kafka?.errors ?? [])]),
		...(input.brokersOnly ? {brokersOnly: {...input.brokersOnly}, notJudged: notJudged(input.brokersOnly, input.zkServers !== undefined)} : {}),
	};
}

function byTopicPartition(a: {topic: string; partition: number}, b: {topic: string; partition: number}): number {
	return compareNatural(a.topic, b.topic) || a.partition - b.partition;
}

function mergeErrors(errors: readonly SourceError[]): SourceError[] {
	const seen = new Map<string, SourceError>();
	for (const error of errors) seen.set(`${error.source}\u0000${error.message}`, {source: error.source, message: error.message});
	return [...seen.values()].sort((a, b) => compareNatural(a.source, b.source) || compareNatural(a.message, b.message));
}
