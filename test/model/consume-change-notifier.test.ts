import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {ChangeNotifier} from '../../source/model/change-notifier.js';

beforeEach(() => {
	vi.useFakeTimers();
});

afterEach(() => {
	vi.useRealTimers();
});

describe('ChangeNotifier', () => {
	it('coalesces a flood of changes into at most one notification per interval', () => {
		const notifier = new ChangeNotifier(100);
		const listener = vi.fn();
		notifier.subscribe(listener);
		// 100,000 changes over one second, as a fast stream makes them.
		for (let tick = 0; tick < 1000; tick++) {
			for (let change = 0; change < 100; change++) notifier.notify();
			vi.advanceTimersByTime(1);
		}

		vi.advanceTimersByTime(200);
		expect(listener.mock.calls.length).toBeGreaterThanOrEqual(10);
		expect(listener.mock.calls.length).toBeLessThanOrEqual(11);
	});

	it('tells about the first change of a quiet spell at once, never inside the caller', () => {
		const notifier = new ChangeNotifier(100);
		const listener = vi.fn();
		notifier.subscribe(listener);
		notifier.notify();
		expect(listener).not.toHaveBeenCalled();
		vi.advanceTimersByTime(0);
		expect(listener).toHaveBeenCalledTimes(1);
		vi.advanceTimersByTime(5000);
		notifier.notify();
		vi.advanceTimersByTime(0);
		expect(listener).toHaveBeenCalledTimes(2);
	});

	it('stops after unsubscribe and after close', () => {
		const notifier = new ChangeNotifier(100);
		const first = vi.fn();
		const second = vi.fn();
		const unsubscribe = notifier.subscribe(first);
		notifier.subscribe(second);
		unsubscribe();
		notifier.notify();
		vi.advanceTimersByTime(0);
		expect(first).not.toHaveBeenCalled();
		expect(second).toHaveBeenCalledTimes(1);
		notifier.notify();
		notifier.close();
		vi.advanceTimersByTime(1000);
		expect(second).toHaveBeenCalledTimes(1);
	});
});
