import {ZkError, type ZkSession, type ZkWatcher, type ZkWatchEvent} from '../../../source/cluster/zookeeper/session.js';

type WatchKind = 'data' | 'exists' | 'child';

/**
An in-memory ZooKeeper tree with ZooKeeper's watch rules, for testing the watched cache:
  - getData arms a data watch, or an exists watch when the znode is missing; getChildren a child watch;
  - a watch fires once, for the first change after it was armed, and is gone;
  - set fires 'changed', create fires 'created' and the parent's 'child', remove fires 'deleted'
    (data, exists and child watches alike) and the parent's 'child';
  - an expired session loses its watches, calls its end listeners and fails every later call with -112.
Every read is logged in `reads` as 'data:/path', 'children:/path' or 'config'.
*/
export class FakeZooKeeper {
	readonly nodes = new Map<string, string>([['/', '']]);
	readonly reads: string[] = [];
	config = 'server.1=127.0.0.1:2888:3888:participant;127.0.0.1:2181\nversion=0';
	/** When set, reads wait for this promise before the server sees them (a hung server). */
	gate: Promise<void> | undefined;
	/** When set, replies wait for this promise after the server answered and armed the watch (a slow network). */
	replyGate: Promise<void> | undefined;
	/** How long the server takes over each read (a slow link, a loaded server). */
	delayMs = 0;
	/** Reads in flight now, and the most there ever were. */
	inFlight = 0;
	maxInFlight = 0;
	private readonly sessions: FakeSession[] = [];

	/** Creates or updates a znode, creating missing parents with empty data. */
	set(path: string, data: string): void {
		const parent = parentOf(path);
		if (parent && !this.nodes.has(parent)) this.set(parent, '');
		const existed = this.nodes.has(path);
		this.nodes.set(path, data);
		if (existed) {
			this.fire(path, ['data', 'exists'], 'changed');
		} else {
			this.fire(path, ['exists'], 'created');
			if (parent) this.fire(parent, ['child'], 'child');
		}
	}

	/** Deletes a znode and everything under it. */
	remove(path: string): void {
		for (const child of this.childrenOf(path) ?? []) this.remove(`${path === '/' ? '' : path}/${child}`);
		if (!this.nodes.delete(path)) return;
		this.fire(path, ['data', 'exists', 'child'], 'deleted');
		const parent = parentOf(path);
		if (parent) this.fire(parent, ['child'], 'child');
	}

	childrenOf(path: string): string[] | undefined {
		if (!this.nodes.has(path)) return undefined;
		const prefix = path === '/' ? '/' : `${path}/`;
		return [...this.nodes.keys()].filter(key => key.startsWith(prefix) && key !== path && !key.slice(prefix.length).includes('/'))
			.map(key => key.slice(prefix.length));
	}

	openSession(): FakeSession {
		const session = new FakeSession(this);
		this.sessions.push(session);
		return session;
	}

	/** Watches armed and not yet fired, over all live sessions. */
	pendingWatches(): number {
		return this.sessions.reduce((sum, session) => sum + session.watches.length, 0);
	}

	readsOf(prefix: string): string[] {
		return this.reads.filter(read => read.startsWith(prefix));
	}

	private fire(path: string, kinds: WatchKind[], type: ZkWatchEvent['type']): void {
		for (const session of this.sessions) session.fire(path, kinds, type);
	}
}

export class FakeSession implements ZkSession {
	watches: Array<{path: string; kind: WatchKind; watcher: ZkWatcher}> = [];
	expired = false;
	closed = false;
	/** Set by a test: the connection dropped at this time and the client is reconnecting. */
	away: number | undefined;
	/** Set by a test: every read fails with this ZooKeeper code (-102 NOAUTH, -124 closed for auth). */
	refuse: number | undefined;
	private readonly endListeners: Array<(reason: string) => void> = [];

	constructor(private readonly tree: FakeZooKeeper) {}

	async getChildren(path: string, watcher?: ZkWatcher): Promise<string[]> {
		const children = await this.getChildrenIfExists(path, watcher);
		if (!children) throw new ZkError(`ZooKeeper read of ${path} failed: -101 no node`, -101);
		return children;
	}

	async getChildrenIfExists(path: string, watcher?: ZkWatcher): Promise<string[] | undefined> {
		return this.read(`children:${path}`, () => {
			const children = this.tree.childrenOf(path);
			if (watcher) this.watches.push({path, kind: children ? 'child' : 'exists', watcher});
			return children;
		});
	}

	async getData(path: string, watcher?: ZkWatcher) {
		return this.read(`data:${path}`, () => {
			const data = this.tree.nodes.get(path);
			if (watcher) this.watches.push({path, kind: data === undefined ? 'exists' : 'data', watcher});
			return data === undefined ? undefined : {data, ctime: 1, mtime: 2};
		});
	}

	async getConfig(watcher?: ZkWatcher): Promise<string> {
		return this.read('config', () => {
			if (watcher) this.watches.push({path: '/zookeeper/config', kind: 'data', watcher});
			return this.tree.config;
		});
	}

	onEnd(listener: (reason: string) => void): void {
		this.endListeners.push(listener);
	}

	/** Tests set this to stand for a session that lost its server (reconnecting). */
	disconnected = false;

	connected(): boolean {
		return !this.closed && !this.expired && !this.disconnected && this.away === undefined;
	}

	disconnectedSince(): number | undefined {
		return this.away;
	}

	close(): void {
		this.closed = true;
		this.watches = [];
	}

	/** The server drops the session: its watches are gone and every call fails from now on. */
	expire(): void {
		this.expired = true;
		this.watches = [];
		for (const listener of this.endListeners.splice(0)) listener('the ZooKeeper session expired');
	}

	fire(path: string, kinds: WatchKind[], type: ZkWatchEvent['type']): void {
		const firing = this.watches.filter(watch => watch.path === path && kinds.includes(watch.kind));
		this.watches = this.watches.filter(watch => !firing.includes(watch));
		for (const watch of firing) watch.watcher({type, path});
	}

	private async read<T>(name: string, answer: () => T): Promise<T> {
		this.tree.inFlight++;
		this.tree.maxInFlight = Math.max(this.tree.maxInFlight, this.tree.inFlight);
		try {
			if (this.tree.gate) await this.tree.gate;
			if (this.tree.delayMs > 0) {
				await new Promise(resolve => {
					setTimeout(resolve, this.tree.delayMs);
				});
			}

			if (this.expired) throw new ZkError(`ZooKeeper read of ${name} failed: -112 session expired`, -112);
			if (this.refuse !== undefined) throw new ZkError(`ZooKeeper read of ${name.replace(/^\w+:/, '')} failed: ${this.refuse} refused`, this.refuse);
			if (this.closed) throw new ZkError(`ZooKeeper read of ${name} failed: fn: "a_get" result: "ZINVALIDSTATE -9"`, -9);
			this.tree.reads.push(name);
			const reply = answer();
			if (this.tree.replyGate) await this.tree.replyGate;
			// A reply arrives on a later turn, as from a socket.
			await new Promise(resolve => {
				setImmediate(resolve);
			});
			return reply;
		} finally {
			this.tree.inFlight--;
		}
	}
}

function parentOf(path: string): string | undefined {
	if (path === '/') return undefined;
	const slash = path.lastIndexOf('/');
	return slash === 0 ? '/' : path.slice(0, slash);
}
