import {WriteError, type BrokerApis, type ClusterWriter} from '../../write-types.js';
import {BrokerConnections} from '../broker-connections.js';
import type {KafkaSecurity} from '../client-security.js';
import {controllerApiVersions} from './controller-api-versions.js';
import {createTopic, deleteTopic, createPartitions, alterTopicConfigs, replaceTopicConfigs} from './topic-writes.js';
import {deleteRecords} from './delete-records.js';
import {electPreferredLeaders} from './elect-preferred-leaders.js';
import {describeTopicConfigs, groupOffsets, listOffsets, readPartitions} from './fresh-reads.js';
import {commitGroupOffsets, deleteGroup} from './group-writes.js';
import {createPartitioner, produceRecord} from './produce-record.js';
import {guardReadOnly} from './read-only-guard.js';
import type {ZookeeperTrouble} from '../zookeeper-bound.js';
import {WriteSession} from './write-session.js';
import {preferredElectionRunning, requestPreferredElection} from '../../zookeeper/preferred-election.js';
import type {ZookeeperAuth} from '../../types.js';

export type ClusterWriterOptions = {
	readOnly: boolean;
	/** The read-only context this writer is for, named in the refusal (else the refusal names --read-only). */
	readOnlyContext?: string | undefined;
	clientId?: string;
	/** Bound on one request to one broker, connecting included (default 10000). */
	requestTimeoutMs?: number;
	/** TCP connect bound (default 3000). */
	connectionTimeoutMs?: number;
	/** Test hook: wraps every socket the writer opens (see wire-tap.ts). */
	socketFactory?: unknown;
	/** Requests that would make a broker wait on ZooKeeper are refused while this gives a reason (ZookeeperTrouble). */
	zookeeperTrouble?: ZookeeperTrouble;
	/** TLS and SASL for every connection (absent: PLAINTEXT). */
	security?: KafkaSecurity;
	/** The ensemble the brokers use, for the writes Kafka takes through ZooKeeper (absent: brokers only). */
	zookeeper?: {connect: string; auth?: readonly ZookeeperAuth[]};
	/** Test hook: API keys apiVersions() leaves out, so a current broker looks like an older one to the actions. */
	hideApis?: readonly number[];
};

/**
The broker-side wait (the controller creating a topic, replicas acknowledging) is kept well inside
ktop's own bound, so the broker's REQUEST_TIMED_OUT ("it may still complete") arrives before ktop
gives up on the reply.
*/
function serverTimeoutOf(requestTimeoutMs: number): number {
	return Math.max(500, Math.min(requestTimeoutMs - 2000, Math.round(requestTimeoutMs * 0.8)));
}

/**
The ClusterWriter over ktop's own broker connections (BrokerConnections, kept open between calls,
opened on first use). Each call is one WriteSession: a metadata read, the request to the broker
that must take it (controller, leader or group coordinator), one more try when the reply says that
broker moved, and a bound on the whole (three request timeouts).
*/
export function createClusterWriter(bootstrap: string[], options: ClusterWriterOptions): ClusterWriter {
	const requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
	const connections = new BrokerConnections(bootstrap, {
		clientId: options.clientId ?? 'ktop',
		requestTimeoutMs,
		connectionTimeoutMs: options.connectionTimeoutMs ?? 3000,
		roundTimeoutMs: requestTimeoutMs * 3,
		socketFactory: options.socketFactory,
		zookeeperTrouble: options.zookeeperTrouble,
		security: options.security,
	});
	const serverTimeoutMs = serverTimeoutOf(requestTimeoutMs);
	const partitioner = createPartitioner();
	const read = () => new WriteSession(connections, false, serverTimeoutMs);
	const write = () => new WriteSession(connections, true, serverTimeoutMs);
	let known: BrokerApis | undefined;

	return guardReadOnly({
		readOnly: options.readOnly,
		connection: `bootstrap ${bootstrap.join(',')}`,
		zookeeperTrouble: () => options.zookeeperTrouble?.(),
		zookeeperWritable: options.zookeeper !== undefined,
		async apiVersions() {
			known = await controllerApiVersions(read(), options.hideApis);
			return known;
		},
		knownApiVersions: () => known,
		describeTopicConfigs: async topic => describeTopicConfigs(read(), topic),
		readPartitions: async topics => readPartitions(read(), topics),
		listOffsets: async (topic, partitions, spec) => listOffsets(read(), topic, partitions, spec),
		groupOffsets: async group => groupOffsets(read(), group),
		createTopic: async (topic, validate) => createTopic(write(), topic, validate),
		deleteTopic: async name => deleteTopic(write(), name),
		createPartitions: async (topic, totalCount, validate) => createPartitions(write(), topic, totalCount, validate),
		alterTopicConfigs: async (topic, changes, validate) => alterTopicConfigs(write(), topic, changes, validate),
		replaceTopicConfigs: async (topic, overrides, validate) => replaceTopicConfigs(write(), topic, overrides, validate),
		produce: async input => produceRecord(write(), partitioner, input),
		deleteRecords: async (topic, partitions) => deleteRecords(write(), topic, partitions),
		electPreferredLeaders: async partitions => electPreferredLeaders(write(), partitions),
		async requestPreferredElection(partitions) {
			const result = await requestPreferredElection(zookeeperOf(options).connect, partitions, {
				readOnly: options.readOnly, zookeeperTrouble: options.zookeeperTrouble, auth: options.zookeeper?.auth, timeoutMs: requestTimeoutMs,
			});
			if (!result.requested) throw new WriteError({code: 'NOT_REQUESTED', message: result.reason, next: undefined, detail: undefined});
		},
		preferredElectionRunning: async () => preferredElectionRunning(zookeeperOf(options).connect, {readOnly: options.readOnly, auth: options.zookeeper?.auth, timeoutMs: requestTimeoutMs}),
		commitGroupOffsets: async (group, offsets) => commitGroupOffsets(write(), group, offsets),
		deleteGroup: async group => deleteGroup(write(), group),
		close: async () => connections.close(),
	}, options.readOnlyContext);
}

/** The ensemble for the writes Kafka takes through ZooKeeper; a writer without one (brokers only) refuses them. */
function zookeeperOf(options: ClusterWriterOptions): {connect: string} {
	if (options.zookeeper) return options.zookeeper;
	throw new WriteError({code: 'NO_ZOOKEEPER', message: 'ktop has no ZooKeeper address (brokers only): the election znode cannot be used', next: 'start ktop with --zookeeper to elect leaders on this Kafka version', detail: undefined});
}
