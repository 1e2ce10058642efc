import {Kafka, logLevel} from 'kafkajs';
import type {MetadataBroker} from '../types.js';
import type {KafkaSecurity} from './client-security.js';
import {clientFailureText} from './security-failure.js';
import {kafkajsClientOptions} from './kafkajs-security.js';

export type BrokerView = {
	brokers: MetadataBroker[];
	controllerId: number | undefined;
	clusterId: string;
	topicCount: number;
};

/**
Reads what the brokers say about themselves. kafkajs logging is off: it would write to the
terminal the UI owns. One short-lived admin connection per call, so a dead bootstrap list
fails fast instead of retrying for minutes.
*/
export async function readBrokerView(bootstrap: string[], options: {timeoutMs?: number; security?: KafkaSecurity | undefined} = {}): Promise<BrokerView> {
	const timeoutMs = options.timeoutMs ?? 5000;
	const kafka = new Kafka({
		...kafkajsClientOptions(options.security),
		clientId: 'ktop',
		brokers: bootstrap,
		logLevel: logLevel.NOTHING,
		connectionTimeout: Math.min(timeoutMs, 3000),
		requestTimeout: timeoutMs,
		retry: {retries: 1, initialRetryTime: 200, maxRetryTime: 1000},
	});
	const admin = kafka.admin();
	try {
		await admin.connect();
		const cluster = await admin.describeCluster();
		const topics = await admin.listTopics();
		return {
			brokers: cluster.brokers.map(broker => ({id: broker.nodeId, host: broker.host, port: broker.port, rack: undefined})).sort((a, b) => a.id - b.id),
			controllerId: cluster.controller ?? undefined,
			clusterId: cluster.clusterId,
			topicCount: topics.length,
		};
	} catch (error) {
		throw new Error(`brokers ${bootstrap.join(',')} did not answer metadata: ${clientFailureText(error, bootstrap, options.security)}`);
	} finally {
		await admin.disconnect().catch(() => undefined);
	}
}
