import fs from 'node:fs';
import type {ConnectionOptions} from 'node:tls';
import {checkTlsMaterial} from '../cluster/kafka/check-tls-material.js';
import type {KafkaSecurity, SaslSettings, SecurityProtocol} from '../cluster/kafka/client-security.js';
import {ConfigError} from './config-error.js';
import {parseJaasConfig} from './jaas-config.js';
import {oauthTokenSource, splitWords} from './oauth-token.js';
import {Pkcs12Error, pkcs12Certificates} from './pkcs12-certificates.js';
import {parseProperties} from './properties.js';

/*
Kafka's own client properties (the file kafka-topics.sh --command-config takes) as ktop's
KafkaSecurity. Every key is accounted for: used, known to Kafka clients but of no use to ktop
(named in a warning), or unknown (an error naming it: a typo in a security key must not quietly
become a PLAINTEXT connection).
*/

const protocols = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'] as const;
const mechanisms = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512', 'OAUTHBEARER'] as const;

/** ktop's own keys, beside Kafka's: an OAUTHBEARER token from a command or a file. */
export const ktopKeys = {
	tokenCommand: 'ktop.oauthbearer.token.command',
	tokenFile: 'ktop.oauthbearer.token.file',
	refreshMinutes: 'ktop.oauthbearer.token.refresh.minutes',
} as const;

const usedKeys = new Set<string>([
	'bootstrap.servers', 'security.protocol', 'sasl.mechanism', 'sasl.jaas.config',
	'ssl.truststore.location', 'ssl.truststore.password', 'ssl.truststore.type', 'ssl.truststore.certificates',
	'ssl.keystore.location', 'ssl.keystore.password', 'ssl.keystore.type', 'ssl.keystore.certificate.chain', 'ssl.keystore.key',
	'ssl.key.password', 'ssl.endpoint.identification.algorithm',
	...Object.values(ktopKeys),
]);

/** Kafka client settings ktop has no use for (it has its own timeouts, no producer, no consumer group). */
const ignoredKeys = new Set<string>([
	'client.id', 'client.rack', 'client.dns.lookup', 'request.timeout.ms', 'default.api.timeout.ms', 'retries', 'retry.backoff.ms',
	'retry.backoff.max.ms', 'reconnect.backoff.ms', 'reconnect.backoff.max.ms', 'connections.max.idle.ms', 'metadata.max.age.ms',
	'socket.connection.setup.timeout.ms', 'socket.connection.setup.timeout.max.ms', 'send.buffer.bytes', 'receive.buffer.bytes',
	'metric.reporters', 'metrics.num.samples', 'metrics.recording.level', 'metrics.sample.window.ms', 'auto.include.jmx.reporter',
	'ssl.protocol', 'ssl.enabled.protocols', 'ssl.cipher.suites', 'ssl.keymanager.algorithm', 'ssl.trustmanager.algorithm',
	'ssl.secure.random.implementation', 'ssl.provider', 'ssl.engine.factory.class',
	'sasl.kerberos.service.name', 'sasl.client.callback.handler.class', 'sasl.login.callback.handler.class', 'sasl.login.class',
	'group.id', 'group.instance.id', 'key.deserializer', 'value.deserializer', 'key.serializer', 'value.serializer',
	'auto.offset.reset', 'enable.auto.commit', 'auto.commit.interval.ms', 'isolation.level', 'max.poll.records', 'max.poll.interval.ms',
	'session.timeout.ms', 'heartbeat.interval.ms', 'fetch.min.bytes', 'fetch.max.bytes', 'fetch.max.wait.ms', 'max.partition.fetch.bytes',
	'acks', 'linger.ms', 'batch.size', 'buffer.memory', 'compression.type', 'enable.idempotence', 'max.in.flight.requests.per.connection',
	'max.request.size', 'delivery.timeout.ms', 'transactional.id', 'partitioner.class',
]);
const ignoredPrefixes = ['sasl.login.', 'sasl.kerberos.', 'sasl.oauthbearer.', 'metrics.', 'interceptor.'];

export type ClientProperties = {
	security: KafkaSecurity;
	bootstrap: string[] | undefined;
	warnings: string[];
};

