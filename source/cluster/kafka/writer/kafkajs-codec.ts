import {createRequire} from 'node:module';

/*
kafkajs' encoder and decoder, which ktop's own request codecs (ElectLeaders, IncrementalAlterConfigs:
kafkajs 2.2.4 has none) are written with, so they frame and encode exactly as kafkajs' do.
test/cluster/kafka/kafkajs-wire.test.ts checks these internals are still there.
*/

const require = createRequire(import.meta.url);

export type KafkajsEncoder = {
	writeInt8(value: number): KafkajsEncoder;
	writeInt16(value: number): KafkajsEncoder;
	writeInt32(value: number): KafkajsEncoder;
	writeBoolean(value: boolean): KafkajsEncoder;
	/** null writes length -1 (NULLABLE_STRING). */
	writeString(value: string | null): KafkajsEncoder;
	/** INT32 count, then each item: encoders as they are, numbers as INT32 with type 'int32'. */
	writeArray(items: KafkajsEncoder[] | number[], type?: 'int32'): KafkajsEncoder;
	buffer: Buffer;
};

export type KafkajsDecoder = {
	readInt8(): number;
	readInt16(): number;
	readInt32(): number;
	readBoolean(): boolean;
	/** null for length -1. */
	readString(): string | null;
	/** A null array (-1) reads as []. */
	readArray<T>(reader: (decoder: KafkajsDecoder) => T): T[];
};

export const Encoder = require('kafkajs/src/protocol/encoder') as new () => KafkajsEncoder;
export const Decoder = require('kafkajs/src/protocol/decoder') as new (buffer: Buffer) => KafkajsDecoder;
