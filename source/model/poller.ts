/**
A refresh loop that can never overlap itself: the next run is scheduled only after the
previous one settles (a setTimeout chain, not setInterval). Failures back off exponentially
up to `maxBackoffMs`, and `refreshNow` runs at once unless a run is already in flight.
A callback that throws is reported to `onError` as a failure of that run; it never stops the loop.
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
		timer = setTimeout(() => void run(), delayMs);
	};

	const fail = (error: unknown) => {
		failures++;
		try {
			options.onError(error instanceof Error ? error : new Error(String(error)), failures);
		} catch {
			// A broken error handler must not end the loop; the next run reports again.
		}
	};

	const run = async () => {
		if (running || stopped) return;
		running = true;
		try {
			const result = await options.task();
			if (!stopped) options.onResult(result);
			failures = 0;
		} catch (error) {
			if (!stopped) fail(error);
		} finally {
			running = false;
			const backoff = failures === 0 ? options.intervalMs : Math.min(options.intervalMs * 2 ** failures, options.maxBackoffMs ?? 30_000);
			schedule(backoff);
		}
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
