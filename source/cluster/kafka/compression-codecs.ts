import kafkajs from 'kafkajs';
import {lz4Codec} from './lz4-codec.js';
import {snappyCodec} from './snappy-codec.js';
import {zstdCodec} from './zstd-codec.js';

// kafkajs is CommonJS and Node cannot see these exports by name.
const {CompressionCodecs, CompressionTypes} = kafkajs;

type Codec = {compress: (encoder: {buffer: Buffer}) => Promise<Buffer>; decompress: (buffer: Buffer) => Promise<Buffer>};

/**
kafkajs decodes only gzip by itself; these fill in snappy, lz4 and zstd in its codec table, which
both ktop's record decoder (record-batches.ts) and any kafkajs consumer look codecs up in.
Idempotent; all three are pure JavaScript, so installing ktop builds and downloads nothing.
*/
export function registerCompressionCodecs(): void {
	const table = CompressionCodecs as unknown as Record<number, () => Codec>;
	table[CompressionTypes.Snappy] = () => snappyCodec;
	table[CompressionTypes.LZ4] = () => lz4Codec;
	table[CompressionTypes.ZSTD] = () => zstdCodec;
}
