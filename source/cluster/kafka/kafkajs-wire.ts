import {createRequire} from 'node:module';
import type {Socket} from 'node:net';
import type {LoadCounters} from '../load-counters.js';
import type {KafkaSecurity} from './client-security.js';
import {decodeFetchResponse, type RawFetch} from './fetch-response.js';
import {kafkajsSecurity} from './kafkajs-security.js';
import {OnePerKind} from './one-per-kind.js';
import {closedEarlyText, SecurityFailure, securityFailureText, type FailureContext} from './security-failure.js';
import {HeldForZookeeper, zookeeperBoundApiKeys, type ZookeeperTrouble} from './zookeeper-bound.js';
import type {ApiVersionRange, BrokerApis} from '../write-types.js';
import type {
	RawDeleteGroups, RawDeleteRecords, RawDescribeConfigs, RawDescribeGroups, RawFindCoordinator, RawListGroups, RawListOffsets,
	RawMetadata, RawOffsetCommit, RawOffsetFetch, RawProduce, RawTopicErrors,
} from './wire-types.js';

/*
The one place ktop reaches below kafkajs' public API (kafkajs is pinned to 2.2.4 in package.json;
test/cluster/kafka/kafkajs-wire.test.ts fails loudly if these internals move). Why not admin():
- the parse step of every kafkajs reply throws on the first error code in it, so one offline
  partition (LEADER_NOT_AVAILABLE) fails fetchTopicMetadata, and one moved leader fails a whole
  ListOffsets: ktop must show exactly those states, so it reads error codes itself, per item;
- admin.fetchTopicOffsets is one topic per call and adds each topic to the client's metadata
  targets (a metadata refresh per new topic): 5.2 s for 1,000 topics here, and it breaks when
  called concurrently; one ListOffsets per leader covers them all (43 ms for 10,000 partitions);
- admin.listGroups, describeConfigs and describeGroups pick brokers themselves (a random one,
  the controller, a FindCoordinator per group) and fail as a whole when one of them hangs;
  ktop addresses each broker itself, so a paused broker costs only its own share of a refresh.
Broker (connect, ApiVersions negotiation), ConnectionPool and the request codecs are still
kafkajs': only the routing and the error handling are ktop's. Fetch replies are the exception:
ktop decodes them itself (fetch-response.ts says why), and decodes legacy message sets (magic 0
and 1, from before Kafka 0.11) with kafkajs' decoder. The writes (writer/) use kafkajs' codecs
too, but for ElectLeaders and IncrementalAlterConfigs, which kafkajs 2.2.4 lacks: ktop's own
codecs for those (writer/*-request.ts) go through `request`, version-negotiated the same way.
The ApiVersions answer kafkajs keeps from connect() is handed out as ktop's own BrokerApis
(apiVersions()): the actions check it before their previews (model/actions/api-support.ts).
*/

const require = createRequire(import.meta.url);

export type ProtocolRequest = {
	request: unknown;
	response: {decode: (payload: Buffer) => Promise<unknown>; parse: (data: unknown) => Promise<unknown>};
};

/** The shape of kafkajs' request definitions (protocol/requests/<name>/index.js), which ktop's own codecs share. */
export type RequestDefinition = {
	versions: string[];
	protocol?: (options: {version: number}) => ((args: never) => ProtocolRequest) | undefined;
};
type KafkajsLogger = {namespace: (name: string) => KafkajsLogger};

type KafkajsBroker = {
	connect(): Promise<void>;
	disconnect(): Promise<void>;
	isConnected(): boolean;
	/** Set by connect(): the broker's ApiVersions answer, by API key. */
	versions: Record<string, {minVersion: number; maxVersion: number}> | null;
	/** Set by connect(): picks the highest request version both sides implement. */
	lookupRequest: (apiKey: number, definition: RequestDefinition) => (args?: unknown) => ProtocolRequest;
	connectionPool: {send: (request: ProtocolRequest) => Promise<unknown>};
};

type ConnectionOptions = {
	host: string;
	ssl: unknown;
	sasl: unknown;
	port: number;
	clientId: string;
	connectionTimeout: number;
	requestTimeout: number;
	enforceRequestTimeout: boolean;
	maxInFlightRequests: null;
	socketFactory: unknown;
	logger: KafkajsLogger;
	instrumentationEmitter: null;
};

