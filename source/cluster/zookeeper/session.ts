import ZooKeeper from 'zookeeper';
import type {ZookeeperAuth} from '../types.js';
import {authFailedState, refusalCodes} from './zookeeper-refusal.js';

/**
A ZooKeeper session, narrowed to the reads ktop needs, with errors as plain messages.
The native client's own logging is switched off (debug_level 0): it writes to stderr,
which would corrupt a full-screen terminal UI.

Every read can take a watcher. Watches are one-shot, as in ZooKeeper: the watcher is called
at most once, for the first change after the read, and a caller that wants to keep watching
reads again. A read of a missing znode arms an exists-watch instead, so its creation is seen too.
*/
export type ZkSession = {
	getChildren(path: string, watcher?: ZkWatcher): Promise<string[]>;
	/** Like getChildren, but undefined when the znode does not exist (Kafka's optional znodes). */
	getChildrenIfExists(path: string, watcher?: ZkWatcher): Promise<string[] | undefined>;
	/** The znode's data as UTF-8 text, or undefined when the znode does not exist. */
	getData(path: string, watcher?: ZkWatcher): Promise<ZnodeData | undefined>;
	/** The ensemble's dynamic configuration (`/zookeeper/config`), outside any chroot. */
	getConfig(watcher?: ZkWatcher): Promise<string>;
	/**
	Called once when the session ends by itself: expired (the server forgot it, its watches with it)
	or refused. Not called for close().
	*/
	onEnd(listener: (reason: string, code?: number) => void): void;
	/** Connected to a server right now (not reconnecting, not expired): that server is serving, with a quorum. */
	connected(): boolean;
	/**
	When the connection to the ensemble dropped, while the client looks for a server that takes the
	session back (undefined while connected). Meanwhile no watch can fire, so nothing read through
	the session can be vouched for; a server may also refuse the session for good (one restored from
	an older snapshot: "Refusing session request … has seen zxid …"), and the client keeps trying.
	Optional: fakes without it are always connected.
	*/
	disconnectedSince?(): number | undefined;
	close(): void;
};

/** What openZkSession returns: a session that can also name itself. */
export type OpenedZkSession = ZkSession & {
	/**
	The session's id and password (hex), which let another client take the session over.
	For tests that expire a session on purpose; ktop never shows the password.
	*/
	credentials(): {id: string; password: string};
	/**
	Creates a persistent znode (open ACL) with `data`, unless one is there already: false then, and
	nothing written. Kafka's own admin paths (/admin/…) are the only ones ktop writes.
	*/
	createIfAbsent(path: string, data: string): Promise<boolean>;
};

export type ZnodeData = {
	data: string;
	/** Milliseconds since the epoch. */
	ctime: number;
	mtime: number;
};

export type ZkWatchEvent = {type: 'created' | 'deleted' | 'changed' | 'child'; path: string};
export type ZkWatcher = (event: ZkWatchEvent) => void;

/** A failed read, with ZooKeeper's error code when it gave one (see zookeeperErrorCodes). */
export class ZkError extends Error {
	readonly code: number | undefined;

	constructor(message: string, code: number | undefined) {
		super(message);
		this.name = 'ZkError';
		this.code = code;
	}
}

/** The codes ktop reacts to, from zookeeper.h. */
export const zookeeperErrorCodes = {
	connectionLoss: -4,
	operationTimeout: -7,
	invalidState: -9,
	noNode: -101,
	nodeExists: -110,
	sessionExpired: -112,
	closing: -116,
	...refusalCodes,
} as const;

/** The session is gone for good and a new one is needed; any other failure may pass. */
export function isSessionLost(error: unknown): boolean {
	const code = error instanceof ZkError ? error.code : undefined;
	return code === zookeeperErrorCodes.sessionExpired
		|| code === zookeeperErrorCodes.invalidState
		|| code === zookeeperErrorCodes.closing
		|| code === zookeeperErrorCodes.authFailed;
}

/** The native client passes the stat's times as Date objects, despite its typings. */
type NativeStat = {ctime: Date | number; mtime: Date | number};
type NativeData = Buffer | string | null;

