import {WriteError} from '../../write-types.js';
import {BackingOff, BrokerFailure, isTimeout, type BrokerConnections, type Endpoint, type Round} from '../broker-connections.js';
import {HeldForZookeeper} from '../zookeeper-bound.js';
import type {Wire} from '../kafkajs-wire.js';
import type {RawMetadata} from '../wire-types.js';
import {connectionFailure, noBroker} from './connection-failure.js';

/**
One writer call (a write or a fresh read): its round of broker calls, bounded as a whole, and the
metadata it routes by. Every failure to get a reply surfaces as a WriteError, in words that say
whether the change may have been made (`changes`).
*/
export class WriteSession {
	readonly #round: Round;
	#metadata: RawMetadata | undefined;

	constructor(readonly connections: BrokerConnections, readonly changes: boolean, readonly serverTimeoutMs: number) {
		this.#round = connections.round();
	}

	/** The cluster's metadata: read once per call, or again when `fresh` (after a NOT_CONTROLLER, a moved leader). */
	async metadata(fresh = false): Promise<RawMetadata> {
		if (this.#metadata && !fresh) return this.#metadata;
		try {
			this.#metadata = await this.connections.readMetadata(this.#round);
		} catch (error) {
			throw new WriteError(noBroker((error as Error).message, this.changes));
		}

		return this.#metadata;
	}

	/** Calls one broker, by id (from the metadata) or endpoint. */
	async call<T>(target: number | Endpoint, request: (wire: Wire) => Promise<T>): Promise<T> {
		try {
			return await this.#round.call(target, request);
		} catch (error) {
			throw new WriteError(connectionFailure(error, this.changes));
		}
	}

	/**
	For requests any broker answers (FindCoordinator, DescribeConfigs): the first broker that does,
	controller first. Only a broker that could not be reached is passed over: a request that got no
	reply in time is not sent to another broker, since whatever held up the first (ZooKeeper, often)
	would hold a request thread on the next one too.
	*/
	async callAny<T>(request: (wire: Wire) => Promise<T>): Promise<T> {
		const metadata = await this.metadata();
		const ids = metadata.brokers.map(broker => broker.nodeId).sort((a, b) => (a === metadata.controllerId ? -1 : b === metadata.controllerId ? 1 : a - b));
		let last: unknown = new WriteError(noBroker('the metadata lists no broker', this.changes));
		for (const id of ids) {
			try {
				return await this.#round.call(id, request);
			} catch (error) {
				last = new WriteError(connectionFailure(error, this.changes));
				if (error instanceof HeldForZookeeper || (error instanceof BrokerFailure && (isTimeout(error.cause) || error.cause instanceof BackingOff))) break;
			}
		}

		throw last;
	}

	/** Why a write through ZooKeeper would hold a broker's request thread now, or undefined. */
	zookeeperTrouble(): string | undefined {
		return this.connections.settings.zookeeperTrouble?.();
	}
}
