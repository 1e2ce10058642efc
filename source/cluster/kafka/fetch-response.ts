import {ByteReader} from './byte-reader.js';

/** One partition of a Fetch reply; `records` is the raw record set (record batches or legacy message sets). */
export type RawFetchPartition = {
	partition: number;
	errorCode: number;
	highWatermark: bigint;
	/** v5+; undefined before. */
	logStartOffset: bigint | undefined;
	records: Buffer;
};

export type RawFetch = {
	/** v7+ (fetch sessions); 0 before. */
	errorCode: number;
	/** Named so kafkajs' connection honours a broker's quota throttle (KIP-219), as it does for its own Fetch. */
	clientSideThrottleTime: number;
	topics: Array<{topic: string; partitions: RawFetchPartition[]}>;
};

/** kafkajs implements Fetch v0-v11; ktop reads record batches, which v4 (Kafka 0.11) introduced. */
export const minFetchVersion = 4;
export const maxFetchVersion = 11;

/**
Decodes a Fetch reply of version 4 to 11. ktop decodes it itself instead of letting kafkajs: its
decoder also decodes every record, merges headers into an object (losing their order and
interleaving) and gives no way to tell where a batch ends, which ktop needs to step past batches
whose records were all compacted away.

Fetch Response (v4-v11) => throttle_time_ms [error_code session_id](v7+) [responses]
  responses => topic [partitions]
    partitions => partition error_code high_watermark last_stable_offset [log_start_offset](v5+)
                  [aborted_transactions] [preferred_read_replica](v11+) records
      aborted_transactions => producer_id first_offset
*/
export function decodeFetchResponse(payload: Buffer, version: number): RawFetch {
	if (version < minFetchVersion || version > maxFetchVersion) {
		throw new Error(`Fetch v${version} is not supported: ktop reads v${minFetchVersion}-v${maxFetchVersion} (Kafka 0.11 or newer)`);
	}

	const reader = new ByteReader(payload);
	const clientSideThrottleTime = reader.int32();
	let errorCode = 0;
	if (version >= 7) {
		errorCode = reader.int16();
		reader.int32(); // session id: ktop sends full fetches, never opening a session
	}

	const topics = array(reader, () => {
		const topic = reader.string() ?? '';
		const partitions = array(reader, () => {
			const partition = reader.int32();
			const partitionError = reader.int16();
			const highWatermark = reader.int64();
			reader.int64(); // last stable offset: ktop reads uncommitted
			const logStartOffset = version >= 5 ? reader.int64() : undefined;
			array(reader, () => reader.skip(16)); // aborted transactions: producer id, first offset
			if (version >= 11) reader.int32(); // preferred read replica: ktop reads from the leader
			const records = reader.bytes() ?? Buffer.alloc(0);
			return {partition, errorCode: partitionError, highWatermark, logStartOffset, records};
		});
		return {topic, partitions};
	});
	return {errorCode, clientSideThrottleTime, topics};
}

/** ARRAY: int32 count; -1 is null, read as empty. */
function array<T>(reader: ByteReader, item: () => T): T[] {
	const count = reader.int32();
	const items: T[] = [];
	for (let index = 0; index < count; index++) items.push(item());
	return items;
}
