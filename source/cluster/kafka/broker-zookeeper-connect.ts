import kafkajs, {Kafka, logLevel} from 'kafkajs';
import type {KafkaSecurity} from './client-security.js';
import {kafkajsClientOptions} from './kafkajs-security.js';
import {clientFailureText} from './security-failure.js';

// kafkajs is CommonJS and Node cannot see this export by name.
const {ConfigResourceTypes} = kafkajs;

/** How a broker reaches ZooKeeper, as its own configs say: what ktop can tell of what it would need. */
export type BrokerZookeeperSettings = {
	/** `zookeeper.connect`; undefined when the broker does not say (KRaft mode, or an ACL hides it). */
	connect: string | undefined;
	/** `zookeeper.ssl.client.enable=true` (Kafka 2.5+): the brokers speak TLS to ZooKeeper. */
	tls: boolean;
	/** `zookeeper.clientCnxnSocket`, set when TLS is (ClientCnxnSocketNetty). */
	clientCnxnSocket: string | undefined;
	/** `zookeeper.set.acl=true`: the brokers write their znodes with ACLs, so they authenticate to ZooKeeper (SASL or a TLS certificate). */
	setAcl: boolean;
};

const settingNames = ['zookeeper.connect', 'zookeeper.ssl.client.enable', 'zookeeper.clientCnxnSocket', 'zookeeper.set.acl'];

/**
A broker's ZooKeeper client settings, in one DescribeConfigs of its BROKER resource (served from
memory): its `zookeeper.connect`, so ktop given only --bootstrap can still show the ZooKeeper side,
and what that connection needs that ktop's client may not have.
*/
export async function readBrokerZookeeperSettings(bootstrap: string[], brokerId: number, options: {timeoutMs?: number; security?: KafkaSecurity | undefined} = {}): Promise<BrokerZookeeperSettings> {
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
			resources: [{type: ConfigResourceTypes.BROKER, name: String(brokerId), configNames: settingNames}],
		});
		const value = (name: string) => reply.resources[0]?.configEntries.find(entry => entry.configName === name)?.configValue || undefined;
		return {
			connect: value('zookeeper.connect'),
			tls: value('zookeeper.ssl.client.enable') === 'true',
			clientCnxnSocket: value('zookeeper.clientCnxnSocket'),
			setAcl: value('zookeeper.set.acl') === 'true',
		};
	} catch (error) {
		throw new Error(clientFailureText(error, bootstrap, options.security));
	} finally {
		await admin.disconnect().catch(() => undefined);
	}
}
