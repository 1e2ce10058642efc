/**
The newest records, at most `capacity` of them and at most `maxBytes` of their bytes: the oldest
go first when either bound is reached, whatever the rate, so a consume session's memory is
bounded by its settings and not by the topic.
*/
export class RecordRing<T> {
	readonly #slots: Array<T | undefined>;
	readonly #sizes: Float64Array;
	#head = 0;
	#length = 0;
	#bytes = 0;
	#evicted = 0;

	constructor(readonly capacity: number, readonly maxBytes: number, readonly sizeOf: (item: T) => number) {
		if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`ring capacity must be a whole number of at least 1, not ${capacity}`);
		this.#slots = new Array<T | undefined>(capacity);
		this.#sizes = new Float64Array(capacity);
	}

	get length(): number {
		return this.#length;
	}

	get bytes(): number {
		return this.#bytes;
	}

	/** Items dropped to make room, since the start. */
	get evicted(): number {
		return this.#evicted;
	}

	push(items: readonly T[]): void {
		// Only the newest `capacity` of a large batch can stay: skip the rest without storing them.
		const skipped = Math.max(0, items.length - this.capacity);
		this.#evicted += skipped;
		for (let index = skipped; index < items.length; index++) {
			const item = items[index]!;
			if (this.#length === this.capacity) this.#dropOldest();
			const slot = (this.#head + this.#length) % this.capacity;
			const size = this.sizeOf(item);
			this.#slots[slot] = item;
			this.#sizes[slot] = size;
			this.#bytes += size;
			this.#length++;
			// The newest item always stays, even alone over the byte bound.
			while (this.#bytes > this.maxBytes && this.#length > 1) this.#dropOldest();
		}
	}

	/** Oldest first. */
	toArray(): T[] {
		const items = new Array<T>(this.#length);
		for (let index = 0; index < this.#length; index++) items[index] = this.#slots[(this.#head + index) % this.capacity]!;
		return items;
	}

	#dropOldest(): void {
		this.#bytes -= this.#sizes[this.#head]!;
		this.#slots[this.#head] = undefined;
		this.#head = (this.#head + 1) % this.capacity;
		this.#length--;
		this.#evicted++;
	}
}