const Broker = require('kafkajs/src/broker') as new (options: {
	connectionPool: unknown;
	logger: KafkajsLogger;
	allowAutoTopicCreation: boolean;
}) => KafkajsBroker;
const ConnectionPool = require('kafkajs/src/network/connectionPool') as new (options: ConnectionOptions) => unknown;
const createSocketFactory = require('kafkajs/src/network/socketFactory') as () => unknown;
const {createLogger} = require('kafkajs/src/loggers') as {
	createLogger: (options: {level: number; logCreator: () => () => void}) => KafkajsLogger;
};
const {requests} = require('kafkajs/src/protocol/requests') as {requests: Record<string, RequestDefinition>};
const apiKeys = require('kafkajs/src/protocol/requests/apiKeys') as Record<string, number>;
const messageSetDecoder = require('kafkajs/src/protocol/messageSet/decoder') as (decoder: unknown, size: number) => Promise<LegacyMessage[]>;
const KafkajsDecoder = require('kafkajs/src/protocol/decoder') as new (buffer: Buffer) => unknown;
const {errorCodes} = require('kafkajs/src/protocol/error') as {errorCodes: Array<{type: string; code: number; message: string}>};

// Level 0 is NOTHING, and the log creator drops everything anyway: KAFKAJS_LOG_LEVEL in the
// environment overrides the level, and the terminal belongs to the UI.
const silentLogger = createLogger({level: 0, logCreator: () => () => undefined});
/** kafkajs' own: a plain TCP socket with keep-alive. A wire tap (writer/wire-tap.ts) wraps it. */
export const defaultSocketFactory: unknown = createSocketFactory();

export type WireTimeouts = {connectionTimeoutMs: number; requestTimeoutMs: number};

export type WireHooks = {
	/** Counts every request sent, as 'kafka host:port' -> API name. */
	counters?: LoadCounters;
	/** Requests that would make the broker wait on ZooKeeper are refused while this gives a reason. */
	zookeeperTrouble?: ZookeeperTrouble;
	/** TLS and SASL, the same for every connection ktop opens (absent: PLAINTEXT). */
	security?: KafkaSecurity;
};

/** `zookeeperBound`: held while ZooKeeper is in trouble (default: by API, zookeeper-bound.ts); `counted`: its name in the load counts. */
type SendHow = {zookeeperBound?: boolean; counted?: string};

const apiNames = new Map(Object.entries(apiKeys).map(([name, key]) => [key, name]));

/** One connection to one broker, speaking the requests ktop reads with. */
export type Wire = {
	readonly address: string;
	connect(): Promise<void>;
	/** Ends the connection politely, after the requests pending on it: for a broker that answers. */
	disconnect(): Promise<void>;
	/**
	Closes the sockets at once and fails what is pending on them. For a broker that did not answer:
	a polite close would wait for it forever (FIN-WAIT-2 on a paused broker) and keep the descriptor.
	Nothing is sent on this wire afterwards.
	*/
	destroy(reason: string): void;
	/** What the broker's ApiVersions answer offered (learned when connecting); undefined before that. */
	apiVersions(): BrokerApis | undefined;
	metadata(): Promise<RawMetadata>;
	listOffsets(isolationLevel: number, topics: Array<{topic: string; partitions: Array<{partition: number; timestamp: number}>}>): Promise<RawListOffsets>;
	describeTopicConfigs(topics: string[]): Promise<RawDescribeConfigs>;
	/** The broker's own configs (its server.properties and dynamic settings), as it holds them in memory. */
	describeBrokerConfigs(brokerId: number): Promise<RawDescribeConfigs>;
	listGroups(): Promise<RawListGroups>;
	describeGroups(groupIds: string[]): Promise<RawDescribeGroups>;
	/** Every committed offset of the group (kafkajs sends an empty topic list, which brokers read as "all"). */
	offsetFetch(groupId: string): Promise<RawOffsetFetch>;
	/** Fetch by partition, outside any consumer group (see record-stream.ts). */
	fetch(request: FetchRequest): Promise<RawFetch>;

	// Writes, for the ClusterWriter only (writer/). `timeoutMs` is how long the broker itself waits
	// (for the controller, the replicas) before it answers REQUEST_TIMED_OUT.
	createTopics(topics: NewTopicRequest[], validateOnly: boolean, timeoutMs: number): Promise<RawTopicErrors>;
	deleteTopics(topics: string[], timeoutMs: number): Promise<RawTopicErrors>;
	createPartitions(topicPartitions: Array<{topic: string; count: number}>, validateOnly: boolean, timeoutMs: number): Promise<RawTopicErrors>;
	/** AlterConfigs on one topic: its whole override set becomes `configEntries`. */
	alterTopicConfigs(topic: string, configEntries: Array<{name: string; value: string}>, validateOnly: boolean): Promise<RawAlterConfigs>;
	deleteRecords(topics: Array<{topic: string; partitions: Array<{partition: number; offset: string}>}>, timeoutMs: number): Promise<RawDeleteRecords>;
	deleteGroups(groupIds: string[]): Promise<RawDeleteGroups>;
	/** Outside any generation (generation -1, no member id), as admin tools reset offsets: only an empty group takes it. */
	offsetCommit(groupId: string, topics: Array<{topic: string; partitions: Array<{partition: number; offset: string}>}>): Promise<RawOffsetCommit>;
	/** acks=all, no idempotence, no compression: one batch per partition. */
	produce(topicData: Array<{topic: string; partitions: Array<{partition: number; messages: ProduceMessage[]}>}>, timeoutMs: number): Promise<RawProduce>;
	findGroupCoordinator(groupId: string): Promise<RawFindCoordinator>;
	/** A request with ktop's own codec, at the highest version both sides implement. */
	request<T>(apiKey: number, definition: RequestDefinition, args: unknown): Promise<T>;
};

