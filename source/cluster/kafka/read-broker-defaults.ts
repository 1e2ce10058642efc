import type {SourceError, TopicDefaults} from '../types.js';
import type {BrokerConnections, Round} from './broker-connections.js';
import {errorName, type Wire} from './kafkajs-wire.js';
import {topicDefaultsOf} from './translate-configs.js';

/**
Each broker's topic defaults, asked of the broker itself (DescribeConfigs on its own BROKER
resource, which it serves from memory, never from ZooKeeper) once per connection: a broker's
static configs change only with a restart, and a restart means a new connection. A dynamic
change (kafka-configs --entity-type brokers) shows after the next reconnect.
*/
export class BrokerDefaults {
	readonly #read = new Map<number, {wire: Wire; defaults: TopicDefaults}>();

	constructor(readonly connections: BrokerConnections) {}

	async read(round: Round, brokerIds: number[]): Promise<{defaults: Array<{brokerId: number; defaults: TopicDefaults}>; errors: SourceError[]}> {
		const errors: SourceError[] = [];
		for (const id of this.#read.keys()) if (!brokerIds.includes(id)) this.#read.delete(id);
		await Promise.all(brokerIds.map(async brokerId => {
			const known = this.#read.get(brokerId);
			if (known && this.connections.isCurrent(known.wire)) return;
			// A broker backing off or failing this round is left alone; its last defaults stay.
			try {
				await round.call(brokerId, async wire => {
					const reply = await wire.describeBrokerConfigs(brokerId);
					const resource = reply.resources[0];
					if (!resource) throw new Error('an empty DescribeConfigs reply');
					if (resource.errorCode !== 0) throw new Error(errorName(resource.errorCode));
					this.#read.set(brokerId, {wire, defaults: topicDefaultsOf(resource.configEntries)});
				});
			} catch (error) {
				if (known) return;
				errors.push({source: 'kafka:broker-defaults', message: `topic defaults of broker ${brokerId} not read: ${(error as Error).message}`});
			}
		}));
		return {
			defaults: [...this.#read].sort((a, b) => a[0] - b[0]).map(([brokerId, entry]) => ({brokerId, defaults: entry.defaults})),
			errors,
		};
	}
}
