import {decompress} from 'fzstd';

/**
Zstandard decompression in pure JavaScript (fzstd). ktop only reads records, so there is no
compressor: the one other zstd package that also compresses (zstd-codec) is a 1 MB Emscripten
build, and the native ones need a compiler or a prebuilt download at install.
*/
export const zstdCodec = {
	async compress(): Promise<Buffer> {
		throw new Error('zstd compression is not supported by ktop (it only reads zstd batches)');
	},
	async decompress(buffer: Buffer): Promise<Buffer> {
		return decompressZstd(buffer);
	},
};

export function decompressZstd(buffer: Buffer): Buffer {
	const bytes = decompress(buffer);
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
