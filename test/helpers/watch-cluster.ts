import {bootstrapServers, zkNodes, zookeeperConnect} from '../../cluster/layout.js';
import {Unready, waitFor} from '../../cluster/wait-for.js';
import {openClusterReader} from '../../source/model/cluster-reader.js';
import {startPoller} from '../../source/model/poller.js';
import {createStore, type Store} from '../../source/model/store.js';
import type {ClusterEvent, ClusterSnapshot} from '../../source/model/types.js';

export const localConnection = {zookeeper: zookeeperConnect, bootstrap: bootstrapServers};
export const localAdminPorts = {[`127.0.0.1:${zkNodes[2]!.clientPort}`]: zkNodes[2]!.adminPort!};

/**
The model's real refresh loop (reader + store + poller) against the local cluster, as the TUI
runs it, with helpers to wait for what a test expects to see.
*/
export function watchCluster(intervalMs = 2000) {
	const reader = openClusterReader(localConnection, {adminPorts: localAdminPorts});
	const store: Store = createStore();
	const readDurations: number[] = [];
	let lastError: string | undefined;
	const poller = startPoller({
		intervalMs,
		async task() {
			const started = Date.now();
			const input = await reader.read();
			readDurations.push(Date.now() - started);
			return input;
		},
		onResult: input => store.update(input),
		onError(error) {
			lastError = error.message;
		},
	});

	return {
		store,
		/** The reader behind the loop: its ZooKeeper gate and its load counters. */
		reader,
		readDurations,
		lastError: () => lastError,
		/** Waits until a snapshot taken after `after` satisfies `check`. */
		async until<T>(what: string, check: (snapshot: ClusterSnapshot) => T | undefined, options: {after?: number; timeoutMs?: number} = {}): Promise<{value: T; snapshot: ClusterSnapshot}> {
			return waitFor(async () => {
				const snapshot = store.getSnapshot();
				if (!snapshot || snapshot.takenAt < (options.after ?? 0)) return new Unready('no fresh snapshot yet');
				const value = check(snapshot);
				return value === undefined || value === false ? new Unready(describe(snapshot)) : {value, snapshot};
			}, {timeoutMs: options.timeoutMs ?? 60_000, intervalMs: 200, what});
		},
		events(after: number): ClusterEvent[] {
			return store.getEvents().filter(event => event.at >= after);
		},
		async close() {
			poller.stop();
			await reader.close();
		},
	};
}

function describe(snapshot: ClusterSnapshot): string {
	return `findings: ${snapshot.findings.map(finding => `${finding.code} ${finding.subject}`).join('; ') || 'none'}`;
}
