/**
The contract between the consume engine (source/cluster/kafka/ record stream + source/model/
consume session) and the consume view (source/ui/). The view renders what a ConsumeSession
holds and calls its methods; it never talks to the network.
*/

/** Where reading starts, per partition. */
export type StartPosition =
	| {kind: 'end'}
	| {kind: 'beginning'}
	| {kind: 'offset'; offset: string}
	/** Milliseconds since the epoch (from an absolute time or a relative one like -10m). */
	| {kind: 'timestamp'; at: number}
	/** The last N records of each partition. */
	| {kind: 'last'; count: number};

export type RecordHeader = {key: string; value: Buffer | null};

/** One record as read from the log: raw bytes; the view decides how to show them. */
export type ConsumedRecord = {
	/** Increasing per session, unique: the view's row key. */
	seq: number;
	topic: string;
	partition: number;
	/** Offsets are 64-bit: kept as decimal strings. */
	offset: string;
	timestamp: number;
	key: Buffer | null;
	value: Buffer | null;
	headers: RecordHeader[];
	/** Bytes of key + value + headers as received (before any truncation for memory). */
	size: number;
	/** Value bytes kept were cut to bound memory (the full size is `size`); keys and header values are cut at the same length. */
	truncated: boolean;
};

export type PartitionProgress = {
	partition: number;
	/** Next offset to read. */
	position: string;
	/** Log end offset, as last seen. */
	highWatermark: string | undefined;
	/**
	Why reading did not start (or go on) where asked, to show the operator: an offset outside the
	partition's range is clamped, not refused ("offset 9000 is past the end (3000): following from
	the end"), and records deleted by retention before they were read are skipped over.
	*/
	notice?: string;
};

export type ConsumeStats = {
	/** Records received since the start, matching or not, paused or not. */
	received: number;
	/** Records received while paused (still counted, not added to the view). */
	receivedWhilePaused: number;
	/** Records currently held (at most the buffer capacity). */
	held: number;
	capacity: number;
	/** Records dropped from the ring buffer because it was full. */
	evicted: number;
	/** Records per second over the last few seconds. */
	ratePerSecond: number;
	partitions: PartitionProgress[];
	paused: boolean;
	/** The last error from the stream, if reading is failing (it keeps retrying). */
	error: string | undefined;
};

export type ConsumeSession = {
	readonly topic: string;
	readonly start: StartPosition;
	/** Partitions read (all when none were chosen). */
	readonly partitions: readonly number[];
	/** Held records matching the filter, oldest first. Same array until something changes. */
	getRecords(): readonly ConsumedRecord[];
	getStats(): ConsumeStats;
	/** Regex on key or value (as text); applies to held and arriving records. Undefined clears. Throws on an invalid regex. */
	setFilter(pattern: string | undefined): void;
	getFilter(): string | undefined;
	pause(): void;
	resume(): void;
	/** Notified when records, stats or state changed; the view throttles its redraws. */
	subscribe(listener: () => void): () => void;
	/** Stops reading, leaves no consumer group behind, commits nothing. */
	close(): Promise<void>;
};
