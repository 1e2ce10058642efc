import {useEffect, useRef, useState} from 'react';
import type {Store} from '../../model/store.js';

/** What the UI may do with the store: read and listen. Updating it is the poller's job. */
export type StoreView = Pick<Store, 'getSnapshot' | 'getStale' | 'getEvents' | 'subscribe'>;

/** Store-driven redraws at most this often: four frames a second is plenty over SSH. */
export const storeThrottleMs = 250;

/**
A number that changes when the store notified, at most once per `throttleMs`: the first
notification after a quiet spell redraws at once, a burst redraws once more at the end of the
window with the latest data. The store notifies only on visible change, so an idle cluster
causes no redraw at all.
*/
export function useStoreVersion(store: StoreView, throttleMs = storeThrottleMs): number {
	const [version, setVersion] = useState(0);
	// What this render read, to catch a notification that came before the subscription did.
	const rendered = useRef({snapshot: store.getSnapshot(), stale: store.getStale()});
	rendered.current = {snapshot: store.getSnapshot(), stale: store.getStale()};
	useEffect(() => {
		let last = Number.NEGATIVE_INFINITY;
		let timer: NodeJS.Timeout | undefined;
		const flush = () => {
			timer = undefined;
			last = Date.now();
			setVersion(value => value + 1);
		};

		const unsubscribe = store.subscribe(() => {
			if (timer) return;
			const wait = last + throttleMs - Date.now();
			if (wait <= 0) flush();
			else timer = setTimeout(flush, wait);
		});
		if (store.getSnapshot() !== rendered.current.snapshot || store.getStale() !== rendered.current.stale) flush();
		return () => {
			unsubscribe();
			clearTimeout(timer);
		};
	}, [store, throttleMs]);
	return version;
}
