import {openClusterReader, type ClusterReaderOptions} from '../model/cluster-reader.js';
import type {Connection} from '../model/reach.js';
import {createStore} from '../model/store.js';
import type {ClusterSnapshot} from '../model/types.js';

export type CollectOptions = ClusterReaderOptions & {
	/** Refreshes to take; lag status needs more than one to tell lagging from catching up. */
	samples: number;
	intervalMs: number;
};

/**
Takes `samples` refreshes through the same store the TUI uses, so one-shot commands judge
findings exactly as the live view does (first-seen times, lag windows, persistence holds).
*/
export async function collectSnapshot(connection: Connection, options: CollectOptions): Promise<ClusterSnapshot> {
	const reader = openClusterReader(connection, options);
	const store = createStore();
	try {
		for (let sample = 0; sample < options.samples; sample++) {
			if (sample > 0) await new Promise(resolve => setTimeout(resolve, options.intervalMs));
			store.update(await reader.read());
		}
	} finally {
		await reader.close();
	}

	return store.getSnapshot()!;
}
