import type {KafkaSecurity} from './client-security.js';
import {setImmediate as yieldToEventLoop} from 'node:timers/promises';
import type {ConsumedRecord, PartitionProgress, StartPosition} from '../../model/consume-types.js';
import {BrokerConnections} from './broker-connections.js';
import {errorName, type FetchRequest} from './kafkajs-wire.js';
import type {RawFetch} from './fetch-response.js';
import {decodeRecordSet} from './record-batches.js';
import {chooseStart, readOffsetRanges, type PositionWanted} from './start-offsets.js';
import type {RawMetadata} from './wire-types.js';
import {backoffMs, sleep, Wakeup} from './wakeup.js';

export type RecordStreamOptions = {
	topic: string;
	/** TLS and SASL for every connection (absent: PLAINTEXT). */
	security?: KafkaSecurity | undefined;
	/** Partitions to read; all of the topic's when undefined. */
	partitions?: readonly number[] | undefined;
	start: StartPosition;
	/** Key, value and header values are kept up to this many bytes each. */
	maxValueBytes: number;
	/** Asked before decoding each reply: false (paused) only counts records. */
	keepBodies: () => boolean;
	/**
	Every record read, in offset order per partition; `count` includes records not kept. Awaited
	before that broker is fetched from again, so a slow reader (a blocked stdout) slows fetching
	instead of queueing records in memory.
	*/
	onRecords: (records: ConsumedRecord[], count: number) => void | Promise<void>;
	/** Positions, watermarks or errors changed. */
	onChange: () => void;
	clientId?: string;
	/** How long a broker holds a Fetch when it has nothing new (default 500 ms). */
	fetchMaxWaitMs?: number;
	/** Bound on one Fetch reply (default 2 MiB); a first batch larger than it still comes whole. */
	fetchMaxBytes?: number;
	/** Bound per partition in one Fetch reply (default 1 MiB). */
	partitionMaxBytes?: number;
	/** Bound on one request, connecting included (default 5000 ms). */
	requestTimeoutMs?: number;
};

/** The topic is not in the cluster's metadata; `known` lists the topics that are. */
export class UnknownTopicError extends Error {
	constructor(readonly topic: string, readonly known: string[]) {
		super(`topic "${topic}" does not exist`);
		this.name = 'UnknownTopicError';
	}
}

export type RecordStream = {
	readonly partitions: readonly number[];
	progress(): PartitionProgress[];
	/** What is failing now (the stream retries), or undefined. */
	error(): string | undefined;
	/** Stops fetching and closes every connection; resolves once no request is left in flight. */
	close(): Promise<void>;
};

type PartitionState = {
	partition: number;
	/** From the last metadata; undefined when unknown or offline. */
	leader: number | undefined;
	/** Next offset to fetch; undefined until `wanted` is resolved. */
	position: bigint | undefined;
	wanted: PositionWanted | undefined;
	highWatermark: bigint | undefined;
	error: string | undefined;
	notice: string | undefined;
	/**
	In a Fetch now. A partition whose leader moved may be wanted by its new leader's loop while
	the old leader's reply is still coming: it waits, so no two replies for it are applied at once.
	*/
	busy: boolean;
};

const defaults = {
	clientId: 'ktop-consume',
	fetchMaxWaitMs: 500,
	fetchMaxBytes: 2 * 1024 * 1024,
	partitionMaxBytes: 1024 * 1024,
	requestTimeoutMs: 5000,
};

/** Partition errors after which the leader must be looked up again. */
const leaderErrors = new Set([
	'UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE', 'NOT_LEADER_FOR_PARTITION', 'NOT_LEADER_OR_FOLLOWER',
	'REPLICA_NOT_AVAILABLE', 'KAFKA_STORAGE_ERROR', 'FENCED_LEADER_EPOCH', 'UNKNOWN_LEADER_EPOCH', 'OFFSET_NOT_AVAILABLE',
]);
const offsetOutOfRange = 1;

