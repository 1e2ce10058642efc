import {createRequire} from 'node:module';

const require = createRequire(import.meta.url);
const lz4 = require('lz4js') as {
	compress: (input: Uint8Array) => Uint8Array;
	decompress: (input: Uint8Array) => Uint8Array;
};

/**
LZ4 frames in pure JavaScript (lz4js). Kafka's quirk: brokers and clients before message format
v1 computed the frame header checksum over the magic number too, so a strict reader rejects
old batches; lz4js does not verify header or block checksums, so both forms decode. Record
batches (magic 2) carry standard frames, which is what Kafka and librdkafka write today.
*/
export const lz4Codec = {
	async compress(encoder: {buffer: Buffer}): Promise<Buffer> {
		return asBuffer(lz4.compress(encoder.buffer));
	},
	async decompress(buffer: Buffer): Promise<Buffer> {
		return decompressLz4(buffer);
	},
};

export function decompressLz4(buffer: Buffer): Buffer {
	return asBuffer(lz4.decompress(buffer));
}

function asBuffer(bytes: Uint8Array): Buffer {
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
