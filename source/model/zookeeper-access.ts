import type {BrokerZookeeperSettings} from '../cluster/kafka/broker-zookeeper-connect.js';

/**
Why ktop runs on the brokers alone. `chosen`: the operator said so (--brokers-only), which is a
scope, not a failure; otherwise ktop looked for ZooKeeper and could not read it.
*/
export type BrokersOnly = {reason: string; chosen: boolean};

export const chosenReason = '--brokers-only: ZooKeeper is not read';

/**
What the brokers' own ZooKeeper settings show that ktop's client cannot do, or undefined. Only
what the configs say: a JAAS Client section is a JVM setting no Kafka request shows.
*/
export function tlsRequired(settings: BrokerZookeeperSettings | undefined): string | undefined {
	if (!settings?.tls) return undefined;
	const socket = settings.clientCnxnSocket ? `, zookeeper.clientCnxnSocket=${settings.clientCnxnSocket}` : '';
	return `the brokers reach ZooKeeper over TLS (zookeeper.ssl.client.enable=true${socket}); ZooKeeper over TLS is not supported by ktop's client`;
}

/** A hint beside a refusal: brokers that set ACLs authenticate to ZooKeeper themselves. */
export function aclHint(settings: BrokerZookeeperSettings | undefined): string | undefined {
	return settings?.setAcl ? 'the brokers write their znodes with ACLs (zookeeper.set.acl=true), so they authenticate to ZooKeeper themselves' : undefined;
}

/** ZooKeeper is neither given nor named by the brokers. */
export function notNamed(brokerId: number | undefined): string {
	return `no ZooKeeper given (-z, KTOP_ZOOKEEPER) and ${brokerId === undefined ? 'no broker' : `broker ${brokerId}`} does not name one (zookeeper.connect: KRaft, or hidden by the brokers' ACLs)`;
}
