import {useEffect, useState} from 'react';

/** Renders once more at time `at` (ms since the epoch), if given: for highlights that end on their own. */
export function useRedrawAt(at: number | undefined, now: () => number = Date.now): void {
	const [, setTick] = useState(0);
	useEffect(() => {
		if (at === undefined) return;
		const timer = setTimeout(() => setTick(tick => tick + 1), Math.max(0, at - now()) + 10);
		return () => clearTimeout(timer);
	}, [at, now]);
}