/**
Reads a topic's partitions by assignment: Fetch requests to each partition's leader, the way a
replica or kcat's simple consumer reads. No consumer group is joined, created or committed to,
so reading cannot disturb anyone's consumers or offsets.

One loop per leader broker, each with at most one Fetch in flight, so a slow broker holds up
only its own partitions and the memory in flight is bounded by brokers x fetchMaxBytes. A loop
that fails backs off; partitions whose leader moved or went away wait for a metadata refresh
(itself backed off), then go to their new leader's loop.
*/
export async function openRecordStream(bootstrap: string[], options: RecordStreamOptions): Promise<RecordStream> {
	const settings = {
		clientId: options.clientId ?? defaults.clientId,
		fetchMaxWaitMs: options.fetchMaxWaitMs ?? defaults.fetchMaxWaitMs,
		fetchMaxBytes: options.fetchMaxBytes ?? defaults.fetchMaxBytes,
		partitionMaxBytes: options.partitionMaxBytes ?? defaults.partitionMaxBytes,
		requestTimeoutMs: options.requestTimeoutMs ?? defaults.requestTimeoutMs,
	};
	const connections = new BrokerConnections(bootstrap, {
		clientId: settings.clientId,
		requestTimeoutMs: settings.requestTimeoutMs + settings.fetchMaxWaitMs,
		connectionTimeoutMs: Math.min(3000, settings.requestTimeoutMs),
		roundTimeoutMs: 2 * (settings.requestTimeoutMs + settings.fetchMaxWaitMs),
		security: options.security,
	});
	try {
		const metadata = await connections.readMetadata(connections.round());
		const partitions = choosePartitions(metadata, options.topic, options.partitions);
		const stream = new Stream(connections, settings, options, partitions);
		stream.learnLeaders(metadata);
		await stream.resolveWanted();
		stream.start();
		return stream;
	} catch (error) {
		await connections.close();
		throw error;
	}
}

/** The partitions to read: those asked for, checked against the topic's, or all of them. */
function choosePartitions(metadata: RawMetadata, topic: string, asked: readonly number[] | undefined): number[] {
	const found = metadata.topicMetadata.find(entry => entry.topic === topic);
	if (!found || (found.partitionMetadata.length === 0 && found.topicErrorCode === 3)) {
		throw new UnknownTopicError(topic, metadata.topicMetadata.map(entry => entry.topic));
	}

	if (found.partitionMetadata.length === 0) throw new Error(`topic "${topic}" cannot be read: ${errorName(found.topicErrorCode)}`);
	const existing = found.partitionMetadata.map(partition => partition.partitionId).sort((a, b) => a - b);
	if (asked === undefined) return existing;
	if (asked.length === 0) throw new Error('no partitions chosen to read');
	const missing = asked.filter(partition => !existing.includes(partition));
	if (missing.length > 0) {
		const plural = missing.length === 1 ? 'partition' : 'partitions';
		throw new Error(`topic "${topic}" has no ${plural} ${missing.join(', ')}: its partitions are 0-${existing.length - 1}`);
	}

	return [...new Set(asked)].sort((a, b) => a - b);
}

class Stream implements RecordStream {
	readonly partitions: readonly number[];
	readonly #states: PartitionState[];
	readonly #loops = new Map<number, Promise<void>>();
	readonly #brokerFailures = new Map<number, number>();
	/** Where each broker's next Fetch starts in its partition list, so no partition starves the others of maxBytes. */
	readonly #rotation = new Map<number, number>();
	readonly #abort = new AbortController();
	readonly #wakeup = new Wakeup();
	readonly #sequence = {next: 1};
	#metadataWanted = false;
	#metadataFailures = 0;
	#metadataError: string | undefined;
	#supervisor: Promise<void> | undefined;

