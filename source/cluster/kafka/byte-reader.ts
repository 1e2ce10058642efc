/**
Reads Kafka's wire primitives from a buffer: big-endian integers, zigzag varints, length-prefixed
strings and bytes. Bytes are returned as views into the buffer, not copies; whoever keeps them
copies (see record-batches.ts), so a kept record never pins a whole fetch reply in memory.
Reading past the end throws a RangeError (Node's own bounds check).
*/
export class ByteReader {
	offset: number;

	constructor(readonly buffer: Buffer, offset = 0) {
		this.offset = offset;
	}

	get remaining(): number {
		return this.buffer.length - this.offset;
	}

	int8(): number {
		const value = this.buffer.readInt8(this.offset);
		this.offset += 1;
		return value;
	}

	int16(): number {
		const value = this.buffer.readInt16BE(this.offset);
		this.offset += 2;
		return value;
	}

	int32(): number {
		const value = this.buffer.readInt32BE(this.offset);
		this.offset += 4;
		return value;
	}

	int64(): bigint {
		const value = this.buffer.readBigInt64BE(this.offset);
		this.offset += 8;
		return value;
	}

	/** An INT64 that is a timestamp or a count: exact as a number below 2^53. */
	int64AsNumber(): number {
		return Number(this.int64());
	}

	/** STRING: int16 length, UTF-8; -1 is null. */
	string(): string | null {
		const length = this.int16();
		if (length < 0) return null;
		return this.buffer.toString('utf8', this.offset, this.take(length));
	}

	/** BYTES / RECORDS: int32 length; -1 is null. */
	bytes(): Buffer | null {
		const length = this.int32();
		if (length < 0) return null;
		return this.buffer.subarray(this.offset, this.take(length));
	}

	/** Zigzag-encoded signed varint (protocol buffers' sint32), as in Kafka's records. */
	varInt(): number {
		return unzigzag(this.unsignedVarInt(5));
	}

	/** Zigzag varlong; exact while the magnitude stays below 2^53 (timestamp deltas do). */
	varLong(): number {
		return unzigzag(this.unsignedVarInt(10));
	}

	/** Varint-length bytes; -1 is null. */
	varBytes(): Buffer | null {
		const length = this.varInt();
		if (length < 0) return null;
		return this.buffer.subarray(this.offset, this.take(length));
	}

	skip(length: number): void {
		this.take(length);
	}

	/** Moves past `length` bytes, returning the end offset; throws when they are not all there. */
	private take(length: number): number {
		const end = this.offset + length;
		if (end > this.buffer.length) throw new RangeError(`${length} bytes wanted at offset ${this.offset}, ${this.remaining} left`);
		this.offset = end;
		return end;
	}

	private unsignedVarInt(maxBytes: number): number {
		// Multiplication, not shifts: JavaScript shifts are 32-bit, varlongs are not.
		let value = 0;
		let scale = 1;
		for (let read = 0; read < maxBytes; read++) {
			const byte = this.buffer[this.offset++];
			if (byte === undefined) throw new RangeError('varint runs past the end of the buffer');
			value += (byte & 0x7F) * scale;
			if ((byte & 0x80) === 0) return value;
			scale *= 128;
		}

		throw new RangeError('varint longer than its type allows');
	}
}

function unzigzag(value: number): number {
	// (n >>> 1) ^ -(n & 1), without 32-bit truncation.
	return value % 2 === 0 ? value / 2 : -(value + 1) / 2;
}
