import {useEffect, useState} from 'react';

/** The time, updated every `everyMs`: for ages ("refreshed 3s ago"), nothing that costs. */
export function useClock(everyMs: number, now: () => number = Date.now): number {
	const [time, setTime] = useState(now);
	useEffect(() => {
		const timer = setInterval(() => setTime(now()), everyMs);
		return () => clearInterval(timer);
	}, [everyMs, now]);
	return time;
}
