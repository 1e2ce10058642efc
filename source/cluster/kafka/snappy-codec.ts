import {createRequire} from 'node:module';

const require = createRequire(import.meta.url);
const snappy = require('snappyjs') as {
	compress: (input: Buffer) => Buffer;
	uncompress: (input: Buffer) => Buffer;
};

/**
Java's producer writes snappy in xerial's stream framing (SnappyOutputStream): this 8-byte magic,
two int32 versions, then blocks of [int32 length][raw snappy]. librdkafka (kcat) writes raw
snappy. Kafka's own consumer accepts both, so ktop does too.
*/
const xerialMagic = Buffer.from([0x82, 0x53, 0x4E, 0x41, 0x50, 0x50, 0x59, 0x00]);
const xerialHeaderBytes = 16;

/** Snappy in pure JavaScript (snappyjs): nothing to build or download at install. */
export const snappyCodec = {
	async compress(encoder: {buffer: Buffer}): Promise<Buffer> {
		return snappy.compress(encoder.buffer);
	},
	async decompress(buffer: Buffer): Promise<Buffer> {
		return decompressSnappy(buffer);
	},
};

export function decompressSnappy(buffer: Buffer): Buffer {
	if (buffer.length < xerialHeaderBytes || !buffer.subarray(0, xerialMagic.length).equals(xerialMagic)) {
		return snappy.uncompress(buffer);
	}

	const blocks: Buffer[] = [];
	let offset = xerialHeaderBytes;
	while (offset + 4 <= buffer.length) {
		const length = buffer.readInt32BE(offset);
		offset += 4;
		if (length < 0 || offset + length > buffer.length) throw new Error('snappy: a xerial block runs past the end of the batch');
		blocks.push(snappy.uncompress(buffer.subarray(offset, offset + length)));
		offset += length;
	}

	return blocks.length === 1 ? blocks[0]! : Buffer.concat(blocks);
}
