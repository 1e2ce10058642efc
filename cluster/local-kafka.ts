import {Kafka, type KafkaConfig, logLevel} from 'kafkajs';
import {bootstrapServers} from './layout.js';

/**
A kafkajs client for the local cluster, as the demo's traffic, the tests and the benchmark use
it. Silent: kafkajs logs to the console by default, and the terminal belongs to ktop (or vitest).
*/
export function localKafka(clientId: string, overrides: Omit<KafkaConfig, 'clientId' | 'brokers'> = {}): Kafka {
	return new Kafka({
		clientId,
		brokers: bootstrapServers,
		logLevel: logLevel.NOTHING,
		connectionTimeout: 3000,
		requestTimeout: 10_000,
		...overrides,
	});
}
