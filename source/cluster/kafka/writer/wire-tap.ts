import type {Socket} from 'node:net';
import {defaultSocketFactory} from '../kafkajs-wire.js';

type SocketFactory = (options: {host: string; port: number; ssl: unknown; onConnect: () => void}) => Socket;

export type WireTap = {
	/** A kafkajs socket factory: pass it as the writer's `socketFactory`. */
	socketFactory: unknown;
	/** The api key of every request written to any socket it opened, in order. */
	apiKeys: number[];
};

/**
Reads the api key of each request frame going out: INT32 size, then the request header, whose
first field is INT16 api_key. Frames are followed across write() calls (a frame may be split
over several, or several may share one), so it counts requests, not writes.
*/
export class FrameReader {
	/** Bytes of the current frame's first six (size, api key) seen so far. */
	#head = Buffer.alloc(0);
	/** Bytes of the current frame still to pass after its head. */
	#skip = 0;

	constructor(readonly onApiKey: (apiKey: number) => void) {}

	push(chunk: Buffer): void {
		let offset = 0;
		while (offset < chunk.length) {
			if (this.#skip > 0) {
				const passed = Math.min(this.#skip, chunk.length - offset);
				this.#skip -= passed;
				offset += passed;
				continue;
			}

			const wanted = 6 - this.#head.length;
			const taken = chunk.subarray(offset, offset + wanted);
			this.#head = Buffer.concat([this.#head, taken]);
			offset += taken.length;
			if (this.#head.length < 6) return;
			const size = this.#head.readInt32BE(0);
			this.onApiKey(this.#head.readInt16BE(4));
			// The size counts everything after itself, the api key's two bytes included.
			this.#skip = size - 2;
			this.#head = Buffer.alloc(0);
		}
	}
}

/**
A socket factory that wraps kafkajs' own and records the api key of every request it carries:
the proof, in tests, of what reached the network (a read-only writer must send no write request).
*/
export function createWireTap(): WireTap {
	const apiKeys: number[] = [];
	const inner = defaultSocketFactory as SocketFactory;
	const socketFactory: SocketFactory = options => {
		const socket = inner(options);
		const reader = new FrameReader(apiKey => apiKeys.push(apiKey));
		const write = socket.write.bind(socket) as (chunk: unknown, ...rest: unknown[]) => boolean;
		socket.write = ((chunk: unknown, ...rest: unknown[]) => {
			const encoding = typeof rest[0] === 'string' ? (rest[0] as BufferEncoding) : undefined;
			reader.push(Buffer.isBuffer(chunk) ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk) : Buffer.from(String(chunk), encoding));
			return write(chunk, ...rest);
		}) as Socket['write'];
		return socket;
	};

	return {socketFactory, apiKeys};
}
