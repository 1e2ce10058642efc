/**
ktop's own load on the cluster, counted where requests leave: Kafka requests per broker by API,
ZooKeeper operations per server (four-letter words, AdminServer calls) and per session (reads).
The benchmark turns these into requests per second; nothing else reads them.
*/
export type LoadCounts = Record<string, Record<string, number>>;

export class LoadCounters {
	readonly #counts = new Map<string, Map<string, number>>();

	/** One request of kind `what` to `target` ('kafka 127.0.0.1:9092', 'zookeeper session', 'zookeeper 127.0.0.1:2181'). */
	count(target: string, what: string, times = 1): void {
		const byKind = this.#counts.get(target) ?? new Map<string, number>();
		byKind.set(what, (byKind.get(what) ?? 0) + times);
		this.#counts.set(target, byKind);
	}

	snapshot(): LoadCounts {
		const result: LoadCounts = {};
		for (const [target, byKind] of this.#counts) result[target] = Object.fromEntries(byKind);
		return result;
	}
}

/** What `after` adds to `before`, target by target and kind by kind. */
export function loadDelta(before: LoadCounts, after: LoadCounts): LoadCounts {
	const delta: LoadCounts = {};
	for (const [target, byKind] of Object.entries(after)) {
		for (const [what, count] of Object.entries(byKind)) {
			const added = count - (before[target]?.[what] ?? 0);
			if (added > 0) (delta[target] ??= {})[what] = added;
		}
	}

	return delta;
}
