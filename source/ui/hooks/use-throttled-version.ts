import {useEffect, useState} from 'react';

/** Data-driven redraws at most this often: four frames a second is plenty over SSH. */
export const redrawThrottleMs = 250;

/** Something that notifies when its data changed; returns the unsubscribe. */
export type Subscribe = (listener: () => void) => () => void;

/**
A number that changes when `subscribe`'s source notified, at most once per `throttleMs`: the
first notification after a quiet spell redraws at once, a burst redraws once more at the end of
the window with the latest data. A source that notifies 100,000 times a second still costs four
renders a second. `missed` is asked once on subscribing, to catch a notification sent before
the subscription existed (between the first render and the effect).
*/
export function useThrottledVersion(subscribe: Subscribe | undefined, throttleMs = redrawThrottleMs, missed?: () => boolean): number {
	const [version, setVersion] = useState(0);
	useEffect(() => {
		if (!subscribe) return;
		let last = Number.NEGATIVE_INFINITY;
		let timer: NodeJS.Timeout | undefined;
		const flush = () => {
			timer = undefined;
			last = Date.now();
			setVersion(value => value + 1);
		};

		const unsubscribe = subscribe(() => {
			if (timer) return;
			const wait = last + throttleMs - Date.now();
			if (wait <= 0) flush();
			else timer = setTimeout(flush, wait);
		});
		if (missed?.()) flush();
		return () => {
			unsubscribe();
			clearTimeout(timer);
		};
		// `missed` is read once, at subscription: a new closure each render must not resubscribe.
	}, [subscribe, throttleMs]);
	return version;
}
