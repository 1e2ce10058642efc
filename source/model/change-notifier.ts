/**
Tells listeners that something changed, at most once per `intervalMs`: a stream of 100,000
records a second becomes ten notifications, the first of a quiet spell going out at once (on
the next turn of the event loop, never inside the caller's own work).
*/
export class ChangeNotifier {
	readonly #listeners = new Set<() => void>();
	#timer: NodeJS.Timeout | undefined;
	#lastAt = Number.NEGATIVE_INFINITY;
	#closed = false;

	constructor(readonly intervalMs = 100) {}

	subscribe(listener: () => void): () => void {
		this.#listeners.add(listener);
		return () => {
			this.#listeners.delete(listener);
		};
	}

	notify(): void {
		if (this.#timer !== undefined || this.#closed) return;
		const delay = Math.max(0, this.#lastAt + this.intervalMs - Date.now());
		this.#timer = setTimeout(() => {
			this.#timer = undefined;
			this.#lastAt = Date.now();
			for (const listener of [...this.#listeners]) listener();
		}, delay);
	}

	close(): void {
		this.#closed = true;
		clearTimeout(this.#timer);
		this.#timer = undefined;
		this.#listeners.clear();
	}
}
