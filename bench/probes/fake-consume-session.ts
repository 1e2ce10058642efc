import type {ConsumeSession, ConsumeStats, ConsumedRecord, StartPosition} from '../../source/model/consume-types.js';

export type FakeStream = ConsumeSession & {
	/** Records produced per second since the start. */
	rate(): number;
};

/**
A consume session that receives records as fast as this thread can make them: a batch of
`batchSize` records, a notification, then the next batch after whatever I/O and timers are
waiting (setImmediate), as a real fetch loop hands over one response at a time. Holds the last
`capacity` records in a ring buffer, as the contract asks.
*/
export function fakeConsumeSession(topic: string, options: {capacity?: number; batchSize?: number; recordBytes?: number} = {}): FakeStream {
	const capacity = options.capacity ?? 10_000;
	const batchSize = options.batchSize ?? 500;
	const value = Buffer.alloc(options.recordBytes ?? 100, 'v');
	const ring: ConsumedRecord[] = [];
	const listeners = new Set<() => void>();
	const start: StartPosition = {kind: 'beginning'};
	const startedAt = performance.now();
	let head = 0;
	let seq = 0;
	let evicted = 0;
	let receivedWhilePaused = 0;
	let paused = false;
	let closed = false;
	let filter: RegExp | undefined;
	let pattern: string | undefined;
	let view: readonly ConsumedRecord[] | undefined;

	const push = (record: ConsumedRecord) => {
		if (ring.length < capacity) {
			ring.push(record);
			return;
		}

		ring[head] = record;
		head = (head + 1) % capacity;
		evicted++;
	};

	const pump = () => {
		if (closed) return;
		for (let index = 0; index < batchSize; index++) {
			const offset = seq;
			seq++;
			if (paused) {
				receivedWhilePaused++;
				continue;
			}

			push({
				seq, topic, partition: offset % 6, offset: String(Math.floor(offset / 6)), timestamp: Date.now(),
				key: Buffer.from(`key-${offset % 1000}`), value, headers: [], size: value.length + 8, truncated: false,
			});
		}

		view = undefined;
		for (const listener of listeners) listener();
		setImmediate(pump);
	};

	setImmediate(pump);
	const stats = (): ConsumeStats => ({
		received: seq, receivedWhilePaused, held: ring.length, capacity, evicted,
		ratePerSecond: seq / ((performance.now() - startedAt) / 1000),
		partitions: Array.from({length: 6}, (_, partition) => ({partition, position: String(Math.floor(seq / 6)), highWatermark: String(Math.floor(seq / 6))})),
		paused, error: undefined,
	});
	return {
		topic, start, partitions: [0, 1, 2, 3, 4, 5],
		getRecords() {
			view ??= [...ring.slice(head), ...ring.slice(0, head)].filter(record => !filter || filter.test(record.value?.toString('utf8') ?? ''));
			return view;
		},
		getStats: stats,
		setFilter(next) {
			filter = next === undefined ? undefined : new RegExp(next, 'i');
			pattern = next;
			view = undefined;
		},
		getFilter: () => pattern,
		pause() {
			paused = true;
		},
		resume() {
			paused = false;
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		async close() {
			closed = true;
		},
		rate: () => seq / ((performance.now() - startedAt) / 1000),
	};
}