// zookeeper.h's event types; session events (-1) reach every watcher too and are not changes.
const eventTypes: Record<number, ZkWatchEvent['type']> = {1: 'created', 2: 'deleted', 3: 'changed', 4: 'child'};

/**
Opens a session, waiting at most `timeoutMs` for it. The session timeout asked of the server
(which clamps it to 2-20 ticks) defaults to the same, capped at 10 s.

`auth` is sent (addAuthInfo) once the session is connected and before it is returned, so no read
goes out unauthenticated: a server with enforce.auth.enabled closes a session whose first request
is not authenticated. One read then checks the session is served (see admitted). The C client keeps the auth and sends it again on every reconnect. A server
that rejects it fails the open with ZAUTHFAILED; the secret is never part of an error.
*/
export async function openZkSession(connect: string, timeoutMs = 10_000, sessionTimeoutMs = Math.min(timeoutMs, 10_000), auth: readonly ZookeeperAuth[] = []): Promise<OpenedZkSession> {
	const client = new ZooKeeper({
		connect,
		timeout: sessionTimeoutMs,
		debug_level: 0,
		host_order_deterministic: false,
	});

	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => {
			client.close();
			reject(new Error(`could not open a ZooKeeper session with ${connect} within ${Math.round(timeoutMs / 1000)} s`));
		}, timeoutMs);
		client.once('connect', () => {
			addAuth(client, auth).then(async () => admitted(client)).then(() => {
				clearTimeout(timer);
				resolve();
			}, (error: unknown) => {
				clearTimeout(timer);
				client.close();
				reject(error as Error);
			});
		});
		client.init({});
	});

	let closedByUs = false;
	let disconnectedAt: number | undefined;
	client.on('connecting', () => {
		disconnectedAt ??= Date.now();
	});
	client.on('connect', () => {
		disconnectedAt = undefined;
	});
	const endListeners: Array<(reason: string, code?: number) => void> = [];
	// The native client emits 'close' with the session state: -112 expired, -113 auth failed, 0 for close().
	client.on('close', (_client: unknown, code: unknown) => {
		if (closedByUs) return;
		const reason = code === -112 ? 'the ZooKeeper session expired'
			: code === authFailedState ? `the ZooKeeper session ended: ${authFailedState} AUTH_FAILED` : `the ZooKeeper session ended (state ${String(code)})`;
		end(reason, typeof code === 'number' ? code : undefined);
	});

	let ended = false;
	const end = (reason: string, code: number | undefined) => {
		if (closedByUs || ended) return;
		ended = true;
		for (const listener of endListeners.splice(0)) listener(reason, code);
	};

	/**
	A read's failure. A server that closes the session for its auth (enforce.auth.enabled) answers
	the first read with ZSESSIONCLOSEDREQUIRESASLAUTH and the rest with connection loss: the
	session is ended right there, with that code, so every caller learns it was refused.
	*/
	const failure = (error: unknown, path: string): ZkError => {
		const failed = zkError(error, path);
		if (failed.code === zookeeperErrorCodes.sessionClosedRequiresAuth || failed.code === zookeeperErrorCodes.authFailed) end(failed.message, failed.code);
		return failed;
	};

	const nativeWatcher = (watcher: ZkWatcher) => (type: number, _state: number, path: string) => {
		const kind = eventTypes[type];
		if (kind) watcher({type: kind, path});
	};

	/** After a read found no znode: watch for its creation, and report whether it appeared meanwhile. */
	const watchCreation = async (path: string, watcher: ZkWatcher): Promise<boolean> => {
		try {
			return Boolean(await client.w_exists(path, nativeWatcher(watcher)));
		} catch (error) {
			if (errorCode(error) === zookeeperErrorCodes.noNode) return false;
			throw failure(error, path);
		}
	};

	const getChildrenIfExists = async (path: string, watcher?: ZkWatcher): Promise<string[] | undefined> => {
		try {
			return await (watcher ? client.w_get_children(path, nativeWatcher(watcher)) : client.get_children(path, false)) as string[];
		} catch (error) {
			if (errorCode(error) !== zookeeperErrorCodes.noNode) throw failure(error, path);
			// Created between the two calls: read it again, which arms the child watch.
			if (watcher && await watchCreation(path, watcher)) return getChildrenIfExists(path, watcher);
			return undefined;
		}
	};

	const getData = async (path: string, watcher?: ZkWatcher): Promise<ZnodeData | undefined> => {
		try {
			const [stat, data] = await (watcher ? client.w_get(path, nativeWatcher(watcher)) : client.get(path, false)) as [NativeStat, NativeData];
			return {data: data === null ? '' : data.toString(), ctime: Number(stat.ctime), mtime: Number(stat.mtime)};
		} catch (error) {
			if (errorCode(error) !== zookeeperErrorCodes.noNode) throw failure(error, path);
			if (watcher && await watchCreation(path, watcher)) return getData(path, watcher);
			return undefined;
		}
	};

	return {
		async getChildren(path, watcher) {
			const children = await getChildrenIfExists(path, watcher);
			if (children === undefined) throw new ZkError(`ZooKeeper read of ${path} failed: ${zookeeperErrorCodes.noNode} no node`, zookeeperErrorCodes.noNode);
			return children;
		},
		getChildrenIfExists,
		getData,
		async getConfig(watcher) {
			try {
				// The callback passes (stat, data), so the promise resolves to a pair despite its typings.
				const reply = await (watcher ? client.w_getconfig(nativeWatcher(watcher)) : client.getconfig(false)) as unknown;
				const data = Array.isArray(reply) ? reply[1] as NativeData : reply as NativeData;
				return data === null ? '' : data.toString();
			} catch (error) {
				throw failure(error, '/zookeeper/config');
			}
		},
		onEnd(listener) {
			endListeners.push(listener);
		},
		connected: () => !closedByUs && client.state === ZooKeeper.ZOO_CONNECTED_STATE,
		disconnectedSince: () => disconnectedAt,
		credentials() {
			return {id: String(client.client_id), password: String(client.client_password)};
		},
		async createIfAbsent(path, data) {
			try {
				await client.create(path, data, ZooKeeper.constants.ZOO_PERSISTENT);
				return true;
			} catch (error) {
				if (errorCode(error) === zookeeperErrorCodes.nodeExists) return false;
				const failed = failure(error, path);
				throw new ZkError(failed.message.replace('read of', 'write of'), failed.code);
			}
		},
		close() {
			closedByUs = true;
			client.close();
		},
	};
}

