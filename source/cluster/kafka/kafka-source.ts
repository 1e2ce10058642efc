import type {LoadCounters} from '../load-counters.js';
import type {KafkaView, SourceError} from '../types.js';
import type {KafkaSecurity} from './client-security.js';
import {BrokerConnections} from './broker-connections.js';
import {probeBrokers, type BrokerProbe} from './probe-brokers.js';
import {BrokerDefaults} from './read-broker-defaults.js';
import {readGroups} from './read-groups.js';
import {RecordTimeCache, readRecordTimes} from './read-record-times.js';
import {readWatermarks} from './read-watermarks.js';
import {translateMetadata} from './translate-metadata.js';
import type {ZookeeperTrouble} from './zookeeper-bound.js';

export type {BrokerProbe} from './probe-brokers.js';

export type KafkaSourceOptions = {
	clientId?: string;
	/**
	Bound on one request to one broker, connecting included (default 3000). A hung broker costs a
	refresh about this much once; its other requests in the same refresh fail at once, and it is
	then left alone for a backoff that doubles with each timeout in a row.
	*/
	requestTimeoutMs?: number;
	/** Bound on a whole read (default 10000): requests it has no time left for are not sent. */
	readTimeoutMs?: number;
	/** TCP connect bound (default 2000). */
	connectionTimeoutMs?: number;
	/** probeBrokers' bound per broker (default 2000; 5000 with TLS or SASL). */
	probeTimeoutMs?: number;
	/** Requests waiting to be sent at once (default 8); each broker still gets at most one of each kind at a time. */
	concurrency?: number;
	/** Groups per DescribeGroups request (default 50). */
	groupBatchSize?: number;
	/** Partitions per ListOffsets request (default 1000). */
	offsetsBatchSize?: number;
	/** Backoff after a broker's timeout: the first, doubling up to the last (default 4000, 30000 ms). */
	backoffMs?: {first: number; max: number};
	/** Counts each request sent (the benchmark's load figures). */
	counters?: LoadCounters;
	/** Requests that would make a broker wait on ZooKeeper are not sent while this gives a reason. */
	zookeeperTrouble?: ZookeeperTrouble;
	/** TLS and SASL for every connection, probes included (absent: PLAINTEXT). */
	security?: KafkaSecurity;
};

export type KafkaSource = {
	/** Everything the brokers say. Rejects only when no broker answers metadata; other failures land in `errors`. */
	read(): Promise<KafkaView>;
	probeBrokers(brokers: Array<{id: number; host: string; port: number}>): Promise<Map<number, BrokerProbe>>;
	close(): Promise<void>;
};

const defaults = {
	clientId: 'ktop',
	requestTimeoutMs: 3000,
	readTimeoutMs: 10_000,
	connectionTimeoutMs: 2000,
	probeTimeoutMs: 2000,
	concurrency: 8,
	groupBatchSize: 50,
	offsetsBatchSize: 1000,
	backoffMs: {first: 4000, max: 30_000},
};

const securedProbeTimeoutMs = 5000;

/**
ktop's view of the cluster as the brokers report it, over connections kept open across reads.
One read: metadata for all topics from one broker, then watermarks (ListOffsets per leader),
groups (ListGroups per broker, DescribeGroups per coordinator, OffsetFetch per group) and, once
per connection, each broker's topic defaults, side by side. Each of those fails on its own.
Nothing in a read makes a ZooKeeper-mode broker touch ZooKeeper: topic configs are not asked of
the brokers at all (a topic's overrides come from ZooKeeper's /config/topics, which ktop watches).
Then, where a group lags, the timestamp of the first record it has not consumed (one Fetch per
leader, offsets already read answered from a cache): its time lag.
*/
export function createKafkaSource(bootstrap: string[], options: KafkaSourceOptions = {}): KafkaSource {
	// A secured probe is a TLS handshake and a SASL exchange, not one round trip: it gets more time before it is called unreachable.
	const secured = options.security !== undefined && options.security.protocol !== 'PLAINTEXT';
	const settings = {...defaults, ...(secured ? {probeTimeoutMs: securedProbeTimeoutMs} : {}), ...options};
	const connections = new BrokerConnections(bootstrap, {...settings, roundTimeoutMs: settings.readTimeoutMs});
	const brokerDefaults = new BrokerDefaults(connections);
	const recordTimes = new RecordTimeCache();

	return {
		async read() {
			const round = connections.round();
			let raw;
			try {
				raw = await connections.readMetadata(round);
			} catch (error) {
				throw new Error(`Kafka metadata from ${bootstrap.join(',')} could not be read: ${(error as Error).message}`);
			}

			const metadata = translateMetadata(raw);
			const brokerIds = metadata.brokers.map(broker => broker.id);
			const [watermarkErrors, groups, topicDefaults] = await Promise.all([
				contained('kafka:watermarks', readWatermarks(round, metadata.topics, {concurrency: settings.concurrency, maxPartitionsPerRequest: settings.offsetsBatchSize}), error => [error]),
				contained('kafka:groups', readGroups(round, brokerIds, {concurrency: settings.concurrency, batchSize: settings.groupBatchSize}), error => ({groups: [], errors: [error]})),
				contained('kafka:broker-defaults', brokerDefaults.read(round, brokerIds), error => ({defaults: [], errors: [error]})),
			]);
			// Needs both the committed offsets and the watermarks: where a group lags, the time of its next record.
			const recordTimeErrors = await contained('kafka:record-times', readRecordTimes(round, groups.groups, metadata.topics, recordTimes).then(() => []), error => [error]);
			return {
				clusterId: metadata.clusterId,
				controllerId: metadata.controllerId,
				brokers: metadata.brokers,
				topics: metadata.topics,
				groups: groups.groups,
				brokerDefaults: topicDefaults.defaults,
				backoffs: connections.backoffs(),
				errors: [...metadata.errors, ...watermarkErrors, ...groups.errors, ...topicDefaults.errors, ...recordTimeErrors],
			};
		},
		probeBrokers: async brokers => probeBrokers(brokers, {clientId: settings.clientId, timeoutMs: settings.probeTimeoutMs, backoff: connections.backoff, counters: settings.counters, security: settings.security}),
		close: async () => connections.close(),
	};
}

/** A part that throws (a bug, not a broker) becomes that part's error instead of failing the read. */
async function contained<T>(source: string, part: Promise<T>, fallback: (error: SourceError) => T): Promise<T> {
	try {
		return await part;
	} catch (error) {
		return fallback({source, message: (error as Error).message});
	}
}
