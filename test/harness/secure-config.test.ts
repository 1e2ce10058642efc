import path from 'node:path';
import {describe, expect, it} from 'vitest';
import YAML from 'yaml';
import {bootstrapServers, secureLayout, zookeeperConnect} from '../../cluster/layout.js';
import {ephemeralBrokerIds} from '../../cluster/readiness.js';
import {clientProperties, ktopConfig} from '../../cluster/secure-client-files.js';
import {makePasswords} from '../../cluster/secure-secrets.js';
import {secureBrokerLines, secureZooLines, zookeeperClientJaas, zookeeperServerJaas} from '../../cluster/secure-server-config.js';
import {fixture} from '../helpers/fixture.js';

const passwords = makePasswords();
const [kafka1, kafka2] = secureLayout.kafkaNodes;

/** Java properties as Kafka reads these simple files: one key=value a line, # comments. */
function properties(text: string): Map<string, string> {
	const lines = text.split('\n').filter(line => line.trim() !== '' && !line.startsWith('#'));
	return new Map(lines.map(line => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

describe('makePasswords', () => {
	it('makes a distinct hex secret for every store, ZooKeeper and user', () => {
		const secrets = [passwords.keystore, passwords.truststore, passwords.zookeeperSasl, passwords.zookeeperDigest, ...Object.values(passwords.scram), ...Object.values(passwords.plain)];
		expect(secrets).toHaveLength(4 + secureLayout.users.scram.length + secureLayout.users.plain.length);
		expect(new Set(secrets).size).toBe(secrets.length);
		for (const secret of secrets) expect(secret).toMatch(/^[\da-f]{24}$/);
		expect(Object.keys(passwords.scram)).toEqual(['ktop', 'ktop-reader']);
	});
});

describe('clientProperties', () => {
	it('writes SCRAM-SHA-512 over SASL_SSL with the PKCS12 truststore and the SCRAM listeners', () => {
		expect(Object.fromEntries(properties(clientProperties('scram', passwords)))).toEqual({
			'bootstrap.servers': secureLayout.bootstrap.scram.join(','),
			'security.protocol': 'SASL_SSL',
			'sasl.mechanism': 'SCRAM-SHA-512',
			'sasl.jaas.config': `org.apache.kafka.common.security.scram.ScramLoginModule required username="ktop" password="${passwords.scram['ktop']}";`,
			'ssl.truststore.location': secureLayout.tls.truststore,
			'ssl.truststore.password': passwords.truststore,
			'ssl.truststore.type': 'PKCS12',
		});
	});

	it('writes SSL with the client keystore for mTLS', () => {
		expect(Object.fromEntries(properties(clientProperties('mtls', passwords)))).toEqual({
			'bootstrap.servers': secureLayout.bootstrap.mtls.join(','),
			'security.protocol': 'SSL',
			'ssl.truststore.location': secureLayout.tls.truststore,
			'ssl.truststore.password': passwords.truststore,
			'ssl.truststore.type': 'PKCS12',
			'ssl.keystore.location': secureLayout.tls.clientKeystore,
			'ssl.keystore.password': passwords.keystore,
			'ssl.keystore.type': 'PKCS12',
			'ssl.key.password': passwords.keystore,
		});
	});

	it('writes PLAIN over SASL_PLAINTEXT, with no TLS keys at all', () => {
		expect(Object.fromEntries(properties(clientProperties('plain', passwords)))).toEqual({
			'bootstrap.servers': secureLayout.bootstrap.plain.join(','),
			'security.protocol': 'SASL_PLAINTEXT',
			'sasl.mechanism': 'PLAIN',
			'sasl.jaas.config': `org.apache.kafka.common.security.plain.PlainLoginModule required username="ktop" password="${passwords.plain['ktop']}";`,
		});
	});

	it('names absolute store paths, as Kafka resolves a relative one against its working folder', () => {
		const mtls = properties(clientProperties('mtls', passwords));
		expect(path.isAbsolute(mtls.get('ssl.truststore.location')!)).toBe(true);
		expect(path.isAbsolute(mtls.get('ssl.keystore.location')!)).toBe(true);
	});
});

describe('ktopConfig', () => {
	const config = YAML.parse(ktopConfig(passwords)) as {'current-context': string; contexts: Record<string, Record<string, string>>};

	it('has a context a listener, with ZooKeeper digest auth and the properties file relative to ktop.yaml', () => {
		for (const listener of ['scram', 'mtls', 'plain'] as const) {
			expect(config.contexts[`secure-${listener}`]).toEqual({
				zookeeper: secureLayout.zookeeperConnect,
				'zookeeper-auth': `digest:ktop:${passwords.zookeeperDigest}`,
				bootstrap: secureLayout.bootstrap[listener].join(','),
				'command-config': `client-${listener}.properties`,
			});
			expect(path.resolve(path.dirname(secureLayout.files.ktopConfig), config.contexts[`secure-${listener}`]!['command-config']!))
				.toBe(secureLayout.files[`${listener}Properties`]);
		}
	});

	it('points local at the plain cluster as its environment places it, and makes it current', () => {
		expect(config.contexts['local']).toEqual({zookeeper: zookeeperConnect, bootstrap: bootstrapServers.join(',')});
		expect(config['current-context']).toBe('local');
	});
});

describe('secureBrokerLines', () => {
	const lines = properties(secureBrokerLines(kafka2!, passwords).join('\n'));

	it('gives each broker its three listeners on 127.0.0.1, advertised as bound, with MTLS between brokers', () => {
		const {scram, mtls, plain} = kafka2!.listeners!;
		const listeners = `SCRAM://127.0.0.1:${scram},MTLS://127.0.0.1:${mtls},PLAIN://127.0.0.1:${plain}`;
		expect(lines.get('listeners')).toBe(listeners);
		expect(lines.get('advertised.listeners')).toBe(listeners);
		expect(lines.get('listener.security.protocol.map')).toBe('SCRAM:SASL_SSL,MTLS:SSL,PLAIN:SASL_PLAINTEXT');
		expect(lines.get('inter.broker.listener.name')).toBe('MTLS');
		expect(lines.get('listener.name.mtls.ssl.client.auth')).toBe('required');
	});

	it('enables one mechanism a SASL listener: SCRAM-SHA-512 and PLAIN, with every PLAIN user', () => {
		expect(lines.get('listener.name.scram.sasl.enabled.mechanisms')).toBe('SCRAM-SHA-512');
		expect(lines.get('listener.name.plain.sasl.enabled.mechanisms')).toBe('PLAIN');
		expect(lines.get('listener.name.plain.plain.sasl.jaas.config'))
			.toBe(`org.apache.kafka.common.security.plain.PlainLoginModule required user_ktop="${passwords.plain['ktop']}";`);
	});

	it('uses the broker\'s own keystore and sets ACLs on its znodes', () => {
		expect(lines.get('ssl.keystore.location')).toBe(path.join(secureLayout.tls.dir, 'kafka2.p12'));
		expect(properties(secureBrokerLines(kafka1!, passwords).join('\n')).get('ssl.keystore.location')).toBe(path.join(secureLayout.tls.dir, 'kafka1.p12'));
		expect(lines.get('zookeeper.set.acl')).toBe('true');
	});
});

describe('ZooKeeper authentication', () => {
	it('refuses sessions that authenticate with neither SASL nor digest', () => {
		expect(secureZooLines()).toEqual(expect.arrayContaining(['enforce.auth.enabled=true', 'enforce.auth.schemes=sasl,digest']));
	});

	it('gives the server and the brokers the same DIGEST-MD5 user', () => {
		expect(zookeeperServerJaas(passwords)).toContain(`user_kafka="${passwords.zookeeperSasl}";`);
		expect(zookeeperClientJaas(passwords)).toMatch(new RegExp(`^Client \\{[^}]*username="kafka"\\s+password="${passwords.zookeeperSasl}";\\n\\};\\n$`));
	});
});

describe('ephemeralBrokerIds', () => {
	it('reads the registered brokers from a recorded AdminServer dump, the controller znode aside', () => {
		expect(ephemeralBrokerIds(JSON.parse(fixture('admin-server/dump-standalone-8191.json')))).toEqual([1, 2]);
	});

	it('finds none when no session holds a registration', () => {
		expect(ephemeralBrokerIds({session_id_to_ephemeral_paths: {}})).toEqual([]);
	});

	it('refuses a reply without the sessions\' ephemerals', () => {
		expect(() => ephemeralBrokerIds(JSON.parse(fixture('admin-server/unknown-command.json')))).toThrow('no session_id_to_ephemeral_paths');
	});
});