/** -X key=value pairs (key before the first `=`, both trimmed), in the order given: later ones win. */
export function propertyOverrides(pairs: readonly string[]): Array<[string, string]> {
	return pairs.map(pair => {
		const equals = pair.indexOf('=');
		if (equals <= 0) throw new ConfigError(`-X ${pair.split('=')[0]}: expected -X key=value (a Kafka client property, e.g. -X security.protocol=SASL_SSL)`);
		return [pair.slice(0, equals).trim(), pair.slice(equals + 1).trim()];
	});
}

/** The properties of a Kafka client properties file; a warning is added by securityFromProperties for a readable secret. */
export function readClientProperties(file: string): Map<string, string> {
	let text: string;
	try {
		text = fs.readFileSync(file, 'utf8');
	} catch (error) {
		throw new ConfigError(`cannot read the client properties ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
	}

	return parseProperties(text);
}

/** Warns when a file holding a secret can be read by its group or by others. */
export function permissionWarning(file: string, properties: Map<string, string>): string | undefined {
	const secrets = ['sasl.jaas.config', 'ssl.truststore.password', 'ssl.keystore.password', 'ssl.key.password', 'ssl.keystore.key']
		.filter(key => properties.has(key));
	if (secrets.length === 0) return undefined;
	let mode: number;
	try {
		mode = fs.statSync(file).mode;
	} catch {
		return undefined;
	}

	if ((mode & 0o077) === 0) return undefined;
	return `${file} holds secrets (${secrets.join(', ')}) and is readable by ${(mode & 0o007) === 0 ? 'its group' : 'others'} (mode ${(mode & 0o777).toString(8)}): chmod 600 ${file}`;
}

/**
Kafka client properties as ktop's connection security. `origin` names where they came from in
messages ("client-scram.properties", "-X"). Store files are read now, so a wrong path or password
fails here, before any broker is asked.
*/
export function securityFromProperties(properties: Map<string, string>, origin: string): ClientProperties {
	const warnings: string[] = [];
	const fail = (message: string): never => {
		throw new ConfigError(`${origin}: ${message}`);
	};

	const unknown = [...properties.keys()].filter(key => !usedKeys.has(key) && !ignoredKeys.has(key) && !ignoredPrefixes.some(prefix => key.startsWith(prefix)));
	if (unknown.length > 0) fail(`unknown key${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; ktop reads Kafka's client keys (security.protocol, sasl.*, ssl.*, bootstrap.servers) and ${Object.values(ktopKeys).join(', ')}`);
	const ignored = [...properties.keys()].filter(key => !usedKeys.has(key));
	if (ignored.length > 0) warnings.push(`${origin}: not used by ktop: ${ignored.join(', ')}`);

	const get = (key: string): string | undefined => {
		const value = properties.get(key);
		return value === undefined || value === '' ? undefined : value;
	};

	const protocolText = (get('security.protocol') ?? 'PLAINTEXT').toUpperCase();
	if (!(protocols as readonly string[]).includes(protocolText)) fail(`security.protocol=${protocolText} is not one of ${protocols.join(', ')}`);
	const protocol = protocolText as SecurityProtocol;
	const usesTls = protocol === 'SSL' || protocol === 'SASL_SSL';
	const usesSasl = protocol === 'SASL_PLAINTEXT' || protocol === 'SASL_SSL';

	const sslKeys = [...properties.keys()].filter(key => key.startsWith('ssl.') && get(key) !== undefined && key !== 'ssl.endpoint.identification.algorithm');
	if (!usesTls && sslKeys.length > 0) warnings.push(`${origin}: ${sslKeys.join(', ')} not used: security.protocol=${protocol} has no TLS`);
	const saslKeys = ['sasl.mechanism', 'sasl.jaas.config', ...Object.values(ktopKeys)].filter(key => get(key) !== undefined);
	if (!usesSasl && saslKeys.length > 0) warnings.push(`${origin}: ${saslKeys.join(', ')} not used: security.protocol=${protocol} has no SASL`);

	const tls = usesTls ? tlsFromProperties(get, fail, properties.get('ssl.endpoint.identification.algorithm')) : undefined;
	const sasl = usesSasl ? saslFromProperties(get, fail) : undefined;
	if (tls) {
		const problem = checkTlsMaterial(tls);
		if (problem) fail(problem);
	}

	const servers = get('bootstrap.servers')?.split(',').map(entry => entry.trim()).filter(entry => entry !== '');
	return {security: {protocol, tls, sasl}, bootstrap: servers && servers.length > 0 ? servers : undefined, warnings};
}

type Get = (key: string) => string | undefined;
type Fail = (message: string) => never;

function saslFromProperties(get: Get, fail: Fail): SaslSettings {
	const mechanism = (get('sasl.mechanism') ?? 'GSSAPI').toUpperCase();
	if (mechanism === 'GSSAPI') {
		fail(`sasl.mechanism=GSSAPI (Kerberos${get('sasl.mechanism') === undefined ? ', Kafka\'s default when sasl.mechanism is not set' : ''}) is not supported: kafkajs, ktop's Kafka client, has no Kerberos. Use a listener with SCRAM-SHA-512, SCRAM-SHA-256, PLAIN or OAUTHBEARER, or mTLS (security.protocol=SSL with a client certificate)`);
	}

	if (!(mechanisms as readonly string[]).includes(mechanism)) fail(`sasl.mechanism=${mechanism} is not one of ${mechanisms.join(', ')}`);
	const jaasText = get('sasl.jaas.config');
	if (mechanism === 'OAUTHBEARER') {
		const jaas = jaasText === undefined ? undefined : parseJaasConfig(jaasText, fail);
		if (jaas && !jaas.loginModule.endsWith('OAuthBearerLoginModule')) fail(`sasl.mechanism=OAUTHBEARER needs org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule in sasl.jaas.config, not ${jaas.loginModule}`);
		const command = get(ktopKeys.tokenCommand);
		const file = get(ktopKeys.tokenFile);
		if ((command === undefined) === (file === undefined)) fail(`sasl.mechanism=OAUTHBEARER needs exactly one of ${ktopKeys.tokenCommand} (a command that prints a token) or ${ktopKeys.tokenFile} (a file holding one)`);
		const minutesText = get(ktopKeys.refreshMinutes);
		const minutes = minutesText === undefined ? 10 : Number(minutesText);
		if (!(minutes > 0 && minutes <= 1440)) fail(`${ktopKeys.refreshMinutes}=${minutesText ?? ''}: expected a number of minutes from 1 to 1440`);
		if (command !== undefined) {
			try {
				splitWords(command);
			} catch (error) {
				fail((error as Error).message);
			}
		}

		return oauthTokenSource(command === undefined ? {file: file!} : {command}, minutes * 60_000);
	}

	if (jaasText === undefined) fail(`sasl.mechanism=${mechanism} needs sasl.jaas.config with username and password`);
	const jaas = parseJaasConfig(jaasText!, fail);
	const expected = mechanism === 'PLAIN' ? 'PlainLoginModule' : 'ScramLoginModule';
	if (!jaas.loginModule.endsWith(expected)) fail(`sasl.mechanism=${mechanism} needs ${expected} in sasl.jaas.config, not ${jaas.loginModule}`);
	const username = jaas.options.get('username');
	const password = jaas.options.get('password');
	if (username === undefined || password === undefined) fail(`sasl.jaas.config for ${mechanism} needs username="…" and password="…"`);
	return {mechanism: mechanism as 'PLAIN' | 'SCRAM-SHA-256' | 'SCRAM-SHA-512', username: username!, password: password!};
}

type StoreType = 'PKCS12' | 'PEM' | 'JKS';

function tlsFromProperties(get: Get, fail: Fail, identification: string | undefined): ConnectionOptions {
	const tls: ConnectionOptions = {};
	// Kafka's default is `https`: the broker's certificate must name the host ktop dialled. Empty: no check.
	if (identification === '') {
		tls.checkServerIdentity = () => undefined;
	} else if (identification !== undefined && identification.toLowerCase() !== 'https') {
		fail(`ssl.endpoint.identification.algorithm=${identification}: expected https (check the host name, the default) or empty (do not)`);
	}

	const inlineCertificates = get('ssl.truststore.certificates');
	const truststore = get('ssl.truststore.location');
	if (inlineCertificates !== undefined) {
		tls.ca = inlineCertificates;
	} else if (truststore !== undefined) {
		const bytes = readStore(truststore, 'ssl.truststore.location', fail);
		const type = storeType(bytes, get('ssl.truststore.type'), truststore, 'ssl.truststore', fail);
		if (type === 'PEM') {
			tls.ca = bytes.toString('utf8');
		} else {
			try {
				const certificates = pkcs12Certificates(bytes, get('ssl.truststore.password'));
				if (certificates.length === 0) fail(`the truststore ${truststore} holds no certificates`);
				tls.ca = certificates;
			} catch (error) {
				if (!(error instanceof Pkcs12Error)) throw error;
				fail(`cannot read the truststore ${truststore}: ${error.message}${error.message.includes('legacy') ? `; rewrite it: ${keytoolCommand(truststore, 'PKCS12')}, or give the CA as PEM (ssl.truststore.type=PEM)` : ''}`);
			}
		}
	}

	const chain = get('ssl.keystore.certificate.chain');
	const inlineKey = get('ssl.keystore.key');
	const keystore = get('ssl.keystore.location');
	if (chain !== undefined || inlineKey !== undefined) {
		if (chain === undefined || inlineKey === undefined) fail('ssl.keystore.certificate.chain and ssl.keystore.key go together');
		tls.cert = chain;
		tls.key = inlineKey;
		const passphrase = get('ssl.key.password');
		if (passphrase !== undefined) tls.passphrase = passphrase;
	} else if (keystore !== undefined) {
		const bytes = readStore(keystore, 'ssl.keystore.location', fail);
		const type = storeType(bytes, get('ssl.keystore.type'), keystore, 'ssl.keystore', fail);
		if (type === 'PEM') {
			tls.cert = bytes.toString('utf8');
			tls.key = bytes.toString('utf8');
			const passphrase = get('ssl.key.password');
			if (passphrase !== undefined) tls.passphrase = passphrase;
		} else {
			tls.pfx = bytes;
			const keyPassword = get('ssl.key.password');
			const storePassword = get('ssl.keystore.password');
			// Node opens a PKCS12 store with one password; keytool gives the key the store's.
			if (keyPassword !== undefined && storePassword !== undefined && keyPassword !== storePassword) {
				fail('ssl.key.password differs from ssl.keystore.password: Node opens a PKCS12 keystore with one password; give the key the store\'s password (keytool -importkeystore does) or use PEM');
			}

			const passphrase = storePassword ?? keyPassword;
			if (passphrase !== undefined) tls.passphrase = passphrase;
		}
	}

	return tls;
}

function readStore(file: string, key: string, fail: Fail): Buffer {
	try {
		return fs.readFileSync(file);
	} catch (error) {
		return fail(`${key}=${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
	}
}

/** The store's format: as typed (Kafka's default is JKS), checked against the file's first bytes. */
function storeType(bytes: Buffer, typed: string | undefined, file: string, prefix: string, fail: Fail): StoreType {
	const actual: StoreType | undefined = bytes.readUInt32BE(0) === 0xFE_ED_FE_ED ? 'JKS'
		: bytes.subarray(0, 64).toString('latin1').includes('-----BEGIN') ? 'PEM'
			: bytes[0] === 0x30 ? 'PKCS12' : undefined;
	const type = typed?.toUpperCase();
	if (type !== undefined && !['JKS', 'PKCS12', 'PEM'].includes(type)) fail(`${prefix}.type=${typed}: expected PKCS12, PEM or JKS`);
	if (actual === 'JKS') fail(`${file} is a JKS store, which Node cannot read; convert it once: ${keytoolCommand(file, 'JKS')} and set ${prefix}.location=${destination(file, 'JKS')} ${prefix}.type=PKCS12`);
	if (actual === undefined) fail(`${prefix}.location=${file} is neither PKCS12, PEM nor JKS`);
	// A JKS-typed store that is really PKCS12 is read, as Java's keystore compatibility mode does.
	if (type === 'PEM' && actual !== 'PEM') fail(`${prefix}.type=PEM but ${file} is not PEM text`);
	if (type === 'PKCS12' && actual !== 'PKCS12') fail(`${prefix}.type=PKCS12 but ${file} is ${actual}`);
	return actual!;
}

/** The keytool command that writes the store as PKCS12 with the encryption JDK 12+ uses (PBES2, which Node reads). */
function keytoolCommand(file: string, sourceType: 'JKS' | 'PKCS12'): string {
	return `keytool -importkeystore -srckeystore ${file} -srcstoretype ${sourceType} -destkeystore ${destination(file, sourceType)} -deststoretype PKCS12`;
}

function destination(file: string, sourceType: 'JKS' | 'PKCS12'): string {
	const base = file.replace(/\.(jks|p12|pfx)$/i, '');
	return sourceType === 'JKS' ? `${base}.p12` : `${base}-pbes2.p12`;
}
