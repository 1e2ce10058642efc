import kafkajs from 'kafkajs';
import type {ConsumedRecord, RecordHeader} from '../../model/consume-types.js';
import {ByteReader} from './byte-reader.js';
import {registerCompressionCodecs} from './compression-codecs.js';
import {decodeLegacyMessageSet, type LegacyMessage} from './kafkajs-wire.js';

const {CompressionCodecs} = kafkajs;

export type DecodeOptions = {
	topic: string;
	partition: number;
	/** The offset asked for: a compressed batch starts before it, and the records before it are not wanted. */
	fetchOffset: bigint;
	/** Key, value and each header value are kept up to this many bytes (copied, so the reply can be freed). */
	maxValueBytes: number;
	/** False while paused: records are only counted, and batches wholly past fetchOffset are not even decompressed. */
	keepBodies: boolean;
	/** The session's record counter: each kept record takes the next number. */
	sequence: {next: number};
};

export type DecodedRecordSet = {
	/** Kept records, oldest first (empty when keepBodies is false). */
	records: ConsumedRecord[];
	/** Records at or past fetchOffset, kept or not (control records excluded). */
	count: number;
	/** Where to fetch next: past the last complete batch, even when compaction emptied it. */
	nextOffset: bigint;
};

/** Offset (8) + length (4) + leader epoch (4) + magic (1): where the magic byte sits in every format. */
const magicOffset = 16;
const logOverhead = 12;
const recordBatchMagic = 2;

const compressionMask = 0x07;
const logAppendTimeFlag = 0x08;
const controlFlag = 0x20;

/**
Decodes the record set of one partition in a Fetch reply into ktop's records.

RecordBatch => base_offset:int64 length:int32 partition_leader_epoch:int32 magic:int8 crc:uint32
               attributes:int16 last_offset_delta:int32 base_timestamp:int64 max_timestamp:int64
               producer_id:int64 producer_epoch:int16 base_sequence:int32 records_count:int32
               records (compressed as a whole when attributes & 7 is not 0)
Record => length:varint attributes:int8 timestamp_delta:varlong offset_delta:varint
          key:varbytes value:varbytes [headers: key:varstring value:varbytes]:varint-count

A reply may end inside a batch (the broker cuts at maxBytes); that tail is fetched again next time.
*/
export async function decodeRecordSet(bytes: Buffer, options: DecodeOptions): Promise<DecodedRecordSet> {
	const result: DecodedRecordSet = {records: [], count: 0, nextOffset: options.fetchOffset};
	let start = 0;
	while (bytes.length - start >= logOverhead) {
		const length = bytes.readInt32BE(start + 8);
		const end = start + logOverhead + length;
		if (length < 0 || end > bytes.length || length < magicOffset - logOverhead + 1) break;
		const entry = bytes.subarray(start, end);
		const lastOffset = entry[magicOffset]! >= recordBatchMagic
			? await decodeBatch(entry, options, result)
			: await decodeLegacy(entry, options, result);
		if (lastOffset + 1n > result.nextOffset) result.nextOffset = lastOffset + 1n;
		start = end;
	}

	return result;
}

