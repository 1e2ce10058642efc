import type {Kafka} from 'kafkajs';
import {localKafka} from '../cluster/local-kafka.js';

/** One kafkajs client per role, so each consumer shows up in ktop under its own client id. */
export function kafkaClient(clientId: string): Kafka {
	return localKafka(clientId);
}