/** AlterConfigs v0-v1: one entry per resource. */
export type RawAlterConfigs = {resources: Array<{errorCode: number; errorMessage: string | null; resourceType: number; resourceName: string}>};

export type NewTopicRequest = {
	topic: string;
	numPartitions: number;
	replicationFactor: number;
	configEntries: Array<{name: string; value: string}>;
};

/** A record as kafkajs' record batch encoder takes it; a header key given an array is sent once per value. */
export type ProduceMessage = {key: Buffer | null; value: Buffer | null; headers: Record<string, Buffer | Buffer[]>};

export type FetchRequest = {
	maxWaitTime: number;
	minBytes: number;
	/** Bound on the whole reply (a first batch larger than this still comes whole, KIP-74). */
	maxBytes: number;
	topics: Array<{topic: string; partitions: Array<{partition: number; fetchOffset: string; maxBytes: number}>}>;
};

/** A message of the formats before record batches (magic 0 and 1), as kafkajs decodes it. */
export type LegacyMessage = {offset: string; magicByte: number; timestamp?: string; key: Buffer | null; value: Buffer | null};

const topicResourceType = 2;
const brokerResourceType = 4;
/** FindCoordinator key_type 0: a consumer group (1 is a transactional id). */
const groupCoordinator = 0;
/**
READ_UNCOMMITTED: the log as it is, up to the high watermark, as kafka-console-consumer reads by
default; records of aborted transactions show too (kcat, with librdkafka's read_committed, hides them).
*/
const readUncommitted = 0;

const acksAll = -1;
const noCompression = 0;

