import {describe, expect, it} from 'vitest';
import {FrameReader} from '../../../../source/cluster/kafka/writer/wire-tap.js';

/** A request frame: INT32 size, INT16 api_key, INT16 api_version, then `body` bytes. */
function frame(apiKey: number, body: number): Buffer {
	const buffer = Buffer.alloc(8 + body, 0xab);
	buffer.writeInt32BE(4 + body, 0);
	buffer.writeInt16BE(apiKey, 4);
	buffer.writeInt16BE(1, 6);
	return buffer;
}

function keysOf(chunks: Buffer[]): number[] {
	const keys: number[] = [];
	const reader = new FrameReader(key => keys.push(key));
	for (const chunk of chunks) reader.push(chunk);
	return keys;
}

describe('FrameReader', () => {
	const stream = Buffer.concat([frame(18, 20), frame(19, 300), frame(0, 5), frame(43, 0)]);

	it('reads each frame\'s api key when frames come one per write', () => {
		expect(keysOf([frame(18, 20), frame(19, 300)])).toEqual([18, 19]);
	});

	it('reads them when frames share writes and are split across writes, at every split point', () => {
		for (let cut = 1; cut < stream.length; cut++) {
			expect(keysOf([stream.subarray(0, cut), stream.subarray(cut)])).toEqual([18, 19, 0, 43]);
		}

		const byteByByte = [...stream].map(byte => Buffer.from([byte]));
		expect(keysOf(byteByByte)).toEqual([18, 19, 0, 43]);
	});
});
