/**
A ConsumeSession whose records and stats the test controls: it behaves as the contract says
(ring buffer, filter on key or value, pause still counting, notify on change) without a cluster.
*/
import type {ConsumedRecord, ConsumeSession, ConsumeStats, PartitionProgress, StartPosition} from '../../../source/model/consume-types.js';

export type RecordInput = Partial<Omit<ConsumedRecord, 'seq' | 'key' | 'value'>> & {key?: string | Buffer | null; value?: string | Buffer | null};

export type FakeSession = ConsumeSession & {
	/** Records as the engine would deliver them: numbered, held (or only counted while paused), listeners told. */
	push(...inputs: RecordInput[]): void;
	/** Many records at once, one notification: how a fast stream arrives. */
	pushMany(count: number, make: (index: number) => RecordInput): void;
	setStats(change: Partial<ConsumeStats>): void;
	setFilterCalls: Array<string | undefined>;
	closeCalls: number;
	listenerCount(): number;
};

export const T_RECORD = new Date(2026, 10, 21, 14, 3, 9, 42).getTime();

export function fakeSession(options: {topic?: string; start?: StartPosition; capacity?: number; partitions?: number[]} = {}): FakeSession {
	const capacity = options.capacity ?? 10_000;
	const partitions = options.partitions ?? [0, 1, 2];
	let held: ConsumedRecord[] = [];
	let matching: ConsumedRecord[] | undefined;
	let filter: string | undefined;
	let regex: RegExp | undefined;
	let seq = 0;
	const nextOffset = new Map<number, number>();
	const progress = new Map<number, PartitionProgress>(partitions.map(partition => [partition, {partition, position: '0', highWatermark: '0'}]));
	let stats: ConsumeStats = {
		received: 0, receivedWhilePaused: 0, held: 0, capacity, evicted: 0, ratePerSecond: 0,
		partitions: [...progress.values()], paused: false, error: undefined,
	};
	const listeners = new Set<() => void>();
	const notify = () => {
		for (const listener of listeners) listener();
	};

	const text = (bytes: Buffer | null) => (bytes === null ? '' : bytes.toString('utf8'));
	const matches = (record: ConsumedRecord) => !regex || regex.test(text(record.key)) || regex.test(text(record.value));
	const toBytes = (value: string | Buffer | null | undefined, fallback: string | null) => {
		const chosen = value === undefined ? fallback : value;
		return chosen === null ? null : Buffer.isBuffer(chosen) ? chosen : Buffer.from(chosen, 'utf8');
	};

	const make = (input: RecordInput): ConsumedRecord => {
		const partition = input.partition ?? 0;
		const offset = input.offset ?? String(nextOffset.get(partition) ?? 0);
		nextOffset.set(partition, Number(offset) + 1);
		const key = toBytes(input.key, `key-${seq}`);
		const value = toBytes(input.value, `value-${seq}`);
		return {
			seq: seq++, topic: options.topic ?? 'orders', partition, offset, timestamp: input.timestamp ?? T_RECORD,
			key, value, headers: input.headers ?? [],
			size: input.size ?? (key?.length ?? 0) + (value?.length ?? 0), truncated: input.truncated ?? false,
		};
	};

	const add = (records: ConsumedRecord[]) => {
		for (const record of records) {
			const position = String(Number(record.offset) + 1);
			progress.set(record.partition, {partition: record.partition, position, highWatermark: position});
		}

		const received = stats.received + records.length;
		if (stats.paused) {
			stats = {...stats, received, receivedWhilePaused: stats.receivedWhilePaused + records.length, partitions: [...progress.values()]};
			return;
		}

		held = held.concat(records);
		const evicted = Math.max(0, held.length - capacity);
		if (evicted > 0) held = held.slice(evicted);
		matching = undefined;
		stats = {...stats, received, held: held.length, evicted: stats.evicted + evicted, partitions: [...progress.values()]};
	};

	const session: FakeSession = {
		topic: options.topic ?? 'orders',
		start: options.start ?? {kind: 'end'},
		partitions,
		getRecords() {
			matching ??= regex ? held.filter(matches) : held;
			return matching;
		},
		getStats: () => stats,
		setFilter(pattern) {
			session.setFilterCalls.push(pattern);
			// Throws on an invalid regex, before changing anything, as the contract says (in the engine's words).
			let compiled: RegExp | undefined;
			try {
				compiled = pattern === undefined ? undefined : new RegExp(pattern, 'i');
			} catch (error) {
				throw new Error(`invalid filter /${pattern}/: ${(error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '')}`);
			}

			filter = pattern;
			regex = compiled;
			matching = undefined;
			notify();
		},
		getFilter: () => filter,
		pause() {
			// receivedWhilePaused counts over every pause, as the engine's does.
			stats = {...stats, paused: true};
			notify();
		},
		resume() {
			stats = {...stats, paused: false};
			notify();
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		async close() {
			session.closeCalls++;
			listeners.clear();
		},
		push(...inputs) {
			add(inputs.map(make));
			notify();
		},
		pushMany(count, build) {
			const records: ConsumedRecord[] = [];
			for (let index = 0; index < count; index++) records.push(make(build(index)));
			add(records);
			notify();
		},
		setStats(change) {
			stats = {...stats, ...change};
			notify();
		},
		setFilterCalls: [],
		closeCalls: 0,
		listenerCount: () => listeners.size,
	};
	return session;
}