export function openWire(host: string, port: number, clientId: string, timeouts: WireTimeouts, socketFactory = defaultSocketFactory, hooks: WireHooks = {}): Wire {
	const address = `${host}:${port}`;
	const sockets = new Set<Socket>();
	let destroyed: string | undefined;
	const makeSocket = socketFactory as (options: unknown) => Socket;
	const failureContext: FailureContext = {address, security: hooks.security};
	const {ssl, sasl} = kafkajsSecurity(hooks.security);
	/** Whether a request has been answered since the connection was made: a close before that is the listener refusing ktop's protocol. */
	let answeredSinceConnect = false;
	const trackedFactory = (options: unknown) => {
		const socket = makeSocket(options);
		sockets.add(socket);
		socket.once('close', () => sockets.delete(socket));
		// A TLS listener answers plain Kafka with a TLS alert record (content type 20-23, version 3.x).
		if (ssl === undefined) {
			socket.once('data', (chunk: Buffer) => {
				if (chunk.length >= 2 && chunk[0]! >= 0x14 && chunk[0]! <= 0x17 && chunk[1] === 0x03) failureContext.tlsReply = true;
			});
		}

		return socket;
	};

	const broker = new Broker({
		connectionPool: new ConnectionPool({
			host, port, clientId, socketFactory: trackedFactory, ssl, sasl,
			connectionTimeout: timeouts.connectionTimeoutMs,
			requestTimeout: timeouts.requestTimeoutMs,
			enforceRequestTimeout: true,
			maxInFlightRequests: null,
			logger: silentLogger,
			instrumentationEmitter: null,
		}),
		logger: silentLogger,
		// Never let a metadata request create a topic.
		allowAutoTopicCreation: false,
	});

	const perKind = new OnePerKind();
	/** Every request goes through here: refused when destroyed or held for ZooKeeper, counted, one per kind at a time. */
	const guarded = async <T>(apiKey: number, work: () => Promise<T>, how: SendHow = {}): Promise<T> => {
		const name = apiNames.get(apiKey) ?? `api ${apiKey}`;
		const zookeeperBound = how.zookeeperBound ?? zookeeperBoundApiKeys.has(apiKey);
		if (zookeeperBound) {
			const trouble = hooks.zookeeperTrouble?.();
			if (trouble !== undefined) throw new HeldForZookeeper(name, trouble);
		}

		return perKind.run(name, async () => {
			if (destroyed !== undefined) throw new Error(`${address}: connection closed (${destroyed})`);
			hooks.counters?.count(`kafka ${address}`, how.counted ?? name);
			try {
				const reply = await work();
				answeredSinceConnect = true;
				return reply;
			} catch (error) {
				// The fetch connection (kafkajs' second socket) authenticates at its first request.
				const text = securityFailureText(error, failureContext);
				if (text !== undefined) throw new SecurityFailure(text, {cause: error});
				// A SASL listener closes the connection of a client that sends a request without authenticating.
				if (!answeredSinceConnect && sasl === undefined && (error as Error).name === 'KafkaJSConnectionClosedError') {
					throw new SecurityFailure(closedEarlyText(failureContext), {cause: error});
				}

				throw error;
			}
		});
	};

	const sendDefined = async <T>(apiKey: number, definition: RequestDefinition, args?: unknown, check?: (request: {apiVersion: number}) => void, how?: SendHow): Promise<T> => guarded(apiKey, async () => {
		const {request, response} = broker.lookupRequest(apiKey, definition)(args);
		check?.(request as {apiVersion: number});
		// Keep kafkajs' decoder, skip its parse step: that step throws on the first error code.
		return broker.connectionPool.send({request, response: {decode: response.decode, parse: async data => data}}) as Promise<T>;
	}, how);

	const classifyConnectFailure = async (error: unknown): Promise<unknown> => {
		if ((error as {type?: string}).type === 'UNSUPPORTED_SASL_MECHANISM' && hooks.security) {
			failureContext.offeredMechanisms = await offeredMechanisms(host, port, clientId, timeouts, hooks.security, socketFactory).catch(() => undefined);
		}

		const text = securityFailureText(error, failureContext)
			// A close during the handshake is the listener judging ktop only over TLS (a refused client certificate
			// looks like one under TLS 1.3) or when it answered in TLS; on a plain connection it is a broker going
			// away (killed mid-connect), and calling that a security problem would back it off with a false reason.
			?? (((error as Error).name === 'KafkaJSConnectionClosedError' && ssl !== undefined) || failureContext.tlsReply ? closedEarlyText(failureContext) : undefined);
		return text === undefined ? error : new SecurityFailure(text, {cause: error});
	};

	const send = async <T>(api: string, args?: unknown, check?: (request: {apiVersion: number}) => void, how?: SendHow): Promise<T> => sendDefined<T>(apiKeys[api]!, requests[api]!, args, check, how);

	return {
		address,
		async connect() {
			if (destroyed !== undefined) throw new Error(`${address}: connection closed (${destroyed})`);
			// Connecting sends ApiVersions (and SASL, when configured): counted as the load it is.
			// Always through kafkajs' connect, never returning early on isConnected(): that is true once the
			// socket is up, before ApiVersions is read, and a second caller sending then met "Broker not
			// connected". kafkajs' connect holds a lock over the whole handshake and returns at once after it.
			if (!broker.isConnected()) {
				hooks.counters?.count(`kafka ${address}`, 'ApiVersions');
				answeredSinceConnect = false;
			}

			try {
				await broker.connect();
			} catch (error) {
				throw await classifyConnectFailure(error);
			}
		},
		disconnect: async () => broker.disconnect(),
		apiVersions() {
			if (!broker.versions) return undefined;
			return new Map(Object.entries(broker.versions).map(([key, range]): [number, ApiVersionRange] => [Number(key), {min: range.minVersion, max: range.maxVersion}]));
		},
		destroy(reason) {
			destroyed ??= reason;
			for (const socket of sockets) socket.destroy(new Error(`ktop closed the connection: ${reason}`));
			sockets.clear();
			// kafkajs' own bookkeeping (its request queue, its timers) ends with the sockets' errors.
			void broker.disconnect().catch(() => undefined);
		},
		metadata: async () => send('Metadata', {topics: [], allowAutoTopicCreation: false}),
		listOffsets: async (isolationLevel, topics) => send('ListOffsets', {replicaId: -1, isolationLevel, topics}),
		// A topic's configs come from ZooKeeper on a ZooKeeper-mode broker (zookeeper-bound.ts).
		describeTopicConfigs: async topics => send('DescribeConfigs', {
			resources: topics.map(name => ({type: topicResourceType, name})),
			includeSynonyms: false,
		}, undefined, {zookeeperBound: true, counted: 'DescribeConfigs topic'}),
		// A broker's own configs are served from its memory.
		describeBrokerConfigs: async brokerId => send('DescribeConfigs', {
			resources: [{type: brokerResourceType, name: String(brokerId)}],
			includeSynonyms: false,
		}, undefined, {counted: 'DescribeConfigs broker'}),
		listGroups: async () => send('ListGroups'),
		describeGroups: async groupIds => send('DescribeGroups', {groupIds}),
		offsetFetch: async groupId => send('OffsetFetch', {groupId, topics: []}),
		fetch: async fetchRequest => guarded(apiKeys['Fetch']!, async () => {
			const {request} = broker.lookupRequest(apiKeys['Fetch']!, requests['Fetch']!)({
				...fetchRequest, replicaId: -1, isolationLevel: readUncommitted,
			});
			const {apiVersion} = request as {apiVersion: number};
			return broker.connectionPool.send({
				request,
				response: {decode: async payload => decodeFetchResponse(payload, apiVersion), parse: async data => data},
			}) as Promise<RawFetch>;
		}),
		// CreateTopics v0 has no validate_only: a dry run sent as v0 would create the topic.
		createTopics: async (topics, validateOnly, timeoutMs) => send('CreateTopics', {topics, validateOnly, timeout: timeoutMs}, request => {
			if (validateOnly && request.apiVersion < 1) throw new UnsupportedRequest('this broker cannot check a new topic without creating it (it speaks CreateTopics v0 only)');
		}),
		alterTopicConfigs: async (topic, configEntries, validateOnly) => send('AlterConfigs', {
			resources: [{type: topicResourceType, name: topic, configEntries}],
			validateOnly,
		}),
		deleteTopics: async (topics, timeoutMs) => send('DeleteTopics', {topics, timeout: timeoutMs}),
		createPartitions: async (topicPartitions, validateOnly, timeoutMs) => send('CreatePartitions', {topicPartitions, validateOnly, timeout: timeoutMs}),
		deleteRecords: async (topics, timeoutMs) => send('DeleteRecords', {topics, timeout: timeoutMs}),
		deleteGroups: async groupIds => send('DeleteGroups', groupIds),
		offsetCommit: async (groupId, topics) => send('OffsetCommit', {groupId, groupGenerationId: -1, memberId: '', topics}),
		produce: async (topicData, timeoutMs) => send('Produce', {topicData, acks: acksAll, timeout: timeoutMs, compression: noCompression}),
		findGroupCoordinator: async groupId => send('GroupCoordinator', {groupId, coordinatorType: groupCoordinator}),
		request: async (apiKey, definition, args) => sendDefined(apiKey, definition, args),
	};
}

