import path from 'node:path';
import {type ClusterNode, type KafkaNode, paths, secureLayout} from './layout.js';
import type {SecurePasswords} from './secure-secrets.js';

/**
What makes the secure cluster secure, on the server side: listeners and their mechanisms, the
brokers' stores, and ZooKeeper's authentication (SASL for brokers, digest for clients, nothing
unauthenticated). The plain cluster's settings (config-files.ts) stay underneath.
*/

export const scramMechanism = 'SCRAM-SHA-512';

/** The ZooKeeper user the brokers authenticate as (SASL DIGEST-MD5); its znodes carry `sasl:kafka` ACLs. */
export const zookeeperSaslUser = 'kafka';

export function secureZooLines(): string[] {
	return [
		'authProvider.sasl=org.apache.zookeeper.server.auth.SASLAuthenticationProvider',
		// Refuses every request of a session that has not authenticated with one of these schemes
		// (ZooKeeper 3.7+): the brokers use SASL, ktop and the tools send digest auth.
		'enforce.auth.enabled=true',
		'enforce.auth.schemes=sasl,digest',
	];
}

export function secureBrokerLines(node: KafkaNode, passwords: SecurePasswords): string[] {
	const {scram, mtls, plain} = node.listeners!;
	const listeners = `SCRAM://127.0.0.1:${scram},MTLS://127.0.0.1:${mtls},PLAIN://127.0.0.1:${plain}`;
	const plainUsers = Object.entries(passwords.plain).map(([user, password]) => `user_${user}="${password}"`).join(' ');
	return [
		`listeners=${listeners}`,
		`advertised.listeners=${listeners}`,
		'listener.security.protocol.map=SCRAM:SASL_SSL,MTLS:SSL,PLAIN:SASL_PLAINTEXT',
		'inter.broker.listener.name=MTLS',
		`ssl.keystore.location=${secureLayout.tls.brokerKeystore(node)}`,
		'ssl.keystore.type=PKCS12',
		`ssl.keystore.password=${passwords.keystore}`,
		`ssl.key.password=${passwords.keystore}`,
		`ssl.truststore.location=${secureLayout.tls.truststore}`,
		'ssl.truststore.type=PKCS12',
		`ssl.truststore.password=${passwords.truststore}`,
		'listener.name.mtls.ssl.client.auth=required',
		`listener.name.scram.sasl.enabled.mechanisms=${scramMechanism}`,
		`listener.name.scram.${scramMechanism.toLowerCase()}.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;`,
		'listener.name.plain.sasl.enabled.mechanisms=PLAIN',
		`listener.name.plain.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required ${plainUsers};`,
		// Brokers authenticate to ZooKeeper (JAAS `Client` section) and create their znodes with ACLs.
		'zookeeper.set.acl=true',
	];
}

/** The JAAS file a node's JVM reads: ZooKeeper's `Server` section, or the brokers' `Client` one. */
export function jaasPath(node: ClusterNode): string {
	return node.kind === 'zookeeper' ? path.join(paths.conf(node), 'jaas.conf') : secureLayout.files.zookeeperClientJaas;
}

export function zookeeperServerJaas(passwords: SecurePasswords): string {
	return `Server {\n\torg.apache.zookeeper.server.auth.DigestLoginModule required\n\tuser_${zookeeperSaslUser}="${passwords.zookeeperSasl}";\n};\n`;
}

export function zookeeperClientJaas(passwords: SecurePasswords): string {
	return `Client {\n\torg.apache.zookeeper.server.auth.DigestLoginModule required\n\tusername="${zookeeperSaslUser}"\n\tpassword="${passwords.zookeeperSasl}";\n};\n`;
}
