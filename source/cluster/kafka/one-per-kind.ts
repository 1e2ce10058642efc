/**
At most one request of each kind in flight: the next of a kind starts when the one before it
settles. Kafka serves a connection's requests one after another anyway; what this bounds is how
many request-handler threads one refresh can occupy on a broker (one per kind, never eight).
*/
export class OnePerKind {
	readonly #tails = new Map<string, Promise<void>>();

	async run<T>(kind: string, work: () => Promise<T>): Promise<T> {
		const before = this.#tails.get(kind) ?? Promise.resolve();
		const mine = before.then(work);
		const tail = mine.then(() => undefined, () => undefined);
		this.#tails.set(kind, tail);
		void tail.then(() => {
			if (this.#tails.get(kind) === tail) this.#tails.delete(kind);
		});
		return mine;
	}

	/** Kinds with a request in flight or waiting. */
	busy(): string[] {
		return [...this.#tails.keys()];
	}
}
