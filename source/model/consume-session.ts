import type {KafkaSecurity} from '../cluster/kafka/client-security.js';
import {openRecordStream, UnknownTopicError, type RecordStream} from '../cluster/kafka/record-stream.js';
import {ChangeNotifier} from './change-notifier.js';
import type {ConsumedRecord, ConsumeSession, ConsumeStats, StartPosition} from './consume-types.js';
import {RateMeter} from './rate-meter.js';
import {compileFilter, type RecordFilter} from './record-filter.js';
import {RecordRing} from './record-ring.js';
import {similarNames} from './similar-names.js';

export type ConsumeSessionOptions = {
	bootstrap: string[];
	/** TLS and SASL for the brokers (absent: PLAINTEXT). */
	security?: KafkaSecurity | undefined;
	topic: string;
	start: StartPosition;
	/** Partitions to read; all when undefined. */
	partitions?: number[] | undefined;
	/** Records held for the view (default 10,000). */
	capacity?: number | undefined;
	/** Key, value and header value bytes kept per record (default 64 KiB); `size` keeps the full size. */
	maxValueBytes?: number | undefined;
	/**
	Bytes held for the view (default 128 MiB): with large records the byte bound is reached before
	`capacity` (10,000 records of 64 KiB would be 640 MiB), and the oldest go first as well.
	*/
	maxHeldBytes?: number | undefined;
	/**
	Every record as read, whether paused or filtered out or not, before the buffer: for a printer
	that must not miss one. Awaited before the next fetch from that broker (back-pressure).
	*/
	onRecords?: ((records: readonly ConsumedRecord[]) => void | Promise<void>) | undefined;
	/** Least time between two notifications to subscribers (default 100 ms). */
	notifyIntervalMs?: number | undefined;
};

export const defaultCapacity = 10_000;
export const defaultMaxValueBytes = 64 * 1024;
export const defaultMaxHeldBytes = 128 * 1024 * 1024;
/** What a held record costs beyond its bytes: the object, its Buffers' headers, the strings. */
const recordOverheadBytes = 300;

/**
Opens a live read of a topic for the consume view (or the non-TUI printer): resolves the start
position per partition, then streams records into a bounded ring buffer. Rejects with a clear
message when the topic or a partition does not exist, or no broker answers.

No consumer group is used at all (see record-stream.ts): nothing is committed, nothing is left
behind, even if the process is killed without close().
*/
export async function openConsumeSession(options: ConsumeSessionOptions): Promise<ConsumeSession> {
	const capacity = options.capacity ?? defaultCapacity;
	if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`buffer capacity must be a whole number of at least 1, not ${capacity}`);
	const session = new Session(options, capacity);
	try {
		session.stream = await openRecordStream(options.bootstrap, {
			topic: options.topic,
			security: options.security,
			partitions: options.partitions,
			start: options.start,
			maxValueBytes: options.maxValueBytes ?? defaultMaxValueBytes,
			keepBodies: () => !session.paused || options.onRecords !== undefined,
			onRecords: async (records, count) => session.receive(records, count),
			onChange: () => {
				session.changed();
			},
		});
	} catch (error) {
		session.closeLocal();
		if (error instanceof UnknownTopicError) throw new Error(unknownTopicMessage(error));
		throw error;
	}

	session.startTicker();
	return session;
}

function unknownTopicMessage(error: UnknownTopicError): string {
	const similar = similarNames(error.topic, error.known);
	if (similar.length > 0) return `${error.message}; similar: ${similar.join(', ')}`;
	return `${error.message} (the cluster has ${error.known.length} topic${error.known.length === 1 ? '' : 's'}; ktop snapshot lists them)`;
}

class Session implements ConsumeSession {
	readonly topic: string;
	readonly start: StartPosition;
	stream: RecordStream | undefined;
	paused = false;
	readonly #ring: RecordRing<ConsumedRecord>;
	readonly #rate = new RateMeter();
	readonly #notifier: ChangeNotifier;
	readonly #onRecords: ConsumeSessionOptions['onRecords'];
	#filter: RecordFilter | undefined;
	/** getRecords' answer, until something changes. */
	#view: readonly ConsumedRecord[] | undefined;
	#received = 0;
	#receivedWhilePaused = 0;
	#lastRate = 0;
	#ticker: NodeJS.Timeout | undefined;
	#closed = false;

	constructor(options: ConsumeSessionOptions, capacity: number) {
		this.topic = options.topic;
		this.start = options.start;
		this.#onRecords = options.onRecords;
		this.#ring = new RecordRing(capacity, options.maxHeldBytes ?? defaultMaxHeldBytes, heldBytes);
		this.#notifier = new ChangeNotifier(options.notifyIntervalMs);
	}

	get partitions(): readonly number[] {
		return this.stream?.partitions ?? [];
	}

	getRecords(): readonly ConsumedRecord[] {
		if (this.#view === undefined) {
			const held = this.#ring.toArray();
			const filter = this.#filter;
			this.#view = filter ? held.filter(record => filter.matches(record)) : held;
		}

		return this.#view;
	}

	getStats(): ConsumeStats {
		return {
			received: this.#received,
			receivedWhilePaused: this.#receivedWhilePaused,
			held: this.#ring.length,
			capacity: this.#ring.capacity,
			evicted: this.#ring.evicted,
			ratePerSecond: this.#rate.perSecond(),
			partitions: this.stream?.progress() ?? [],
			paused: this.paused,
			error: this.stream?.error(),
		};
	}

	setFilter(pattern: string | undefined): void {
		const next = pattern === undefined || pattern === '' ? undefined : compileFilter(pattern);
		if (next?.pattern === this.#filter?.pattern) return;
		this.#filter = next;
		this.#view = undefined;
		this.changed();
	}

	getFilter(): string | undefined {
		return this.#filter?.pattern;
	}

	pause(): void {
		if (this.paused) return;
		this.paused = true;
		this.changed();
	}

	resume(): void {
		if (!this.paused) return;
		this.paused = false;
		this.changed();
	}

	subscribe(listener: () => void): () => void {
		return this.#notifier.subscribe(listener);
	}

	async close(): Promise<void> {
		if (this.#closed) return;
		this.closeLocal();
		await this.stream?.close();
	}

	/** Stops timers and notifications; the stream is closed by close(). */
	closeLocal(): void {
		this.#closed = true;
		clearInterval(this.#ticker);
		this.#notifier.close();
	}

	async receive(records: ConsumedRecord[], count: number): Promise<void> {
		if (this.#closed) return;
		this.#received += count;
		this.#rate.add(count);
		if (this.#onRecords && records.length > 0) await this.#onRecords(records);
		if (this.paused) {
			this.#receivedWhilePaused += count;
		} else if (records.length > 0) {
			this.#ring.push(records);
			this.#view = undefined;
		}

		this.changed();
	}

	changed(): void {
		this.#notifier.notify();
	}

	/** The rate decays when records stop coming: say so, about once a second, while it moves. */
	startTicker(): void {
		this.#ticker = setInterval(() => {
			const rate = this.#rate.perSecond();
			if (rate !== this.#lastRate) {
				this.#lastRate = rate;
				this.changed();
			}
		}, 1000);
		this.#ticker.unref();
	}
}

function heldBytes(record: ConsumedRecord): number {
	let bytes = recordOverheadBytes + (record.key?.length ?? 0) + (record.value?.length ?? 0);
	for (const header of record.headers) bytes += header.key.length + (header.value?.length ?? 0);
	return bytes;
}
