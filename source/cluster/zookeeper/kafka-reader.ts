import type {SourceError, ZkKafkaView, ZookeeperAuth} from '../types.js';
import {readKafkaView} from './read-kafka-znodes.js';
import {isSessionLost, openZkSession, ZkError, type ZkSession} from './session.js';
import {NoReply, withTimeout} from '../with-timeout.js';
import {isRefusalCode, refusalOf} from './zookeeper-refusal.js';
import {ZnodeCache} from './znode-cache.js';

export type KafkaReaderOptions = {
	/** Session timeout asked of ZooKeeper; default 10,000 ms. */
	sessionTimeoutMs?: number;
	/** How long opening a session may take; default 5000 ms. */
	connectTimeoutMs?: number;
	/**
	How long one read of Kafka's znodes may take, a new session included; default 5000 ms.
	A read cut short leaves its requests running, and the next read picks up their replies.
	*/
	readTimeoutMs?: number;
	/** ZooKeeper reads in flight at once; default 64. */
	concurrency?: number;
	/** Sent on every session (addAuthInfo) before it reads; see openZkSession. */
	auth?: readonly ZookeeperAuth[];
	/** How sessions are opened; tests pass fakes. */
	openSession?: (connect: string, connectTimeoutMs: number, sessionTimeoutMs: number, auth: readonly ZookeeperAuth[]) => Promise<ZkSession>;
	/** The clock for the refusal backoff. */
	now?: () => number;
};

export type KafkaRead = {
	kafka: ZkKafkaView | undefined;
	/** /zookeeper/config as this read saw it. */
	ensembleConfig: string | undefined;
	errors: SourceError[];
	/** This read started from an empty cache: the first read, or the first of a new session. */
	fullRead: boolean;
	/** Znodes this read fetched from ZooKeeper; everything else came from the watched cache. */
	znodesRead: number;
	/**
	ZooKeeper refuses ktop (auth required, auth rejected, no read permission): why and what to do,
	as refusalMessage words it. `kafka` is then undefined and `errors` empty: ZooKeeper is not
	failing, ktop is shut out of it, and runs on what the brokers tell.
	*/
	refused?: string;
};

/**
A refusing ZooKeeper is asked again after this long, doubling up to refusalBackoffMaxMs: each try
is a session the server must open and close, and nothing changes until its ACLs or ktop's
credentials do. The reads in between answer at once with the same refusal.
*/
export const refusalBackoffMs = 10_000;
export const refusalBackoffMaxMs = 300_000;

export type KafkaReader = {
	read(): Promise<KafkaRead>;
	/** Whether the session is connected right now; undefined before one is open. */
	connected(): boolean | undefined;
	close(): void;
};

type Current = {session: ZkSession; cache: ZnodeCache; lost: string | undefined; lostCode?: number | undefined; whenLost: Promise<never>};

/**
Reads in a row that may time out, with not one reply among them, before the session is
suspected and replaced. A read that times out while replies still come in (a first read of a
very large cluster) is slow, not stuck: its work goes on and the next read joins it.
*/
const timeoutsBeforeNewSession = 3;

/** How long a read waits for a disconnected session to come back (a server restart takes about this). */
const reconnectGraceMs = 2000;

/** Undefined once the session is connected (waiting up to `graceMs`), else since when it has been away. */
async function reconnected(session: ZkSession, graceMs: number): Promise<number | undefined> {
	const until = Date.now() + graceMs;
	while (session.disconnectedSince?.() !== undefined && Date.now() < until) {
		await new Promise(resolve => setTimeout(resolve, 100));
	}

	return session.disconnectedSince?.();
}

