import type {LoadCounters} from '../load-counters.js';
import {NoReply, withTimeout} from '../with-timeout.js';
import type {BrokerBackoffState} from '../types.js';
import {BrokerBackoff, backingOffText} from './broker-backoff.js';
import type {KafkaSecurity} from './client-security.js';
import {failureText} from './failure-text.js';
import {openWire, type Wire} from './kafkajs-wire.js';
import {SecurityFailure} from './security-failure.js';
import type {RawMetadata} from './wire-types.js';
import type {ZookeeperTrouble} from './zookeeper-bound.js';

export type Endpoint = {host: string; port: number};

export type ConnectionSettings = {
	clientId: string;
	/** Bound on one call to one broker, connecting included. */
	requestTimeoutMs: number;
	connectionTimeoutMs: number;
	/** Bound on a whole refresh: calls it has no time left for fail at once. */
	roundTimeoutMs: number;
	/** Opens each broker's socket (default: kafkajs' own); the writer's tests tap it (writer/wire-tap.ts). */
	socketFactory?: unknown;
	/** Counts each request sent (the benchmark's load figures). */
	counters?: LoadCounters;
	/** TLS and SASL for every connection (absent: PLAINTEXT). */
	security?: KafkaSecurity;
	/** Requests that would make a broker wait on ZooKeeper are not sent while this gives a reason. */
	zookeeperTrouble?: ZookeeperTrouble;
	/** How long a broker that timed out is left alone: the first backoff, doubled per timeout up to the last (default 4000, 30000). */
	backoffMs?: {first: number; max: number};
	now?: () => number;
};

/** A broker that did not answer; the message names it: "broker 3 (127.0.0.1:9094): no reply within 3000 ms". */
export class BrokerFailure extends Error {
	/** `cause`: the error behind it, so a caller can tell a timeout from a refused connection. */
	constructor(readonly address: string, readonly reason: string, label: string, cause?: unknown) {
		super(`${label}: ${reason}`, {cause});
		this.name = 'BrokerFailure';
	}
}

/**
ktop's persistent connections to the brokers, one per address, reused across refreshes.
A connection that fails or times out is dropped and the next call opens a fresh one: that is
the whole reconnect strategy, and it never queues a request behind a hung one.
*/
export class BrokerConnections {
	readonly #wires = new Map<string, Wire>();
	readonly #bootstrap: Endpoint[];
	#nodes = new Map<number, Endpoint>();
	/** The broker that last answered metadata: asked first next time, so a hung one is not retried first. */
	#preferred: string | undefined;
	#closed = false;
	readonly backoff: BrokerBackoff;

