import path from 'node:path';
import YAML from 'yaml';
import {bootstrapServers, secureLayout, zookeeperConnect} from './layout.js';
import {type SecurePasswords, writePrivateFile} from './secure-secrets.js';
import {scramMechanism} from './secure-server-config.js';

/**
The ready-made client files of the secure cluster: Kafka's own client properties for each
listener (what `kafka-topics.sh --command-config` takes) and a ktop contexts file naming them.
*/

export type ListenerName = 'scram' | 'mtls' | 'plain';

const {clientUser} = secureLayout;

export function clientProperties(listener: ListenerName, passwords: SecurePasswords): string {
	const {tls, bootstrap} = secureLayout;
	const truststore = [
		`ssl.truststore.location=${tls.truststore}`,
		`ssl.truststore.password=${passwords.truststore}`,
		'ssl.truststore.type=PKCS12',
	];
	const lines: Record<ListenerName, string[]> = {
		scram: [
			'security.protocol=SASL_SSL',
			`sasl.mechanism=${scramMechanism}`,
			`sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${clientUser}" password="${passwords.scram[clientUser]}";`,
			...truststore,
		],
		mtls: [
			'security.protocol=SSL',
			...truststore,
			`ssl.keystore.location=${tls.clientKeystore}`,
			`ssl.keystore.password=${passwords.keystore}`,
			'ssl.keystore.type=PKCS12',
			`ssl.key.password=${passwords.keystore}`,
		],
		plain: [
			'security.protocol=SASL_PLAINTEXT',
			'sasl.mechanism=PLAIN',
			`sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="${clientUser}" password="${passwords.plain[clientUser]}";`,
		],
	};
	return [
		'# written by `npm run cluster -- up --secure`; regenerated on every start',
		`bootstrap.servers=${bootstrap[listener].join(',')}`,
		...lines[listener],
		'',
	].join('\n');
}

export const propertiesFiles: Record<ListenerName, string> = {
	scram: secureLayout.files.scramProperties,
	mtls: secureLayout.files.mtlsProperties,
	plain: secureLayout.files.plainProperties,
};

/** Contexts for the three listeners, with file names relative to ktop.yaml's folder, and `local` for the plain cluster. */
export function ktopConfig(passwords: SecurePasswords): string {
	const secure = (listener: ListenerName) => ({
		zookeeper: secureLayout.zookeeperConnect,
		'zookeeper-auth': `digest:${clientUser}:${passwords.zookeeperDigest}`,
		bootstrap: secureLayout.bootstrap[listener].join(','),
		'command-config': path.relative(path.dirname(secureLayout.files.ktopConfig), propertiesFiles[listener]),
	});
	const config = {
		'current-context': 'local',
		contexts: {
			local: {zookeeper: zookeeperConnect, bootstrap: bootstrapServers.join(',')},
			'secure-scram': secure('scram'),
			'secure-mtls': secure('mtls'),
			'secure-plain': secure('plain'),
		},
	};
	return `# written by \`npm run cluster -- up --secure\`; regenerated on every start\n${YAML.stringify(config)}`;
}

export function writeClientFiles(passwords: SecurePasswords): void {
	for (const listener of Object.keys(propertiesFiles) as ListenerName[]) {
		writePrivateFile(propertiesFiles[listener], clientProperties(listener, passwords));
	}

	writePrivateFile(secureLayout.files.ktopConfig, ktopConfig(passwords));
}
