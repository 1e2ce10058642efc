/** `until`: when the broker may be asked again (ms since the epoch); `remainingMs`: how long from now. */
export type Backoff = {address: string; timeouts: number; until: number; remainingMs: number; refused?: string};

/** "not asked: backing off 8 s after 2 timeouts" */
export function backingOffText(backoff: Backoff): string {
	if (backoff.refused !== undefined) return `not asked: backing off ${Math.ceil(backoff.remainingMs / 1000)} s after ${backoff.timeouts} refusal${backoff.timeouts === 1 ? '' : 's'}: ${backoff.refused}`;
	return `not asked: backing off ${Math.ceil(backoff.remainingMs / 1000)} s after ${backoff.timeouts} timeout${backoff.timeouts === 1 ? '' : 's'}`;
}

/**
Per broker: after a timeout ktop leaves the broker alone for `first` ms, doubling with each
timeout in a row up to `max`; one answer ends it. A hung broker then costs ktop's refreshes, and
the broker's request queue, a handful of requests an hour rather than one set per refresh.
Only timeouts count: a refused connection costs the broker nothing and ends at once.
*/
export class BrokerBackoff {
	readonly #entries = new Map<string, {timeouts: number; until: number; refused?: string}>();

	constructor(readonly settings: {first: number; max: number}, readonly now: () => number = Date.now) {}

	timedOut(address: string): void {
		this.#note(address, undefined);
	}

	/** A connection refused for its security (a wrong password, a certificate): kept, and backed off as a timeout is. */
	failed(address: string, reason: string): void {
		this.#note(address, reason);
	}

	#note(address: string, refused: string | undefined): void {
		const timeouts = (this.#entries.get(address)?.timeouts ?? 0) + 1;
		const waitMs = Math.min(this.settings.max, this.settings.first * (2 ** (timeouts - 1)));
		this.#entries.set(address, {timeouts, until: this.now() + waitMs, ...(refused === undefined ? {} : {refused})});
	}

	answered(address: string): void {
		this.#entries.delete(address);
	}

	/** The backoff in force for the address, or undefined when it may be asked. */
	current(address: string): Backoff | undefined {
		const entry = this.#entries.get(address);
		if (!entry) return undefined;
		const remainingMs = entry.until - this.now();
		if (remainingMs <= 0) return undefined;
		return {address, timeouts: entry.timeouts, until: entry.until, remainingMs, ...(entry.refused === undefined ? {} : {refused: entry.refused})};
	}

	/** Every broker backing off right now. */
	active(): Backoff[] {
		return [...this.#entries.keys()].map(address => this.current(address)).filter((entry): entry is Backoff => entry !== undefined);
	}
}
