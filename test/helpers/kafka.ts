import {randomBytes} from 'node:crypto';
import {Kafka, logLevel} from 'kafkajs';
import {bootstrapServers} from '../../cluster/layout.js';

export function testKafka(clientId = 'ktop-test'): Kafka {
	return new Kafka({
		clientId,
		brokers: bootstrapServers,
		logLevel: logLevel.NOTHING,
		connectionTimeout: 3000,
		requestTimeout: 10_000,
		retry: {retries: 8, initialRetryTime: 200, maxRetryTime: 2000},
	});
}

/** Each test gets its own topic, so tests never see each other's records. */
export function uniqueTopic(prefix: string): string {
	return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}
