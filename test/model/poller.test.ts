import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {startPoller, type Poller, type PollerOptions} from '../../source/model/poller.js';

type Deferred<T> = {promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void};

function deferred<T>(): Deferred<T> {
	let resolve: (value: T) => void = () => undefined;
	let reject: (error: unknown) => void = () => undefined;
	const promise = new Promise<T>((yes, no) => {
		resolve = yes;
		reject = no;
	});
	return {promise, resolve, reject};
}

const pollers: Poller[] = [];

function start<T>(options: Partial<PollerOptions<T>> & Pick<PollerOptions<T>, 'task'>) {
	const onResult = vi.fn<(result: T) => void>();
	const onError = vi.fn<(error: Error, consecutiveFailures: number) => void>();
	const poller = startPoller({intervalMs: 1000, onResult, onError, ...options});
	pollers.push(poller);
	return {poller, onResult, onError};
}

/** Fake time since the test started, for asserting when runs happened. */
let t0 = 0;
const elapsed = () => Date.now() - t0;

beforeEach(() => {
	vi.useFakeTimers();
	t0 = Date.now();
});

afterEach(() => {
	for (const poller of pollers.splice(0)) poller.stop();
	vi.useRealTimers();
});

describe('startPoller', () => {
	it('runs the task at once, then once per interval, delivering each result', async () => {
		let count = 0;
		const runs: number[] = [];
		const {onResult, onError} = start({task: async () => {
			runs.push(elapsed());
			return ++count;
		}});

		await vi.advanceTimersByTimeAsync(0);
		expect(runs).toEqual([0]);
		expect(onResult).toHaveBeenLastCalledWith(1);

		await vi.advanceTimersByTimeAsync(999);
		expect(runs).toEqual([0]);
		await vi.advanceTimersByTimeAsync(1);
		expect(runs).toEqual([0, 1000]);

		await vi.advanceTimersByTimeAsync(3000);
		expect(runs).toEqual([0, 1000, 2000, 3000, 4000]);
		expect(onResult.mock.calls.map(([result]) => result)).toEqual([1, 2, 3, 4, 5]);
		expect(onError).not.toHaveBeenCalled();
	});

	it('counts the interval from the end of a slow run, so runs never overlap', async () => {
		let inFlight = 0;
		let most = 0;
		const starts: number[] = [];
		start({task: async () => {
			starts.push(elapsed());
			inFlight++;
			most = Math.max(most, inFlight);
			await new Promise(resolve => {
				setTimeout(resolve, 2500);
			});
			inFlight--;
			return 'done';
		}});

		await vi.advanceTimersByTimeAsync(10_000);
		expect(most).toBe(1);
		// Each run takes 2500 ms and the next starts 1000 ms after it ends.
		expect(starts).toEqual([0, 3500, 7000]);
	});

	it('ignores refreshNow while a run is in flight', async () => {
		const pending: Array<Deferred<string>> = [];
		let inFlight = 0;
		let most = 0;
		const {poller, onResult} = start({task: async () => {
			inFlight++;
			most = Math.max(most, inFlight);
			const run = deferred<string>();
			pending.push(run);
			try {
				return await run.promise;
			} finally {
				inFlight--;
			}
		}});

		await vi.advanceTimersByTimeAsync(0);
		expect(pending).toHaveLength(1);
		poller.refreshNow();
		poller.refreshNow();
		await vi.advanceTimersByTimeAsync(5000);
		poller.refreshNow();
		await vi.advanceTimersByTimeAsync(0);
		expect(pending).toHaveLength(1);
		expect(most).toBe(1);

		pending[0]!.resolve('first');
		await vi.advanceTimersByTimeAsync(0);
		expect(onResult).toHaveBeenCalledWith('first');
		// The next run keeps to the interval: the refreshes during the run were not queued.
		await vi.advanceTimersByTimeAsync(999);
		expect(pending).toHaveLength(1);
		await vi.advanceTimersByTimeAsync(1);
		expect(pending).toHaveLength(2);
		expect(most).toBe(1);
	});

	it('runs at once on refreshNow between runs, and restarts the interval from there', async () => {
		const runs: number[] = [];
		const {poller} = start({task: async () => runs.push(elapsed())});
		await vi.advanceTimersByTimeAsync(400);
		expect(runs).toEqual([0]);

		poller.refreshNow();
		await vi.advanceTimersByTimeAsync(0);
		expect(runs).toEqual([0, 400]);

		// The timer that was due at 1000 was replaced, not kept alongside.
		await vi.advanceTimersByTimeAsync(999);
		expect(runs).toEqual([0, 400]);
		await vi.advanceTimersByTimeAsync(1);
		expect(runs).toEqual([0, 400, 1400]);
	});

	it('backs off exponentially after failures, up to maxBackoffMs', async () => {
		const runs: number[] = [];
		const {onError, onResult} = start({
			maxBackoffMs: 5000,
			task: async () => {
				runs.push(elapsed());
				throw new Error('ZooKeeper unreachable');
			},
		});

		await vi.advanceTimersByTimeAsync(21_000);
		// Delays: 2000, 4000, then capped at 5000.
		expect(runs).toEqual([0, 2000, 6000, 11_000, 16_000, 21_000]);
		expect(onError.mock.calls.map(([error, failures]) => [error.message, failures])).toEqual([
			['ZooKeeper unreachable', 1],
			['ZooKeeper unreachable', 2],
			['ZooKeeper unreachable', 3],
			['ZooKeeper unreachable', 4],
			['ZooKeeper unreachable', 5],
			['ZooKeeper unreachable', 6],
		]);
		expect(onResult).not.toHaveBeenCalled();
	});

	it('caps the backoff at 30 s by default', async () => {
		const runs: number[] = [];
		start({
			intervalMs: 10_000,
			task: async () => {
				runs.push(elapsed());
				throw new Error('down');
			},
		});

		await vi.advanceTimersByTimeAsync(110_000);
		// Delays: 20 s, then min(40 s, 30 s) from then on.
		expect(runs).toEqual([0, 20_000, 50_000, 80_000, 110_000]);
	});

	it('returns to the plain interval and restarts the failure count after a success', async () => {
		const outcomes = ['fail', 'fail', 'ok', 'fail', 'ok'];
		const runs: number[] = [];
		const {onError, onResult} = start({task: async () => {
			runs.push(elapsed());
			const outcome = outcomes.shift() ?? 'ok';
			if (outcome === 'fail') throw new Error(`failed at ${elapsed()}`);
			return elapsed();
		}});

		await vi.advanceTimersByTimeAsync(10_000);
		// 0 fails (+2000), 2000 fails (+4000), 6000 ok (+1000), 7000 fails (+2000), 9000 ok (+1000), 10000.
		expect(runs).toEqual([0, 2000, 6000, 7000, 9000, 10_000]);
		expect(onError.mock.calls.map(([error, failures]) => [error.message, failures])).toEqual([
			['failed at 0', 1],
			['failed at 2000', 2],
			['failed at 7000', 1],
		]);
		expect(onResult.mock.calls.map(([result]) => result)).toEqual([6000, 9000, 10_000]);
	});

	it('wraps a rejection that is not an Error', async () => {
		const {onError} = start({task: async () => Promise.reject('plain string')});
		await vi.advanceTimersByTimeAsync(0);
		expect(onError).toHaveBeenCalledTimes(1);
		const [error, failures] = onError.mock.calls[0]!;
		expect(error).toBeInstanceOf(Error);
		expect(error.message).toBe('plain string');
		expect(failures).toBe(1);
	});

	it('never runs when stopped before its first run', async () => {
		const task = vi.fn(async () => 1);
		const {poller} = start({task});
		poller.stop();
		await vi.advanceTimersByTimeAsync(10_000);
		expect(task).not.toHaveBeenCalled();
	});

	it('runs no more after stop between runs, even on refreshNow', async () => {
		const task = vi.fn(async () => 1);
		const {poller} = start({task});
		await vi.advanceTimersByTimeAsync(1500);
		expect(task).toHaveBeenCalledTimes(2);
		poller.stop();
		poller.refreshNow();
		await vi.advanceTimersByTimeAsync(60_000);
		expect(task).toHaveBeenCalledTimes(2);
	});

	it('does not deliver a result that arrives after stop, and schedules nothing more', async () => {
		const run = deferred<string>();
		const task = vi.fn(async () => run.promise);
		const {poller, onResult, onError} = start({task});
		await vi.advanceTimersByTimeAsync(0);
		poller.stop();
		run.resolve('late');
		await vi.advanceTimersByTimeAsync(60_000);
		expect(onResult).not.toHaveBeenCalled();
		expect(onError).not.toHaveBeenCalled();
		expect(task).toHaveBeenCalledTimes(1);
		expect(vi.getTimerCount()).toBe(0);
	});

	it('does not deliver a failure that arrives after stop', async () => {
		const run = deferred<string>();
		const task = vi.fn(async () => run.promise);
		const {poller, onResult, onError} = start({task});
		await vi.advanceTimersByTimeAsync(0);
		poller.stop();
		run.reject(new Error('late failure'));
		await vi.advanceTimersByTimeAsync(60_000);
		expect(onError).not.toHaveBeenCalled();
		expect(onResult).not.toHaveBeenCalled();
		expect(task).toHaveBeenCalledTimes(1);
	});
});
