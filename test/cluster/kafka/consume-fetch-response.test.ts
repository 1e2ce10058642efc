import {describe, expect, it} from 'vitest';
import {ByteReader} from '../../../source/cluster/kafka/byte-reader.js';
import {decodeFetchResponse} from '../../../source/cluster/kafka/fetch-response.js';
import {decodeLegacyMessageSet, openWire} from '../../../source/cluster/kafka/kafkajs-wire.js';

/** A Fetch reply as a broker writes it, for the version given. */
function reply(version: number, records: Buffer): Buffer {
	const parts: Buffer[] = [];
	const int16 = (value: number) => parts.push(Buffer.from([value >> 8 & 0xFF, value & 0xFF]));
	const int32 = (value: number) => {
		const buffer = Buffer.alloc(4);
		buffer.writeInt32BE(value);
		parts.push(buffer);
	};

	const int64 = (value: bigint) => {
		const buffer = Buffer.alloc(8);
		buffer.writeBigInt64BE(value);
		parts.push(buffer);
	};

	int32(25); // throttle time
	if (version >= 7) {
		int16(0);
		int32(0); // session id
	}

	int32(1); // one topic
	int16(5);
	parts.push(Buffer.from('topic'));
	int32(1); // one partition
	int32(2); // partition
	int16(0); // error code
	int64(1234n); // high watermark
	int64(1200n); // last stable offset
	if (version >= 5) int64(7n); // log start offset
	int32(1); // one aborted transaction
	int64(99n);
	int64(1100n);
	if (version >= 11) int32(-1); // preferred read replica
	int32(records.length);
	parts.push(records);
	return Buffer.concat(parts);
}

describe('decodeFetchResponse', () => {
	for (const version of [4, 5, 7, 11]) {
		it(`reads a v${version} reply, keeping the record set raw`, () => {
			const decoded = decodeFetchResponse(reply(version, Buffer.from('RAW')), version);
			expect(decoded.clientSideThrottleTime).toBe(25);
			expect(decoded.errorCode).toBe(0);
			expect(decoded.topics).toEqual([{topic: 'topic', partitions: [{
				partition: 2, errorCode: 0, highWatermark: 1234n, logStartOffset: version >= 5 ? 7n : undefined, records: Buffer.from('RAW'),
			}]}]);
		});
	}

	it('refuses versions without record batches', () => {
		expect(() => decodeFetchResponse(Buffer.alloc(0), 3)).toThrow(/Fetch v3 is not supported/);
	});
});

describe('ByteReader', () => {
	it('reads zigzag varints and varlongs beyond 32 bits', () => {
		// 300 -> zigzag 600 -> 0xd8 0x04; -1 -> 1; 2^40 -> zigzag 2^41.
		const big = 2 ** 41;
		const bytes: number[] = [0xD8, 0x04, 0x01];
		let rest = big;
		while (rest >= 128) {
			bytes.push((rest % 128) | 0x80);
			rest = Math.floor(rest / 128);
		}

		bytes.push(rest);
		const reader = new ByteReader(Buffer.from(bytes));
		expect(reader.varInt()).toBe(300);
		expect(reader.varInt()).toBe(-1);
		expect(reader.varLong()).toBe(2 ** 40);
		expect(reader.remaining).toBe(0);
	});

	it('throws instead of reading past the end', () => {
		expect(() => new ByteReader(Buffer.from([0x06, 0x61])).varBytes()).toThrow(RangeError);
		expect(() => new ByteReader(Buffer.from([0x80])).varInt()).toThrow(RangeError);
	});
});

// ktop's Fetch goes below kafkajs' public API (kafkajs-wire.ts): an upgrade that moves it fails here.
describe('the kafkajs internals the record stream relies on', () => {
	it('load', () => {
		const wire = openWire('127.0.0.1', 1, 'ktop-test', {connectionTimeoutMs: 100, requestTimeoutMs: 100});
		expect(typeof wire.fetch).toBe('function');
		expect(typeof decodeLegacyMessageSet).toBe('function');
	});
});
