/**
A refresh loop that can never overlap itself: the next run is scheduled only after the
previous one settles (a setTimeout chain, not setInterval). Failures back off exponentially
up to `maxBackoffMs`, and `refreshNow` runs at once unless a run is already in flight.
*/
export type Poller = {
	refreshNow(): void;
	stop(): void;
};

export type PollerOptions<T> = {
	intervalMs: number;
	maxBackoffMs?: number;
	task: () => Promise<T>;
	onResult: (result: T) => void;
	onError: (error: Error, consecutiveFailures: number) => void;
};

export function startPoller<T>(options: PollerOptions<T>): Poller {
	let timer: NodeJS.Timeout | undefined;
	let running = false;
	let stopped = false;
	let failures = 0;

	const schedule = (delayMs: number) => {
		if (stopped) return;
		clearTimeout(timer);
		timer = setTimeout(run, delayMs);
	};

	const run = async () => {
		if (running || stopped) return;
		running = true;
		try {
			const result = await options.task();
			failures = 0;
			if (!stopped) options.onResult(result);
		} catch (error) {
			failures++;
			if (!stopped) options.onError(error instanceof Error ? error : new Error(String(error)), failures);
		} finally {
			running = false;
		}

		const backoff = failures === 0 ? options.intervalMs : Math.min(options.intervalMs * 2 ** failures, options.maxBackoffMs ?? 30_000);
		schedule(backoff);
	};

	schedule(0);
	return {
		refreshNow() {
			if (!running) schedule(0);
		},
		stop() {
			stopped = true;
			clearTimeout(timer);
		},
	};
}
