import {createRequire} from 'node:module';
import {describe, expect, it} from 'vitest';
import {decodeRecordSet, type DecodeOptions, keep} from '../../../source/cluster/kafka/record-batches.js';
import {fixture} from '../../helpers/fixture.js';

const require = createRequire(import.meta.url);
// kafkajs' own encoders build the synthetic batches: an independent writer of the same format.
const {RecordBatch} = require('kafkajs/src/protocol/recordBatch/v0') as {RecordBatch: (options: Record<string, unknown>) => Promise<{buffer: Buffer}>};
const Record = require('kafkajs/src/protocol/recordBatch/record/v0') as (options: Record<string, unknown>) => unknown;
const MessageSet = require('kafkajs/src/protocol/messageSet') as (options: {messageVersion: number; compression?: number; entries: unknown[]}) => Promise<{buffer: Buffer}> | {buffer: Buffer};

type Fixture = {records: Record<string, {attributes: number; recordSet: string}>};
const recorded = JSON.parse(fixture('kafka/consume/kcat-record-sets.json')) as Fixture;

function options(overrides: Partial<DecodeOptions> = {}): DecodeOptions {
	return {topic: 't', partition: 0, fetchOffset: 0n, maxValueBytes: 1024, keepBodies: true, sequence: {next: 1}, ...overrides};
}

async function batch(firstOffset: number, records: Array<{key?: string | null; value: string | Buffer | null; headers?: Record<string, string>}>, extra: Record<string, unknown> = {}): Promise<Buffer> {
	const encoded = await RecordBatch({
		firstOffset: String(firstOffset),
		firstTimestamp: 1_700_000_000_000,
		maxTimestamp: 1_700_000_000_000 + records.length - 1,
		lastOffsetDelta: records.length - 1,
		records: records.map((record, index) => Record({
			offsetDelta: index,
			timestampDelta: index,
			key: record.key === undefined ? null : record.key,
			value: record.value,
			headers: record.headers ?? {},
		})),
		...extra,
	});
	return encoded.buffer;
}

describe('decodeRecordSet on record sets kcat produced (recorded from the local cluster)', () => {
	for (const codec of ['none', 'gzip', 'snappy', 'lz4', 'zstd']) {
		it(`decodes a ${codec} batch byte for byte, headers in order`, async () => {
			const entry = recorded.records[codec]!;
			expect(entry.attributes & 7).toBe(['none', 'gzip', 'snappy', 'lz4', 'zstd'].indexOf(codec));
			const decoded = await decodeRecordSet(Buffer.from(entry.recordSet, 'base64'), options());
			expect(decoded.count).toBe(3);
			expect(decoded.nextOffset).toBe(3n);
			expect(decoded.records.map(record => [record.offset, record.key?.toString('latin1'), record.value?.toString('latin1')])).toEqual([
				['0', 'k1', `${codec} value one`],
				['1', 'k2', `${codec} \u001B]0;pwned\u0007 value two`],
				['2', '', `${codec} null key`],
			]);
			expect(decoded.records[0]!.headers.map(header => [header.key, header.value?.toString()])).toEqual([
				['trace', `${codec}-hdr`], ['dup', 'a'], ['dup', 'b'],
			]);
			expect(decoded.records.map(record => record.seq)).toEqual([1, 2, 3]);
			expect(decoded.records[0]!.timestamp).toBeGreaterThan(1_600_000_000_000);
		});
	}
});

