/**
Events per second over a sliding window (default the last 5 s), counted in buckets so a
100,000/s stream costs one addition per batch, not one timestamp per record. Until a whole
window has passed since the first event, the rate is over the time seen so far (at least 1 s,
so the first batch is not read as a burst).
*/
export class RateMeter {
	readonly #counts: Float64Array;
	/** Which bucket period each slot holds, so a stale slot is known without clearing it. */
	readonly #periods: Float64Array;
	#firstAt: number | undefined;

	constructor(readonly windowMs = 5000, readonly bucketMs = 250, readonly now: () => number = () => Date.now()) {
		const buckets = Math.ceil(windowMs / bucketMs);
		this.#counts = new Float64Array(buckets);
		this.#periods = new Float64Array(buckets).fill(-1);
	}

	add(count: number, at = this.now()): void {
		this.#firstAt ??= at;
		const period = Math.floor(at / this.bucketMs);
		const slot = period % this.#counts.length;
		if (this.#periods[slot] !== period) {
			this.#periods[slot] = period;
			this.#counts[slot] = 0;
		}

		this.#counts[slot]! += count;
	}

	perSecond(at = this.now()): number {
		if (this.#firstAt === undefined) return 0;
		const period = Math.floor(at / this.bucketMs);
		const oldest = period - this.#counts.length + 1;
		let total = 0;
		for (let slot = 0; slot < this.#counts.length; slot++) {
			if (this.#periods[slot]! >= oldest && this.#periods[slot]! <= period) total += this.#counts[slot]!;
		}

		// The window ends now, inside the current bucket: divide by exactly the time its buckets cover.
		const coveredMs = at - oldest * this.bucketMs;
		const seenMs = Math.min(coveredMs, Math.max(1000, at - this.#firstAt));
		return total / (seenMs / 1000);
	}
}
