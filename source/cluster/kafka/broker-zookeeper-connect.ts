import kafkajs, {Kafka, logLevel} from 'kafkajs';
import type {KafkaSecurity} from './client-security.js';
import {kafkajsClientOptions} from './kafkajs-security.js';
import {clientFailureText} from './security-failure.js';

// kafkajs is CommonJS and Node cannot see this export by name.
const {ConfigResourceTypes} = kafkajs;

/**
Asks a broker for its `zookeeper.connect`, so ktop given only --bootstrap can still show the
ZooKeeper side. Undefined when the broker does not say (KRaft mode, or an ACL hides it).
*/
export async function readBrokerZookeeperConnect(bootstrap: string[], brokerId: number, options: {timeoutMs?: number; security?: KafkaSecurity | undefined} = {}): Promise<string | undefined> {
	const timeoutMs = options.timeoutMs ?? 5000;
	const admin = new Kafka({
		...kafkajsClientOptions(options.security),
		clientId: 'ktop',
		brokers: bootstrap,
		logLevel: logLevel.NOTHING,
		connectionTimeout: Math.min(timeoutMs, 3000),
		requestTimeout: timeoutMs,
		retry: {retries: 0},
	}).admin();
	try {
		await admin.connect();
		const reply = await admin.describeConfigs({
			includeSynonyms: false,
			resources: [{type: ConfigResourceTypes.BROKER, name: String(brokerId), configNames: ['zookeeper.connect']}],
		});
		const value = reply.resources[0]?.configEntries.find(entry => entry.configName === 'zookeeper.connect')?.configValue;
		return value ? value : undefined;
	} catch (error) {
		throw new Error(clientFailureText(error, bootstrap, options.security));
	} finally {
		await admin.disconnect().catch(() => undefined);
	}
}