describe('decodeRecordSet', () => {
	it('skips the records of a batch before the offset asked for, and resumes after the batch', async () => {
		const set = Buffer.concat([await batch(10, [{value: 'a'}, {value: 'b'}, {value: 'c'}]), await batch(13, [{value: 'd'}])]);
		const decoded = await decodeRecordSet(set, options({fetchOffset: 11n}));
		expect(decoded.records.map(record => [record.offset, record.value?.toString()])).toEqual([['11', 'b'], ['12', 'c'], ['13', 'd']]);
		expect(decoded.count).toBe(3);
		expect(decoded.nextOffset).toBe(14n);
	});

	it('cuts large keys, values and header values to maxValueBytes, keeping the full size and copies', async () => {
		const big = Buffer.alloc(5000, 0x61);
		const set = await batch(0, [{key: 'k', value: big, headers: {h: 'x'.repeat(2000)}}]);
		const decoded = await decodeRecordSet(set, options({maxValueBytes: 1024}));
		const [record] = decoded.records;
		expect(record!.value!.length).toBe(1024);
		expect(record!.headers[0]!.value!.length).toBe(1024);
		expect(record!.truncated).toBe(true);
		expect(record!.size).toBe(1 + 5000 + 1 + 2000);
		// A copy: it does not keep the reply's memory alive.
		expect(record!.value!.buffer).not.toBe(set.buffer);
		expect(keep(Buffer.from('abc'), 10)).toEqual({bytes: Buffer.from('abc'), cut: false});
		expect(keep(null, 10)).toEqual({bytes: null, cut: false});
	});

	it('keeps null keys and values apart from empty ones', async () => {
		const decoded = await decodeRecordSet(await batch(0, [{key: null, value: null}, {key: '', value: ''}]), options());
		expect(decoded.records.map(record => [record.key, record.value])).toEqual([[null, null], [Buffer.alloc(0), Buffer.alloc(0)]]);
	});

	it('only counts while paused, without keeping records', async () => {
		const set = Buffer.concat([await batch(0, [{value: 'a'}, {value: 'b'}]), await batch(2, [{value: 'c'}])]);
		const decoded = await decodeRecordSet(set, options({keepBodies: false, fetchOffset: 1n}));
		expect(decoded).toEqual({records: [], count: 2, nextOffset: 3n});
	});

	it('stops before a batch the reply cut short, to fetch it again', async () => {
		const whole = await batch(0, [{value: 'a'}]);
		const second = await batch(1, [{value: 'b'}]);
		const decoded = await decodeRecordSet(Buffer.concat([whole, second.subarray(0, second.length - 3)]), options());
		expect(decoded.records.map(record => record.offset)).toEqual(['0']);
		expect(decoded.nextOffset).toBe(1n);
	});

	it('steps over control batches (transaction markers) without records', async () => {
		const control = await batch(5, [{value: 'marker'}]);
		// Attributes sit after offset (8), length (4), epoch (4), magic (1), crc (4): set the control bit (the CRC is not checked).
		control.writeInt16BE(control.readInt16BE(21) | 0x20, 21);
		const decoded = await decodeRecordSet(Buffer.concat([control, await batch(6, [{value: 'real'}])]), options({fetchOffset: 5n}));
		expect(decoded.records.map(record => record.value?.toString())).toEqual(['real']);
		expect(decoded.nextOffset).toBe(7n);
	});

	it('uses the batch max timestamp for LogAppendTime topics', async () => {
		const set = await batch(0, [{value: 'a'}, {value: 'b'}]);
		set.writeInt16BE(set.readInt16BE(21) | 0x08, 21);
		const decoded = await decodeRecordSet(set, options());
		expect(decoded.records.map(record => record.timestamp)).toEqual([1_700_000_000_001, 1_700_000_000_001]);
	});

	it('reads legacy message sets (magic 0 and 1) with kafkajs\' decoder', async () => {
		// Offsets 0 and 1, as a broker serves a log written before Kafka 0.11.
		const legacy = await MessageSet({
			messageVersion: 1,
			compression: 1,
			entries: [{key: 'old-key', value: 'old-value', timestamp: 1_500_000_000_000}, {key: null, value: 'second', timestamp: 1_500_000_000_001}],
		});
		const decoded = await decodeRecordSet(legacy.buffer, options());
		expect(decoded.records.map(record => [record.offset, record.key?.toString() ?? null, record.value?.toString(), record.timestamp])).toEqual([
			['0', 'old-key', 'old-value', 1_500_000_000_000],
			['1', null, 'second', 1_500_000_000_001],
		]);
		expect(decoded.nextOffset).toBe(2n);
	});

	it('returns nothing for an empty record set', async () => {
		expect(await decodeRecordSet(Buffer.alloc(0), options({fetchOffset: 7n}))).toEqual({records: [], count: 0, nextOffset: 7n});
	});
});
