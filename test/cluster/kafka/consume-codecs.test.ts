import {randomBytes} from 'node:crypto';
import kafkajs from 'kafkajs';
import {describe, expect, it} from 'vitest';
import {registerCompressionCodecs} from '../../../source/cluster/kafka/compression-codecs.js';
import {decompressLz4, lz4Codec} from '../../../source/cluster/kafka/lz4-codec.js';
import {decompressSnappy, snappyCodec} from '../../../source/cluster/kafka/snappy-codec.js';
import {zstdCodec} from '../../../source/cluster/kafka/zstd-codec.js';

const {CompressionCodecs, CompressionTypes} = kafkajs;
const sample = Buffer.concat([Buffer.from('{"order":1,"status":"paid"}'.repeat(200)), randomBytes(500)]);

describe('compression codecs', () => {
	it('are registered in kafkajs\' codec table', () => {
		registerCompressionCodecs();
		const table = CompressionCodecs as unknown as Record<number, () => unknown>;
		expect(table[CompressionTypes.Snappy]!()).toBe(snappyCodec);
		expect(table[CompressionTypes.LZ4]!()).toBe(lz4Codec);
		expect(table[CompressionTypes.ZSTD]!()).toBe(zstdCodec);
	});

	it('snappy: raw (librdkafka) and xerial-framed (Java producer) both decode', async () => {
		const raw = await snappyCodec.compress({buffer: sample});
		expect(decompressSnappy(raw)).toEqual(sample);
		// xerial: magic, version 1, compatible version 1, then [int32 length][block]...
		const half = sample.length >> 1;
		const blocks = [await snappyCodec.compress({buffer: sample.subarray(0, half)}), await snappyCodec.compress({buffer: sample.subarray(half)})];
		const header = Buffer.from([0x82, 0x53, 0x4E, 0x41, 0x50, 0x50, 0x59, 0x00, 0, 0, 0, 1, 0, 0, 0, 1]);
		const framed = Buffer.concat([header, ...blocks.flatMap(block => {
			const length = Buffer.alloc(4);
			length.writeInt32BE(block.length);
			return [length, block];
		})]);
		expect(await snappyCodec.decompress(framed)).toEqual(sample);
		expect(() => decompressSnappy(Buffer.concat([framed, Buffer.from([0, 0, 1, 0])]))).toThrow(/past the end/);
	});

	it('lz4 frames round-trip', async () => {
		expect(decompressLz4(await lz4Codec.compress({buffer: sample}))).toEqual(sample);
	});

	it('zstd only decompresses (the kcat-made batches in consume-record-batches prove it)', async () => {
		await expect(zstdCodec.compress()).rejects.toThrow(/not supported by ktop/);
	});
});
