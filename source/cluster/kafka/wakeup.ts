/**
A wait that ends early when woken or aborted. A wake with nobody waiting is remembered, so a
loop that checks its conditions and then waits never misses one that came in between.
*/
export class Wakeup {
	#resolve: (() => void) | undefined;
	#pending = false;

	wake(): void {
		if (this.#resolve) {
			this.#resolve();
			this.#resolve = undefined;
		} else {
			this.#pending = true;
		}
	}

	async wait(ms: number, signal: AbortSignal): Promise<void> {
		if (this.#pending || signal.aborted) {
			this.#pending = false;
			return;
		}

		await new Promise<void>(resolve => {
			const done = () => {
				clearTimeout(timer);
				signal.removeEventListener('abort', done);
				this.#resolve = undefined;
				resolve();
			};

			const timer = Number.isFinite(ms) ? setTimeout(done, Math.max(0, ms)) : undefined;
			signal.addEventListener('abort', done);
			this.#resolve = done;
		});
	}
}

/** setTimeout as a promise that ends early (resolving, not rejecting) when `signal` aborts. */
export async function sleep(ms: number, signal: AbortSignal): Promise<void> {
	await new Wakeup().wait(ms, signal);
}

/** 250 ms, 500 ms, 1 s ... up to 5 s: retries after failures, so a down broker is not hammered. */
export function backoffMs(failures: number): number {
	return failures <= 0 ? 0 : Math.min(5000, 250 * (2 ** Math.min(failures - 1, 5)));
}
