import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {Unready, WaitTimeout, waitFor} from '../../cluster/wait-for.js';

beforeEach(() => {
	vi.useFakeTimers();
});

afterEach(() => {
	vi.useRealTimers();
});

/** A probe that answers from `answers` in turn, repeating the last one. */
function scripted<T>(answers: Array<T | Unready | undefined | Error>) {
	let call = 0;
	return vi.fn(async () => {
		const answer = answers[Math.min(call++, answers.length - 1)];
		if (answer instanceof Error) throw answer;
		return answer;
	});
}

describe('waitFor', () => {
	it('resolves with the probe\'s first ready value, polling at the interval', async () => {
		const probe = scripted<{leader: string}>([undefined, new Unready('looking'), {leader: 'zk2'}]);
		const waiting = waitFor(probe, {timeoutMs: 10_000, intervalMs: 100, what: 'a leader'});
		await vi.advanceTimersByTimeAsync(200);
		await expect(waiting).resolves.toEqual({leader: 'zk2'});
		expect(probe).toHaveBeenCalledTimes(3);
	});

	it('does not call the probe again before the interval has passed', async () => {
		const probe = scripted<string>([undefined]);
		const waiting = waitFor(probe, {timeoutMs: 1000, intervalMs: 300, what: 'x'}).catch(() => undefined);
		await vi.advanceTimersByTimeAsync(299);
		expect(probe).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(1);
		expect(probe).toHaveBeenCalledTimes(2);
		await vi.advanceTimersByTimeAsync(2000);
		await waiting;
	});

	it('polls every 250 ms by default', async () => {
		const probe = scripted<string>([undefined, undefined, 'ready']);
		const waiting = waitFor(probe, {timeoutMs: 5000, what: 'x'});
		await vi.advanceTimersByTimeAsync(249);
		expect(probe).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(251);
		await expect(waiting).resolves.toBe('ready');
		expect(probe).toHaveBeenCalledTimes(3);
	});

	it.each([0, '', false, null])('takes %j as ready: only undefined and Unready mean "not yet"', async value => {
		await expect(waitFor(async () => value, {timeoutMs: 1000, what: 'x'})).resolves.toBe(value);
	});

	it('times out with what it waited for and the probe\'s last Unready reason', async () => {
		const probe = scripted<string>([new Unready('zk2 looking'), new Unready('zk2 not serving')]);
		const waiting = waitFor(probe, {timeoutMs: 2000, intervalMs: 100, what: 'zk2 to serve'});
		const failed = expect(waiting).rejects.toThrow('timed out after 2 s waiting for zk2 to serve (last seen: zk2 not serving)');
		await vi.advanceTimersByTimeAsync(2500);
		await failed;
		await expect(waiting).rejects.toBeInstanceOf(WaitTimeout);
	});

	it('keeps the last reason when later probes only say undefined', async () => {
		const probe = scripted<string>([new Unready('leader election'), undefined]);
		const waiting = waitFor(probe, {timeoutMs: 1000, intervalMs: 100, what: 'quorum'});
		const failed = expect(waiting).rejects.toThrow('timed out after 1 s waiting for quorum (last seen: leader election)');
		await vi.advanceTimersByTimeAsync(1500);
		await failed;
	});

	it('times out without a reason when the probe never gave one', async () => {
		const waiting = waitFor(async () => undefined, {timeoutMs: 3000, intervalMs: 500, what: 'kafka1 to register'});
		const failed = expect(waiting).rejects.toThrow(/^timed out after 3 s waiting for kafka1 to register$/);
		await vi.advanceTimersByTimeAsync(4000);
		await failed;
	});

	it('gives up once the deadline has passed, not long after', async () => {
		const probe = scripted<string>([undefined]);
		const started = Date.now();
		let settledAt = 0;
		const waiting = waitFor(probe, {timeoutMs: 1000, intervalMs: 100, what: 'x'}).catch(() => {
			settledAt = Date.now() - started;
		});
		await vi.advanceTimersByTimeAsync(5000);
		await waiting;
		expect(settledAt).toBeGreaterThanOrEqual(1000);
		expect(settledAt).toBeLessThanOrEqual(1100);
		expect(probe.mock.calls.length).toBeGreaterThanOrEqual(10);
		expect(probe.mock.calls.length).toBeLessThanOrEqual(12);
	});

	it('treats a thrown error as not ready and keeps polling', async () => {
		const probe = scripted<number>([new Error('connect ECONNREFUSED 127.0.0.1:2182'), 42]);
		const waiting = waitFor(probe, {timeoutMs: 1000, intervalMs: 100, what: 'zk2'});
		await vi.advanceTimersByTimeAsync(100);
		await expect(waiting).resolves.toBe(42);
		expect(probe).toHaveBeenCalledTimes(2);
	});

	it('reports the last thrown error\'s message in the timeout', async () => {
		const probe = scripted<number>([new Unready('starting'), new Error('connect ECONNREFUSED 127.0.0.1:9093')]);
		const waiting = waitFor(probe, {timeoutMs: 1000, intervalMs: 100, what: 'kafka2'});
		const failed = expect(waiting).rejects.toThrow('timed out after 1 s waiting for kafka2 (last seen: connect ECONNREFUSED 127.0.0.1:9093)');
		await vi.advanceTimersByTimeAsync(1500);
		await failed;
	});

	it('probes at least once even with no time to wait', async () => {
		await expect(waitFor(async () => 'now', {timeoutMs: 0, what: 'x'})).resolves.toBe('now');
	});
});
