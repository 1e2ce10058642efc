import type {BrokerRegistration, SourceError, ZkKafkaView, ZkPartitionState, ZkTopic} from '../types.js';
import {parseBrokerRegistration} from './kafka-znodes.js';
import {
	parseClusterId, parseController, parseControllerEpoch, parsePartitionState, parsePreferredElections,
	parseReassignments, parseTopicAssignment, parseTopicConfig, reassignmentsInTopic, type TopicAssignment,
} from './parse-kafka-znodes.js';
import type {ZkSession} from './session.js';
import {ZnodeCache, type ZnodeCacheOptions, type ZnodeKey} from './znode-cache.js';

export type KafkaZnodes = {
	view: ZkKafkaView;
	/** The ensemble's /zookeeper/config, read in the same pass; undefined when it could not be read. */
	ensembleConfig: string | undefined;
	/** Znodes that held something other than what Kafka writes there; the rest of the view stands. */
	errors: SourceError[];
};

/** Reads Kafka's znodes once, without watches. */
export async function readKafkaZnodes(session: ZkSession, options: Omit<ZnodeCacheOptions, 'watch'> = {}): Promise<KafkaZnodes> {
	return readKafkaView(new ZnodeCache(session, {...options, watch: false}));
}

const fixedData = ['/cluster/id', '/controller', '/controller_epoch', '/admin/reassign_partitions', '/admin/preferred_replica_election'];
const fixedChildren = ['/brokers/ids', '/brokers/topics', '/admin/delete_topics'];

/** The last complete pass over each cache, and the cache's change count when that pass began. */
const lastPass = new WeakMap<ZnodeCache, {changeCount: number; result: KafkaZnodes}>();

/**
Kafka's view of itself in ZooKeeper, read through `cache` level by level: the fixed znodes,
then each broker, topic and topic config they list, then each partition's state the topics
assign. A missing znode is normal (no reassignment running, a topic being created) and
reads as empty. A network failure rejects; a malformed znode becomes an error beside the view.

When no watch has fired since the last pass, that pass's result is returned as it is, the very
same objects: at 10,000 partitions, a quiet cluster then costs nothing to refresh, and a caller
can tell "unchanged" by identity. Callers must not modify what they get.
*/
export async function readKafkaView(cache: ZnodeCache): Promise<KafkaZnodes> {
	const changeCount = cache.changeCount();
	const last = lastPass.get(cache);
	if (last?.changeCount === changeCount) return last.result;
	const result = await walk(cache);
	lastPass.set(cache, {changeCount, result});
	return result;
}

async function walk(cache: ZnodeCache): Promise<KafkaZnodes> {
	cache.beginPass();
	const errors: SourceError[] = [];
	const parsed = <T>(path: string, parse: (data: string) => T): T | undefined => {
		try {
			return cache.parsed(path, parse);
		} catch (error) {
			errors.push({source: `zookeeper:${path}`, message: (error as Error).message});
			return undefined;
		}
	};

	// The ensemble config is not Kafka's, but it is one more watched read of the same pass.
	const ensembleConfig = cache.refresh([{kind: 'config'}]).then(() => cache.config(), () => undefined);
	await cache.refresh([
		...fixedData.map(path => ({kind: 'data', path}) as const),
		...fixedChildren.map(path => ({kind: 'children', path}) as const),
	]);

	const brokerIds = numericChildren(cache.children('/brokers/ids'));
	const topicNames = [...cache.children('/brokers/topics') ?? []].sort();
	await cache.refresh([
		...brokerIds.map(id => ({kind: 'data', path: `/brokers/ids/${id}`}) as const),
		...topicNames.flatMap(topic => [
			{kind: 'data', path: `/brokers/topics/${topic}`} as const,
			{kind: 'data', path: `/config/topics/${topic}`} as const,
		]),
	]);

	const assignments = new Map<string, TopicAssignment>();
	for (const topic of topicNames) {
		const assignment = parsed(`/brokers/topics/${topic}`, data => parseTopicAssignment(topic, data));
		if (assignment) assignments.set(topic, assignment);
	}

	const statePath = (topic: string, partition: number) => `/brokers/topics/${topic}/partitions/${partition}/state`;
	const stateKeys: ZnodeKey[] = [];
	for (const [topic, {assignment}] of assignments) {
		for (const partition of partitionsOf(assignment)) stateKeys.push({kind: 'data', path: statePath(topic, partition)});
	}

	await cache.refresh(stateKeys);
	cache.sweep();

	const registrations: BrokerRegistration[] = brokerIds.flatMap(id => {
		const registration = parsed(`/brokers/ids/${id}`, data => parseBrokerRegistration(id, data));
		return registration ? [registration] : [];
	});

	const topics: ZkTopic[] = [];
	// A copy: the parsed list is the cache's, kept for the next pass.
	const reassignments = [...parsed('/admin/reassign_partitions', parseReassignments) ?? []];
	for (const [topic, assignment] of assignments) {
		const states: ZkPartitionState[] = [];
		for (const partition of partitionsOf(assignment.assignment)) {
			const state = parsed(statePath(topic, partition), data => parsePartitionState(topic, partition, data));
			if (state) states.push(state);
		}

		topics.push({
			name: topic,
			assignment: assignment.assignment,
			states,
			configOverrides: parsed(`/config/topics/${topic}`, data => parseTopicConfig(topic, data)) ?? {},
		});
		reassignments.push(...reassignmentsInTopic(topic, assignment));
	}

	if (cache.children('/brokers/ids') === undefined && cache.children('/brokers/topics') === undefined) {
		errors.push({source: 'zookeeper', message: 'no Kafka cluster here: /brokers does not exist (is the chroot right?)'});
	}

	return {
		view: {
			clusterId: parsed('/cluster/id', parseClusterId),
			controller: parsed('/controller', parseController),
			controllerEpoch: parsed('/controller_epoch', parseControllerEpoch),
			registrations,
			topics,
			topicsPendingDeletion: [...cache.children('/admin/delete_topics') ?? []].sort(),
			reassignments,
			preferredElections: parsed('/admin/preferred_replica_election', parsePreferredElections) ?? [],
		},
		ensembleConfig: await ensembleConfig,
		errors,
	};
}

function partitionsOf(assignment: Record<number, number[]>): number[] {
	return Object.keys(assignment).map(Number).sort((a, b) => a - b);
}

function numericChildren(children: string[] | undefined): number[] {
	return (children ?? []).filter(child => /^\d+$/.test(child)).map(Number).sort((a, b) => a - b);
}
