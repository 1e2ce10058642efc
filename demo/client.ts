import {Kafka, logLevel} from 'kafkajs';
import {bootstrapServers} from '../cluster/layout.js';

/**
One kafkajs client per role, so each consumer shows up in ktop under its own client id.
kafkajs logs to the console by default; silence it: ktop owns the terminal.
*/
export function kafkaClient(clientId: string): Kafka {
	return new Kafka({
		clientId,
		brokers: bootstrapServers,
		logLevel: logLevel.NOTHING,
		connectionTimeout: 3000,
		requestTimeout: 10_000,
	});
}
