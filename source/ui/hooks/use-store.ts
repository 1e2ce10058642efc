import {useCallback, useRef} from 'react';
import type {Store} from '../../model/store.js';
import {redrawThrottleMs, useThrottledVersion} from './use-throttled-version.js';

/** What the UI may do with the store: read and listen. Updating it is the poller's job. */
export type StoreView = Pick<Store, 'getSnapshot' | 'getStale' | 'getEvents' | 'subscribe'>;

/** Store-driven redraws at most this often. */
export const storeThrottleMs = redrawThrottleMs;

/**
A number that changes when the store notified, at most once per `throttleMs` (see
useThrottledVersion). The store notifies only on visible change, so an idle cluster causes no
redraw at all.
*/
export function useStoreVersion(store: StoreView, throttleMs = storeThrottleMs): number {
	// What this render read, to catch a notification that came before the subscription did.
	const rendered = useRef({snapshot: store.getSnapshot(), stale: store.getStale()});
	rendered.current = {snapshot: store.getSnapshot(), stale: store.getStale()};
	const subscribe = useCallback((listener: () => void) => store.subscribe(listener), [store]);
	return useThrottledVersion(subscribe, throttleMs, () => store.getSnapshot() !== rendered.current.snapshot || store.getStale() !== rendered.current.stale);
}