	constructor(bootstrap: string[], readonly settings: ConnectionSettings) {
		this.#bootstrap = bootstrap.map(parseEndpoint);
		if (this.#bootstrap.length === 0) throw new Error('no bootstrap brokers given');
		this.backoff = new BrokerBackoff(settings.backoffMs ?? {first: 4000, max: 30_000}, settings.now ?? Date.now);
	}

	/** Brokers ktop leaves alone for now because they timed out, by address, with their ids where known. */
	backoffs(): BrokerBackoffState[] {
		return this.backoff.active().map(entry => ({brokerId: this.idOf(entry.address), address: entry.address, timeouts: entry.timeouts, until: entry.until}));
	}

	idOf(address: string): number | undefined {
		for (const [id, endpoint] of this.#nodes) if (addressOf(endpoint) === address) return id;
		return undefined;
	}

	/** The brokers of the last metadata read, by id. */
	get nodes(): ReadonlyMap<number, Endpoint> {
		return this.#nodes;
	}

	/** Starts a refresh: see Round. */
	round(): Round {
		return new Round(this);
	}

	/**
	Metadata for every topic, from the first broker that answers: the one that answered last
	time, then the other known brokers, then the bootstrap list. Rejects when none answers.
	The one request that moves on to another broker after a timeout: a broker serves metadata from
	its memory (never from ZooKeeper), and without it nothing else can be read. The broker that
	timed out backs off, so the next refreshes do not ask it first.
	*/
	async readMetadata(round: Round): Promise<RawMetadata> {
		const candidates = uniqueAddresses([
			...(this.#preferred ? [this.#preferred] : []),
			...[...this.#nodes.values()].map(addressOf),
			...this.#bootstrap.map(addressOf),
		]);
		const failures: string[] = [];
		for (const address of candidates) {
			try {
				const metadata = await round.call(parseEndpoint(address), async wire => wire.metadata());
				this.#preferred = address;
				this.#learnNodes(metadata);
				return metadata;
			} catch (error) {
				failures.push((error as Error).message);
			}
		}

		throw new Error(`no broker answered a metadata request (${failures.join('; ')})`);
	}

	wire(endpoint: Endpoint): Wire {
		if (this.#closed) throw new Error('the Kafka source is closed');
		const address = addressOf(endpoint);
		let wire = this.#wires.get(address);
		if (!wire) {
			wire = openWire(endpoint.host, endpoint.port, this.settings.clientId, {
				connectionTimeoutMs: Math.min(this.settings.connectionTimeoutMs, this.settings.requestTimeoutMs),
				// ktop's own bound (requestTimeoutMs) fires first; kafkajs' is the backstop.
				requestTimeoutMs: this.settings.requestTimeoutMs + 1000,
			}, this.settings.socketFactory, {counters: this.settings.counters, zookeeperTrouble: this.settings.zookeeperTrouble, security: this.settings.security});
			this.#wires.set(address, wire);
		}

		return wire;
	}

	/**
	Forgets a connection after a failure and closes its socket at once, so the next call reconnects.
	Not kafkajs' polite disconnect: that waits for the broker's side of the close, which a hung broker
	never sends, and the socket would stay open (FIN-WAIT-2) as long as ktop runs.
	*/
	drop(address: string, reason = 'dropped'): void {
		const wire = this.#wires.get(address);
		this.#wires.delete(address);
		wire?.destroy(reason);
	}

	/** Whether `wire` is still the open connection to its broker (not dropped after a failure). */
	isCurrent(wire: Wire): boolean {
		return [...this.#wires.values()].includes(wire);
	}

	labelOf(address: string): string {
		for (const [id, endpoint] of this.#nodes) if (addressOf(endpoint) === address) return `broker ${id} (${address})`;
		return address;
	}

	async close(): Promise<void> {
		this.#closed = true;
		const wires = [...this.#wires.values()];
		this.#wires.clear();
		await Promise.all(wires.map(async wire => wire.disconnect().catch(() => undefined)));
	}

	#learnNodes(metadata: RawMetadata): void {
		this.#nodes = new Map(metadata.brokers.map(broker => [broker.nodeId, {host: broker.host, port: broker.port}]));
		// Connections to addresses that are no longer brokers (a bootstrap alias, a replaced broker) go.
		const current = new Set([...this.#nodes.values()].map(addressOf));
		for (const address of this.#wires.keys()) if (!current.has(address)) this.drop(address, 'no longer a broker');
	}
}

/**
One refresh. A broker that fails a call is not asked again in the same refresh: its other calls
fail at once with the same reason, so a hung broker costs one timeout per refresh, not one per
request queued for it. A broker that timed out is then left alone for a while (BrokerBackoff):
its calls fail at once, without a connection, until the backoff ends. And the refresh as a whole
has a deadline, so even a broker that answers every request just inside the timeout cannot
stretch it out.
*/
export class Round {
	readonly #failed = new Map<string, BrokerFailure>();
	readonly #deadline: number;

	constructor(readonly connections: BrokerConnections) {
		this.#deadline = performance.now() + connections.settings.roundTimeoutMs;
	}

	hasFailed(endpoint: Endpoint): boolean {
		return this.#failed.has(addressOf(endpoint));
	}

	/** Calls the broker with the given id (from the last metadata) or at the given endpoint. */
	async call<T>(target: number | Endpoint, request: (wire: Wire) => Promise<T>): Promise<T> {
		const endpoint = typeof target === 'number' ? this.connections.nodes.get(target) : target;
		if (!endpoint) throw new Error(`broker ${String(target)} is not in the cluster metadata`);
		const address = addressOf(endpoint);
		const earlier = this.#failed.get(address);
		if (earlier) throw earlier;
		const backingOff = this.connections.backoff.current(address);
		if (backingOff) {
			const failure = new BrokerFailure(address, backingOffText(backingOff), this.connections.labelOf(address), new BackingOff());
			this.#failed.set(address, failure);
			throw failure;
		}

		const left = Math.round(this.#deadline - performance.now());
		if (left <= 0) throw new Error(`${this.connections.labelOf(address)}: not asked, the refresh used up its ${this.connections.settings.roundTimeoutMs} ms`);
		const wire = this.connections.wire(endpoint);
		try {
			const reply = await withTimeout((async () => {
				await wire.connect();
				return request(wire);
			})(), Math.min(this.connections.settings.requestTimeoutMs, left));
			this.connections.backoff.answered(address);
			return reply;
		} catch (error) {
			// Refused before sending (held for ZooKeeper): the broker is fine and the connection too.
			if ((error as Error).name === 'HeldForZookeeper') throw error;
			// A call that failed because a sibling call dropped the connection reports the sibling's reason.
			const failure = this.#failed.get(address) ?? new BrokerFailure(address, failureText(error), this.connections.labelOf(address), error);
			if (!this.#failed.has(address) && isTimeout(error)) this.connections.backoff.timedOut(address);
			// A refused login or certificate would be refused again: asking every refresh is a storm of handshakes.
			else if (!this.#failed.has(address) && isSecurityFailure(error)) this.connections.backoff.failed(address, failure.reason);
			this.#failed.set(address, failure);
			this.connections.drop(address, failure.reason);
			throw failure;
		}
	}
}

/** The cause of a BrokerFailure for a broker not asked because it is backing off. */
export class BackingOff extends Error {
	override name = 'BackingOff';
}

/** Refused for its TLS or SASL settings (security-failure.ts): backed off like a timeout. */
export function isSecurityFailure(error: unknown): boolean {
	return error instanceof SecurityFailure;
}

/** No reply in time (ours or kafkajs'), as opposed to a refused or reset connection, which costs the broker nothing. */
export function isTimeout(error: unknown): boolean {
	const name = (error as Error | undefined)?.name;
	return error instanceof NoReply || name === 'KafkaJSRequestTimeoutError' || (name === 'KafkaJSConnectionError' && (error as Error).message === 'Connection timeout');
}

export function parseEndpoint(address: string): Endpoint {
	const match = /^\[?([^\]]+?)\]?:(\d+)$/.exec(address.trim());
	if (!match) throw new Error(`not a host:port broker address: "${address}"`);
	return {host: match[1]!, port: Number(match[2])};
}

export function addressOf(endpoint: Endpoint): string {
	return endpoint.host.includes(':') ? `[${endpoint.host}]:${endpoint.port}` : `${endpoint.host}:${endpoint.port}`;
}

function uniqueAddresses(addresses: string[]): string[] {
	return [...new Set(addresses)];
}