/** Decodes one record batch into `result`; returns its last offset. */
async function decodeBatch(entry: Buffer, options: DecodeOptions, result: DecodedRecordSet): Promise<bigint> {
	const reader = new ByteReader(entry);
	const baseOffset = reader.int64();
	reader.skip(4 + 4 + 1 + 4); // length, partition leader epoch, magic, crc
	const attributes = reader.int16();
	const lastOffsetDelta = reader.int32();
	const baseTimestamp = reader.int64AsNumber();
	const maxTimestamp = reader.int64AsNumber();
	reader.skip(8 + 2 + 4); // producer id, producer epoch, base sequence
	const count = reader.int32();
	const lastOffset = baseOffset + BigInt(lastOffsetDelta);
	// Transaction markers: bookkeeping, not records anyone produced.
	if ((attributes & controlFlag) !== 0 || lastOffset < options.fetchOffset) return lastOffset;
	if (!options.keepBodies && baseOffset >= options.fetchOffset) {
		result.count += count;
		return lastOffset;
	}

	const compression = attributes & compressionMask;
	const body = compression === 0 ? entry.subarray(reader.offset) : await decompress(compression, entry.subarray(reader.offset));
	const records = new ByteReader(body);
	const logAppendTime = (attributes & logAppendTimeFlag) !== 0;
	for (let index = 0; index < count; index++) {
		const recordLength = records.varInt();
		const recordEnd = records.offset + recordLength;
		records.int8(); // record attributes: unused by Kafka so far
		const timestampDelta = records.varLong();
		const offset = baseOffset + BigInt(records.varInt());
		if (offset < options.fetchOffset) {
			records.offset = recordEnd;
			continue;
		}

		result.count++;
		if (!options.keepBodies) {
			records.offset = recordEnd;
			continue;
		}

		const key = records.varBytes();
		const value = records.varBytes();
		const headerCount = records.varInt();
		const headers: RecordHeader[] = [];
		let size = (key?.length ?? 0) + (value?.length ?? 0);
		let truncated = false;
		for (let header = 0; header < headerCount; header++) {
			const headerKey = records.varBytes();
			const headerValue = records.varBytes();
			size += (headerKey?.length ?? 0) + (headerValue?.length ?? 0);
			const kept = keep(headerValue, options.maxValueBytes);
			truncated ||= kept.cut;
			headers.push({key: headerKey?.toString('utf8') ?? '', value: kept.bytes});
		}

		const keptKey = keep(key, options.maxValueBytes);
		const keptValue = keep(value, options.maxValueBytes);
		result.records.push({
			seq: options.sequence.next++,
			topic: options.topic,
			partition: options.partition,
			offset: offset.toString(),
			timestamp: logAppendTime ? maxTimestamp : baseTimestamp + timestampDelta,
			key: keptKey.bytes,
			value: keptValue.bytes,
			headers,
			size,
			truncated: truncated || keptKey.cut || keptValue.cut,
		});
		records.offset = recordEnd;
	}

	return lastOffset;
}

/** A message of the formats before Kafka 0.11 (magic 0 or 1, no headers); returns its last offset. */
async function decodeLegacy(entry: Buffer, options: DecodeOptions, result: DecodedRecordSet): Promise<bigint> {
	registerCompressionCodecs();
	const messages: LegacyMessage[] = await decodeLegacyMessageSet(entry);
	let lastOffset = entry.readBigInt64BE(0);
	for (const message of messages) {
		const offset = BigInt(message.offset);
		if (offset > lastOffset) lastOffset = offset;
		if (offset < options.fetchOffset) continue;
		result.count++;
		if (!options.keepBodies) continue;
		const key = keep(message.key, options.maxValueBytes);
		const value = keep(message.value, options.maxValueBytes);
		result.records.push({
			seq: options.sequence.next++,
			topic: options.topic,
			partition: options.partition,
			offset: message.offset,
			// Magic 0 has no timestamp.
			timestamp: message.magicByte > 0 && message.timestamp !== undefined ? Number(message.timestamp) : -1,
			key: key.bytes,
			value: value.bytes,
			headers: [],
			size: (message.key?.length ?? 0) + (message.value?.length ?? 0),
			truncated: key.cut || value.cut,
		});
	}

	return lastOffset;
}

/**
A copy of at most `limit` bytes. Copied, never a view: a view would keep the whole fetch reply
(or a whole decompressed batch) alive for as long as the record stays in the ring buffer.
*/
export function keep(bytes: Buffer | null, limit: number): {bytes: Buffer | null; cut: boolean} {
	if (bytes === null) return {bytes: null, cut: false};
	const cut = bytes.length > limit;
	return {bytes: Buffer.from(cut ? bytes.subarray(0, limit) : bytes), cut};
}

async function decompress(type: number, bytes: Buffer): Promise<Buffer> {
	registerCompressionCodecs();
	const codec = (CompressionCodecs as unknown as Record<number, (() => {decompress: (input: Buffer) => Promise<Buffer>}) | undefined>)[type];
	if (!codec) throw new Error(`record batch compressed with unknown codec ${type}`);
	return codec().decompress(bytes);
}