	constructor(
		readonly connections: BrokerConnections,
		readonly settings: typeof defaults,
		readonly options: RecordStreamOptions,
		partitions: number[],
	) {
		this.partitions = partitions;
		this.#states = partitions.map(partition => ({
			partition, leader: undefined, position: undefined, wanted: options.start,
			highWatermark: undefined, error: undefined, notice: undefined, busy: false,
		}));
	}

	progress(): PartitionProgress[] {
		return this.#states.map(state => {
			const progress: PartitionProgress = {
				partition: state.partition,
				position: state.position?.toString() ?? '',
				highWatermark: state.highWatermark?.toString(),
			};
			if (state.notice !== undefined) progress.notice = state.notice;
			return progress;
		});
	}

	error(): string | undefined {
		const byMessage = new Map<string, number[]>();
		for (const state of this.#states) {
			if (state.error !== undefined) byMessage.set(state.error, [...(byMessage.get(state.error) ?? []), state.partition]);
		}

		const parts = [...byMessage].map(([message, partitions]) => `${partitions.length === 1 ? 'partition' : 'partitions'} ${partitions.join(', ')}: ${message}`);
		if (this.#metadataError !== undefined) parts.unshift(this.#metadataError);
		return parts.length === 0 ? undefined : `${parts.join('; ')} (retrying)`;
	}

	async close(): Promise<void> {
		if (this.#abort.signal.aborted) return;
		this.#abort.abort();
		// Closing the sockets fails the Fetches in flight now instead of after their max wait.
		await this.connections.close();
		await this.#supervisor;
		await Promise.allSettled([...this.#loops.values()]);
	}

	learnLeaders(metadata: RawMetadata): void {
		const topic = metadata.topicMetadata.find(entry => entry.topic === this.options.topic);
		for (const state of this.#states) {
			const found = topic?.partitionMetadata.find(entry => entry.partitionId === state.partition);
			state.leader = found && found.leader >= 0 ? found.leader : undefined;
			if (!topic) state.error = 'the topic is gone from the cluster metadata';
			else if (state.leader === undefined) state.error = found ? `no leader (${errorName(found.partitionErrorCode)})` : 'the partition is gone from the cluster metadata';
		}

		this.#metadataWanted = this.#states.some(state => state.leader === undefined);
	}

	/** Resolves the partitions waiting for a start position, leader by leader. Failures stay waiting. */
	async resolveWanted(leader?: number): Promise<void> {
		const waiting = this.#states.filter(state => state.wanted && state.leader !== undefined && (leader === undefined || state.leader === leader));
		const byLeader = new Map<number, PartitionState[]>();
		for (const state of waiting) byLeader.set(state.leader!, [...(byLeader.get(state.leader!) ?? []), state]);
		await Promise.all([...byLeader].map(async ([id, states]) => {
			// One ListOffsets per kind for the whole group; a timestamp start asks for that time too.
			const timestamp = states.find(state => state.wanted?.kind === 'timestamp')?.wanted;
			try {
				const ranges = await readOffsetRanges(this.connections.round(), id, this.options.topic, states.map(state => state.partition), timestamp?.kind === 'timestamp' ? timestamp.at : undefined);
				for (const state of states) {
					const range = ranges.get(state.partition);
					if (!range || 'error' in range) {
						this.#partitionFailed(state, range?.error ?? 'no offsets returned');
						continue;
					}

					const chosen = chooseStart(state.wanted!, range);
					state.position = chosen.offset;
					state.highWatermark = range.latest;
					state.wanted = undefined;
					state.error = undefined;
					if (chosen.notice !== undefined) state.notice = chosen.notice;
				}
			} catch (error) {
				for (const state of states) state.error = (error as Error).message;
				// The leader may be gone: look for its successor.
				this.#metadataWanted = true;
				this.#wakeup.wake();
			}
		}));
		this.options.onChange();
	}

	start(): void {
		this.#supervisor = this.#supervise().catch((error: unknown) => {
			// A bug, not a broker: say so rather than stop silently or crash the process.
			this.#metadataError = `the record stream stopped: ${(error as Error).message}`;
			this.options.onChange();
		});
	}

	/** Keeps one loop per leader running, and refreshes metadata (backed off) when a leader is unknown. */
	async #supervise(): Promise<void> {
		const {signal} = this.#abort;
		while (!signal.aborted) {
			if (this.#metadataWanted) await this.#refreshMetadata();
			for (const leader of new Set(this.#states.flatMap(state => (state.leader === undefined ? [] : [state.leader])))) {
				if (this.#loops.has(leader)) continue;
				this.#loops.set(leader, this.#brokerLoop(leader).finally(() => {
					this.#loops.delete(leader);
					this.#wakeup.wake();
				}));
			}

			await this.#wakeup.wait(this.#metadataWanted ? backoffMs(this.#metadataFailures) : Number.POSITIVE_INFINITY, signal);
		}
	}

	async #refreshMetadata(): Promise<void> {
		try {
			const metadata = await this.connections.readMetadata(this.connections.round());
			this.#metadataError = undefined;
			this.#metadataFailures = 0;
			this.learnLeaders(metadata);
		} catch (error) {
			if (this.#abort.signal.aborted) return;
			this.#metadataFailures++;
			this.#metadataError = (error as Error).message;
		}

		this.options.onChange();
	}

	/** Fetches from one broker until it leads none of our partitions. */
	async #brokerLoop(leader: number): Promise<void> {
		const {signal} = this.#abort;
		while (!signal.aborted) {
			const mine = this.#states.filter(state => state.leader === leader);
			if (mine.length === 0) return;
			await sleep(backoffMs(this.#brokerFailures.get(leader) ?? 0), signal);
			if (signal.aborted) return;
			try {
				if (mine.some(state => state.wanted)) await this.resolveWanted(leader);
				const ready = mine.filter(state => state.position !== undefined && state.leader === leader && !state.busy);
				if (ready.length === 0) {
					// Waiting for a start position or a new leader: try again after a pause.
					this.#brokerFailures.set(leader, (this.#brokerFailures.get(leader) ?? 0) + 1);
					continue;
				}

				for (const state of ready) state.busy = true;
				try {
					const reply = await this.connections.round().call(leader, async wire => wire.fetch(this.#fetchRequest(leader, ready)));
					if (signal.aborted) return;
					if (reply.errorCode !== 0) throw new Error(`Fetch failed: ${errorName(reply.errorCode)}`);
					await this.#apply(reply, ready);
				} finally {
					for (const state of ready) state.busy = false;
				}

				this.#brokerFailures.delete(leader);
			} catch (error) {
				if (signal.aborted) return;
				this.#brokerFailures.set(leader, (this.#brokerFailures.get(leader) ?? 0) + 1);
				for (const state of mine) if (state.leader === leader) state.error = (error as Error).message;
				// The broker may have gone for good, its partitions led elsewhere now.
				this.#metadataWanted = true;
				this.#wakeup.wake();
				this.options.onChange();
			}
		}
	}

	#fetchRequest(leader: number, ready: PartitionState[]): FetchRequest {
		const first = (this.#rotation.get(leader) ?? 0) % ready.length;
		this.#rotation.set(leader, first + 1);
		const ordered = [...ready.slice(first), ...ready.slice(0, first)];
		return {
			maxWaitTime: this.settings.fetchMaxWaitMs,
			minBytes: 1,
			maxBytes: this.settings.fetchMaxBytes,
			topics: [{
				topic: this.options.topic,
				partitions: ordered.map(state => ({partition: state.partition, fetchOffset: state.position!.toString(), maxBytes: this.settings.partitionMaxBytes})),
			}],
		};
	}

	async #apply(reply: RawFetch, asked: PartitionState[]): Promise<void> {
		const answers = reply.topics.find(topic => topic.topic === this.options.topic)?.partitions ?? [];
		for (const answer of answers) {
			const state = asked.find(candidate => candidate.partition === answer.partition);
			if (!state || state.position === undefined || this.#abort.signal.aborted) continue;
			if (answer.errorCode === offsetOutOfRange) {
				state.wanted = {kind: 'out-of-range', offset: state.position};
				state.position = undefined;
				continue;
			}

			if (answer.errorCode !== 0) {
				this.#partitionFailed(state, errorName(answer.errorCode));
				continue;
			}

			state.highWatermark = answer.highWatermark;
			state.error = undefined;
			if (answer.records.length === 0) continue;
			const decoded = await decodeRecordSet(answer.records, {
				topic: this.options.topic,
				partition: state.partition,
				fetchOffset: state.position,
				maxValueBytes: this.options.maxValueBytes,
				keepBodies: this.options.keepBodies(),
				sequence: this.#sequence,
			});
			if (decoded.count > 0) await this.options.onRecords(decoded.records, decoded.count);
			if (decoded.nextOffset > state.position) state.position = decoded.nextOffset;
			// Decoding a large reply takes milliseconds: let keys and redraws in between partitions.
			await yieldToEventLoop();
		}

		this.options.onChange();
	}

	#partitionFailed(state: PartitionState, reason: string): void {
		state.error = reason;
		if (leaderErrors.has(reason)) {
			state.leader = undefined;
			this.#metadataWanted = true;
			this.#wakeup.wake();
		}
	}
}