/**
One cheap read (exists /) before the session is handed out. A server with enforce.auth.enabled
accepts the connection and refuses the first request that is not authenticated: alone, that
request gets ZSESSIONCLOSEDREQUIRESASLAUTH; a burst of reads would all see connection loss instead,
and the refusal would look like a network failure.
*/
async function admitted(client: ZooKeeper): Promise<void> {
	try {
		await client.exists('/', false);
	} catch (error) {
		throw zkError(error, '/');
	}
}

/** Sends each auth in turn; rejects with the first code the server gives (never the auth itself). */
async function addAuth(client: ZooKeeper, auth: readonly ZookeeperAuth[]): Promise<void> {
	for (const {scheme, auth: secret} of auth) {
		const rc = await new Promise<number>(resolve => {
			const sent = client.add_auth(scheme, secret, (code: number) => {
				resolve(code);
			}) as unknown;
			if (typeof sent === 'number' && sent !== 0) resolve(sent);
		});
		if (rc !== 0) throw new ZkError(`ZooKeeper refused the ${scheme} auth: ${rc} ${rc === refusalCodes.authFailed ? 'AUTH_FAILED' : 'error'}`, rc);
	}
}

/**
The promise API rejects with `new Error("<rc> <message>")`, or, when the call is refused at once
(a closed handle), with `…result: "ZINVALIDSTATE -9"`; either way the rc is ZooKeeper's error code.
*/
function errorCode(error: unknown): number | undefined {
	const message = error instanceof Error ? error.message : '';
	const match = /^(-?\d+) /.exec(message) ?? /result: "\w+ (-?\d+)"/.exec(message);
	return match ? Number(match[1]) : undefined;
}

function zkError(error: unknown, path: string): ZkError {
	const message = error instanceof Error ? error.message : String(error);
	return new ZkError(`ZooKeeper read of ${path} failed: ${message}`, errorCode(error));
}