/**
The SASL mechanisms a broker's listener offers: a SaslHandshake on a connection of its own (same TLS,
no SASL), read without kafkajs' parse step, which throws the reply away on UNSUPPORTED_SASL_MECHANISM.
*/
async function offeredMechanisms(host: string, port: number, clientId: string, timeouts: WireTimeouts, security: KafkaSecurity, socketFactory: unknown): Promise<string[]> {
	const tlsOnly: KafkaSecurity = {protocol: security.protocol === 'SASL_SSL' ? 'SSL' : 'PLAINTEXT', tls: security.tls, sasl: undefined};
	const wire = openWire(host, port, clientId, timeouts, socketFactory, {security: tlsOnly});
	try {
		await wire.connect();
		const reply = await wire.request<{enabledMechanisms: string[]}>(apiKeys['SaslHandshake']!, requests['SaslHandshake']!, {mechanism: security.sasl?.mechanism ?? 'PLAIN'});
		return reply.enabledMechanisms;
	} finally {
		wire.destroy('mechanisms read');
	}
}

/** A request this broker cannot take in the form asked for; thrown before anything is sent. */
export class UnsupportedRequest extends Error {
	override name = 'UnsupportedRequest';
}

/** Decodes one legacy message set entry (a plain message or a compressed wrapper) with kafkajs. */
export async function decodeLegacyMessageSet(bytes: Buffer): Promise<LegacyMessage[]> {
	return messageSetDecoder(new KafkajsDecoder(bytes), bytes.length);
}

/** "NOT_COORDINATOR" for 16: the protocol's own name for an error code. */
export function errorName(code: number): string {
	return errorCodes.find(entry => entry.code === code)?.type ?? `error code ${code}`;
}