/**
Reads Kafka's znodes through one long-lived session whose watches keep a cache current,
so after the first read a refresh fetches only the znodes that changed.

When the session ends (expired: the server dropped it and its watches), the next read opens
a new session, starts from an empty cache and reads everything. read() never throws and
never waits longer than readTimeoutMs: a failure comes back as `kafka: undefined` and an error.
*/
export function createKafkaReader(connect: string, options: KafkaReaderOptions = {}): KafkaReader {
	const sessionTimeoutMs = options.sessionTimeoutMs ?? 10_000;
	const connectTimeoutMs = options.connectTimeoutMs ?? 5000;
	const readTimeoutMs = options.readTimeoutMs ?? 5000;
	const openSession = options.openSession ?? openZkSession;
	const auth = options.auth ?? [];
	const now = options.now ?? Date.now;
	let current: Current | undefined;
	let refusal: {message: string; until: number; tries: number} | undefined;
	let closed = false;
	let running: Promise<KafkaRead> | undefined;
	let timeouts = 0;

	const failed = (message: string, fullRead: boolean): KafkaRead => ({
		kafka: undefined, ensembleConfig: undefined, errors: [{source: 'zookeeper', message}], fullRead, znodesRead: 0,
	});

	const drop = () => {
		current?.session.close();
		current = undefined;
	};

	/** Backs off from a refusing ZooKeeper: the read that found it, and every read until it is asked again. */
	const refused = (error: unknown): KafkaRead | undefined => {
		const message = refusalOf(error, connect, auth);
		if (message === undefined) return undefined;
		drop();
		const tries = (refusal?.tries ?? 0) + 1;
		refusal = {message, tries, until: now() + Math.min(refusalBackoffMs * (2 ** (tries - 1)), refusalBackoffMaxMs)};
		return stillRefused(refusal);
	};

	const stillRefused = (state: {message: string; until: number}): KafkaRead => ({
		kafka: undefined, ensembleConfig: undefined, errors: [], fullRead: false, znodesRead: 0,
		refused: `${state.message} (asked again in ${Math.max(1, Math.round((state.until - now()) / 1000))} s)`,
	});

	const open = async (timeoutMs: number): Promise<Current> => {
		const opening = openSession(connect, Math.max(1, Math.min(connectTimeoutMs, timeoutMs)), sessionTimeoutMs, auth);
		let session: ZkSession;
		try {
			session = await withTimeout(opening, timeoutMs, `could not open a ZooKeeper session with ${connect} within ${timeoutMs} ms`);
		} catch (error) {
			// A session that arrives after we gave up on it is closed, not leaked.
			opening.then(late => late.close(), () => undefined);
			throw error;
		}

		let markLost: (reason: string) => void = () => undefined;
		const whenLost = new Promise<never>((_resolve, reject) => {
			markLost = reason => reject(new Error(reason));
		});
		whenLost.catch(() => undefined);
		const next: Current = {session, cache: new ZnodeCache(session, {concurrency: options.concurrency}), lost: undefined, whenLost};
		session.onEnd((reason, code) => {
			next.lost = reason;
			next.lostCode = code;
			markLost(reason);
		});
		return next;
	};

	const readOnce = async (): Promise<KafkaRead> => {
		const deadline = Date.now() + readTimeoutMs;
		let lostBefore: string | undefined;
		if (refusal && now() < refusal.until) return stillRefused(refusal);
		for (let attempt = 1; ; attempt++) {
			if (closed) return failed('the ZooKeeper reader is closed', false);
			let fullRead = false;
			// The server ended the session for its auth (AUTH_FAILED): a new one would be refused the same way.
			if (current?.lost && current.lostCode !== undefined && isRefusalCode(current.lostCode)) {
				return refused(new ZkError(current.lost, current.lostCode))!;
			}

			if (current?.lost) {
				lostBefore = current.lost;
				drop();
			}

			if (!current) {
				try {
					current = await open(deadline - Date.now());
				} catch (error) {
					return refused(error) ?? failed(describe(error, lostBefore), true);
				}

				if (closed) {
					drop();
					return failed('the ZooKeeper reader is closed', true);
				}

				fullRead = true;
			}

			const state = current;
			// A disconnected session's cache cannot be vouched for: no watch fires while it is away.
			// It gets a moment to come back; past the session timeout the server has forgotten it (or
			// refuses it), so a new session is opened, which any server of the ensemble accepts.
			const away = await reconnected(state.session, Math.min(reconnectGraceMs, Math.max(0, deadline - Date.now())));
			if (away !== undefined) {
				if (Date.now() - away >= sessionTimeoutMs && attempt === 1) {
					state.lost ??= `not connected to ZooKeeper for ${Math.round((Date.now() - away) / 1000)} s (the servers refused or lost the session)`;
					continue;
				}

				return failed(`not connected to ZooKeeper since ${new Date(away).toISOString()}: the client is reconnecting, so Kafka's znodes could not be read`, false);
			}

			const {reads: readsBefore, replies: repliesBefore} = state.cache.stats();
			try {
				const result = await withTimeout(
					Promise.race([readKafkaView(state.cache), state.whenLost]),
					deadline - Date.now(),
					`no reply from ZooKeeper within ${readTimeoutMs} ms`,
				);
				timeouts = 0;
				refusal = undefined;
				return {
					kafka: result.view,
					ensembleConfig: result.ensembleConfig,
					errors: result.errors,
					fullRead,
					znodesRead: state.cache.stats().reads - readsBefore,
				};
			} catch (error) {
				const refusedRead = refused(error);
				if (refusedRead) return refusedRead;
				if (error instanceof NoReply) {
					timeouts = state.cache.stats().replies > repliesBefore ? 0 : timeouts + 1;
					if (timeouts >= timeoutsBeforeNewSession) {
						state.lost ??= `no reply from ZooKeeper to ${timeouts} reads in a row`;
						timeouts = 0;
					}
				}

				if (isSessionLost(error)) state.lost ??= (error as Error).message;
				// A session lost under this read gets one more try, on a new session, within the same deadline.
				if (state.lost && !(error instanceof NoReply) && attempt === 1 && deadline > Date.now()) continue;
				return failed(describe(error, undefined), fullRead);
			}
		}
	};

	return {
		async read() {
			// Overlapping calls share one read rather than doubling the load on ZooKeeper.
			running ??= readOnce().finally(() => {
				running = undefined;
			});
			return running;
		},
		connected: () => (current && !current.lost ? current.session.connected() : undefined),
		close() {
			closed = true;
			drop();
		},
	};
}

function describe(error: unknown, lostBefore: string | undefined): string {
	const message = error instanceof Error ? error.message : String(error);
	return lostBefore ? `${lostBefore}; then ${message}` : message;
}
