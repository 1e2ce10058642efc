import {mapLimit} from '../map-limit.js';
import type {ZkSession, ZkWatcher, ZnodeData} from './session.js';

/** The reads the cache makes; a ZkSession has them. */
export type ZnodeReads = Pick<ZkSession, 'getData' | 'getChildrenIfExists' | 'getConfig'>;

/** What to read: a znode's data, its children, or the ensemble config (which has no path inside a chroot). */
export type ZnodeKey = {kind: 'data' | 'children'; path: string} | {kind: 'config'};

type Value = ZnodeData | string[] | string | undefined;

type Entry = {
	key: ZnodeKey;
	value: Value;
	/** Never read, or its watch fired since: the value cannot be trusted. */
	stale: boolean;
	inFlight: Promise<void> | undefined;
	/** The parse of `value`, kept until the value changes, so 10,000 unchanged states are not parsed again. */
	parsed: {value: unknown} | {error: Error} | undefined;
	/** The pass that last asked for it; entries no pass asks for any more are dropped. */
	pass: number;
};

export type ZnodeCacheOptions = {
	/** Reads in flight at once; default 64. */
	concurrency?: number;
	/** Arm a watch with each read and trust the value until it fires; default true. Without, every refresh reads again. */
	watch?: boolean;
};

/**
Znode values kept current by ZooKeeper watches, so a refresh reads only what changed.

Each read arms a one-shot watch; when it fires, the entry turns stale and the next refresh
reads it again, which re-arms the watch. The entry is marked fresh *before* its read is sent,
so a change that fires the watch while the reply is on its way leaves the entry stale: a lost
notification could otherwise leave it wrong for good.
*/
export class ZnodeCache {
	private readonly entries = new Map<string, Entry>();
	private readonly concurrency: number;
	private readonly watch: boolean;
	private pass = 0;
	private counts = {reads: 0, replies: 0, watchesFired: 0};
	/** Bumped whenever an entry turns stale after having been read; equal counts mean nothing changed between. */
	private changes = 0;

	constructor(private readonly reads: ZnodeReads, options: ZnodeCacheOptions = {}) {
		this.concurrency = options.concurrency ?? 64;
		this.watch = options.watch ?? true;
	}

	/** Starts a pass over the tree; `sweep()` at its end drops what the pass did not ask for. */
	beginPass(): void {
		this.pass++;
	}

	/**
	Makes each key's value current: reads those never read or whose watch fired, at most
	`concurrency` at a time. Rejects with the first failed read once all have settled;
	a failed entry stays stale and is read again next time.
	*/
	async refresh(keys: readonly ZnodeKey[]): Promise<void> {
		const toRead: Entry[] = [];
		for (const key of keys) {
			const id = keyId(key);
			let entry = this.entries.get(id);
			if (!entry) {
				entry = {key, value: undefined, stale: true, inFlight: undefined, parsed: undefined, pass: this.pass};
				this.entries.set(id, entry);
			}

			entry.pass = this.pass;
			if (entry.stale || entry.inFlight) toRead.push(entry);
		}

		let failure: unknown;
		await mapLimit(toRead, this.concurrency, async entry => {
			try {
				await this.readEntry(entry);
			} catch (error) {
				failure ??= error;
			}
		});
		if (failure !== undefined) throw failure;
	}

	/** Drops the entries this pass did not ask for: deleted topics, departed brokers. */
	sweep(): void {
		for (const [id, entry] of this.entries) {
			if (entry.pass !== this.pass && !entry.inFlight) this.entries.delete(id);
		}
	}

	data(path: string): ZnodeData | undefined {
		return this.entries.get(keyId({kind: 'data', path}))?.value as ZnodeData | undefined;
	}

	children(path: string): string[] | undefined {
		return this.entries.get(keyId({kind: 'children', path}))?.value as string[] | undefined;
	}

	config(): string | undefined {
		return this.entries.get(keyId({kind: 'config'}))?.value as string | undefined;
	}

	/**
	A znode's data passed through `parse`, parsed once per change of the data. Undefined when
	the znode does not exist; a parse error is thrown again on each call until the data changes.
	*/
	parsed<T>(path: string, parse: (data: string) => T): T | undefined {
		const entry = this.entries.get(keyId({kind: 'data', path}));
		if (!entry?.value) return undefined;
		if (!entry.parsed) {
			try {
				entry.parsed = {value: parse((entry.value as ZnodeData).data)};
			} catch (error) {
				entry.parsed = {error: error instanceof Error ? error : new Error(String(error))};
			}
		}

		if ('error' in entry.parsed) throw entry.parsed.error;
		return entry.parsed.value as T;
	}

	/**
	A count that moves whenever a value may have changed since it was read (a watch fired, a read
	failed). While it stands still, a pass over the same keys would read nothing and find the same
	values; without watches it moves on every call, as nothing can be trusted.
	*/
	changeCount(): number {
		return this.watch ? this.changes : ++this.changes;
	}

	/** Reads sent, replies received and watches fired since the cache was created. */
	stats(): {entries: number; reads: number; replies: number; watchesFired: number} {
		return {entries: this.entries.size, ...this.counts};
	}

	private async readEntry(entry: Entry): Promise<void> {
		// A read already on its way (a refresh that timed out and was given up) is joined, not repeated.
		if (entry.inFlight) {
			await entry.inFlight;
			if (!entry.stale) return;
		}

		entry.stale = false;
		const read = this.load(entry).then(value => {
			this.counts.replies++;
			if (!this.watch) entry.stale = true;
			entry.value = value;
			entry.parsed = undefined;
		}, (error: unknown) => {
			entry.stale = true;
			this.changes++;
			throw error;
		}).finally(() => {
			entry.inFlight = undefined;
		});
		entry.inFlight = read;
		await read;
	}

	private async load(entry: Entry): Promise<Value> {
		this.counts.reads++;
		const watcher: ZkWatcher | undefined = this.watch ? () => {
			this.counts.watchesFired++;
			this.changes++;
			entry.stale = true;
		} : undefined;
		const {key} = entry;
		switch (key.kind) {
			case 'data': return this.reads.getData(key.path, watcher);
			case 'children': return this.reads.getChildrenIfExists(key.path, watcher);
			case 'config': return this.reads.getConfig(watcher);
		}
	}
}

function keyId(key: ZnodeKey): string {
	return key.kind === 'config' ? 'config' : `${key.kind === 'data' ? 'd' : 'c'}:${key.path}`;
}
