/**
Maps over items with at most `limit` calls in flight, keeping the input order in the result.
Per-topic and per-partition reads go through this, so 10,000 partitions never become
10,000 simultaneous requests against a broker or ZooKeeper.
*/
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
	const results = new Array<R>(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await fn(items[index]!, index);
		}
	};

	await Promise.all(Array.from({length: Math.max(1, Math.min(limit, items.length))}, worker));
	return results;
}
