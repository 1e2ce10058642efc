import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {describeSecurity} from '../../source/cluster/kafka/client-security.js';
import {SecurityFailure} from '../../source/cluster/kafka/security-failure.js';
import {permissionWarning, readClientProperties, securityFromProperties} from '../../source/config/client-properties.js';
import {ConfigError, resolveConnection} from '../../source/config/connection.js';
import {parseJaasConfig} from '../../source/config/jaas-config.js';
import {maskSecrets} from '../../source/config/process-title.js';
import {parseProperties} from '../../source/config/properties.js';
import {makeTlsMaterial, type TlsMaterial} from '../helpers/tls-material.js';
import {configFailure} from '../helpers/config-failure.js';

let tls: TlsMaterial;
beforeAll(() => {
	tls = makeTlsMaterial();
}, 120_000);
afterAll(() => tls?.cleanup());

const scramJaas = 'org.apache.kafka.common.security.scram.ScramLoginModule required username="alice" password="alice-Secret-99";';

function props(entries: Record<string, string>): Map<string, string> {
	return new Map(Object.entries(entries));
}

const failure = configFailure;

describe('parseProperties (java.util.Properties)', () => {
	it('reads escapes in paths and keys, and a backslash pair at the end is not a continuation', () => {
		const properties = parseProperties([
			String.raw`ssl.truststore.location=C\:\\certs\\ca.p12`,
			String.raw`key\ with\=odd=v`,
			String.raw`unicode=\u0041\tB`,
			String.raw`ends.in.backslash=C\:\\`,
			'next=1',
			'continued=a,\\',
			'   b',
			'colon: value  ',
			'spaced   value',
		].join('\n'));
		expect(properties.get('ssl.truststore.location')).toBe(String.raw`C:\certs\ca.p12`);
		expect(properties.get('key with=odd')).toBe('v');
		expect(properties.get('unicode')).toBe('A\tB');
		expect(properties.get('ends.in.backslash')).toBe('C:\\');
		expect(properties.get('next')).toBe('1');
		expect(properties.get('continued')).toBe('a,b');
		expect(properties.get('colon')).toBe('value');
		expect(properties.get('spaced')).toBe('value');
	});

	it('keeps the quoted JAAS string whole', () => {
		const properties = parseProperties(`sasl.jaas.config=${scramJaas}\n`);
		expect(properties.get('sasl.jaas.config')).toBe(scramJaas);
	});
});

describe('parseJaasConfig', () => {
	const fail = (message: string): never => {
		throw new Error(message);
	};

	it('reads the login module, flag and quoted options, escapes included', () => {
		const jaas = parseJaasConfig(String.raw`org.apache.kafka.common.security.plain.PlainLoginModule required username="bob" password="a\"b;c" serviceName=kafka;`, fail);
		expect(jaas.loginModule).toBe('org.apache.kafka.common.security.plain.PlainLoginModule');
		expect(jaas.options.get('username')).toBe('bob');
		expect(jaas.options.get('password')).toBe('a"b;c');
		expect(jaas.options.get('serviceName')).toBe('kafka');
	});

	it('says what is wrong without echoing a value', () => {
		expect(() => parseJaasConfig('Module required username="x" password="hunter2-secret"', fail)).toThrow('must end with ";"');
		expect(() => parseJaasConfig('Module required password="hunter2-secret', fail)).toThrow('not closed');
		expect(() => parseJaasConfig('Module required password;', fail)).toThrow('expected key="value" after password');
		expect(() => parseJaasConfig('Module maybe;', fail)).toThrow('expected');
		for (const text of ['Module required username="x" password="hunter2-secret"', 'Module required password="hunter2-secret']) {
			try {
				parseJaasConfig(text, fail);
			} catch (error) {
				expect((error as Error).message).not.toContain('hunter2');
			}
		}
	});
});

describe('securityFromProperties', () => {
	it('is PLAINTEXT by default and takes bootstrap.servers', () => {
		const result = securityFromProperties(props({'bootstrap.servers': 'k1:9092, k2:9092'}), 'f');
		expect(result.security).toEqual({protocol: 'PLAINTEXT', tls: undefined, sasl: undefined});
		expect(result.bootstrap).toEqual(['k1:9092', 'k2:9092']);
		expect(result.warnings).toEqual([]);
	});

	it('reads SASL_SSL with SCRAM-SHA-512 and a PKCS12 truststore (certificates only) as CA certificates', () => {
		const result = securityFromProperties(props({
			'security.protocol': 'SASL_SSL', 'sasl.mechanism': 'SCRAM-SHA-512', 'sasl.jaas.config': scramJaas,
			'ssl.truststore.location': tls.truststoreP12, 'ssl.truststore.password': tls.password, 'ssl.truststore.type': 'PKCS12',
		}), 'f');
		expect(result.security.protocol).toBe('SASL_SSL');
		expect(result.security.sasl).toEqual({mechanism: 'SCRAM-SHA-512', username: 'alice', password: 'alice-Secret-99'});
		const ca = result.security.tls?.ca as string[];
		expect(ca).toHaveLength(1);
		expect(ca[0]!.replaceAll(/\s/g, '')).toBe(fs.readFileSync(tls.caPem, 'utf8').replaceAll(/\s/g, ''));
		expect(result.security.tls?.checkServerIdentity).toBeUndefined();
	});

	it('reads a PKCS12 truststore without a type (Kafka says JKS; Java reads PKCS12 too)', () => {
		const result = securityFromProperties(props({'security.protocol': 'SSL', 'ssl.truststore.location': tls.truststoreP12, 'ssl.truststore.password': tls.password}), 'f');
		expect(result.security.tls?.ca).toHaveLength(1);
	});

	it('says a truststore password is wrong, without the password', () => {
		const message = failure(() => securityFromProperties(props({'security.protocol': 'SSL', 'ssl.truststore.location': tls.truststoreP12, 'ssl.truststore.password': 'wrong-pass-77'}), 'f'));
		expect(message).toContain('the password is wrong');
		expect(message).not.toContain('wrong-pass-77');
	});

	it('refuses JKS in one line with the keytool command, by type and by magic bytes', () => {
		for (const type of [{'ssl.truststore.type': 'JKS'}, {}] as Array<Record<string, string>>) {
			const message = failure(() => securityFromProperties(props({'security.protocol': 'SSL', 'ssl.truststore.location': tls.truststoreJks, 'ssl.truststore.password': tls.password, ...type}), 'client.properties'));
			expect(message).not.toContain('\n');
			expect(message).toContain(`keytool -importkeystore -srckeystore ${tls.truststoreJks} -srcstoretype JKS -destkeystore ${tls.truststoreJks.replace(/\.jks$/, '.p12')} -deststoretype PKCS12`);
			expect(message).not.toContain(tls.password);
		}
	});

	it('reads PEM truststores from a file and inline', () => {
		const pem = fs.readFileSync(tls.caPem, 'utf8');
		expect(securityFromProperties(props({'security.protocol': 'SSL', 'ssl.truststore.type': 'PEM', 'ssl.truststore.location': tls.caPem}), 'f').security.tls?.ca).toBe(pem);
		expect(securityFromProperties(props({'security.protocol': 'SSL', 'ssl.truststore.type': 'PEM', 'ssl.truststore.certificates': pem}), 'f').security.tls?.ca).toBe(pem);
		expect(failure(() => securityFromProperties(props({'security.protocol': 'SSL', 'ssl.truststore.type': 'PEM', 'ssl.truststore.location': tls.truststoreP12}), 'f'))).toContain('is not PEM text');
		expect(failure(() => securityFromProperties(props({'security.protocol': 'SSL', 'ssl.truststore.location': path.join(tls.dir, 'missing.p12')}), 'f'))).toContain('cannot read it (ENOENT)');
	});

	it('takes a PKCS12 keystore as pfx and passphrase, and checks the password before any connection', () => {
		const tlsOptions = securityFromProperties(props({
			'security.protocol': 'SSL', 'ssl.keystore.location': tls.clientP12, 'ssl.keystore.password': tls.password, 'ssl.key.password': tls.password, 'ssl.keystore.type': 'PKCS12',
		}), 'f').security.tls!;
		expect(Buffer.isBuffer(tlsOptions.pfx)).toBe(true);
		expect(tlsOptions.passphrase).toBe(tls.password);
		const wrong = failure(() => securityFromProperties(props({'security.protocol': 'SSL', 'ssl.keystore.location': tls.clientP12, 'ssl.keystore.password': 'nope-nope-31'}), 'f'));
		expect(wrong).toContain('ssl.keystore.password) does not open the keystore');
		expect(wrong).not.toContain('nope-nope-31');
		expect(failure(() => securityFromProperties(props({'security.protocol': 'SSL', 'ssl.keystore.location': tls.clientP12, 'ssl.keystore.password': tls.password, 'ssl.key.password': 'other'}), 'f'))).toContain('differs from ssl.keystore.password');
		expect(failure(() => securityFromProperties(props({'security.protocol': 'SSL', 'ssl.keystore.location': tls.truststoreP12, 'ssl.keystore.password': tls.password}), 'f'))).toContain('holds no private key');
	});

	it('takes PEM keystores inline and from a file', () => {
		const cert = fs.readFileSync(tls.clientPem, 'utf8');
		const key = fs.readFileSync(tls.clientKeyPem, 'utf8');
		const inline = securityFromProperties(props({'security.protocol': 'SSL', 'ssl.keystore.type': 'PEM', 'ssl.keystore.certificate.chain': cert, 'ssl.keystore.key': key}), 'f').security.tls!;
		expect(inline.cert).toBe(cert);
		expect(inline.key).toBe(key);
		const both = path.join(tls.dir, 'client-both.pem');
		fs.writeFileSync(both, `${key}${cert}`);
		const file = securityFromProperties(props({'security.protocol': 'SSL', 'ssl.keystore.type': 'PEM', 'ssl.keystore.location': both}), 'f').security.tls!;
		expect(file.cert).toBe(`${key}${cert}`);
		expect(failure(() => securityFromProperties(props({'security.protocol': 'SSL', 'ssl.keystore.certificate.chain': cert}), 'f'))).toContain('go together');
	});

	it('turns the host name check off only for an empty ssl.endpoint.identification.algorithm', () => {
		const off = securityFromProperties(props({'security.protocol': 'SSL', 'ssl.endpoint.identification.algorithm': ''}), 'f').security.tls!;
		expect(off.checkServerIdentity?.('x', {} as never)).toBeUndefined();
		expect(securityFromProperties(props({'security.protocol': 'SSL', 'ssl.endpoint.identification.algorithm': 'HTTPS'}), 'f').security.tls!.checkServerIdentity).toBeUndefined();
		expect(failure(() => securityFromProperties(props({'security.protocol': 'SSL', 'ssl.endpoint.identification.algorithm': 'ldaps'}), 'f'))).toContain('expected https');
	});

	it('reads PLAIN, SCRAM-SHA-256 and refuses a mismatched login module', () => {
		const plain = securityFromProperties(props({
			'security.protocol': 'SASL_PLAINTEXT', 'sasl.mechanism': 'PLAIN',
			'sasl.jaas.config': 'org.apache.kafka.common.security.plain.PlainLoginModule required username="bob" password="bob-pw";',
		}), 'f').security;
		expect(plain).toEqual({protocol: 'SASL_PLAINTEXT', tls: undefined, sasl: {mechanism: 'PLAIN', username: 'bob', password: 'bob-pw'}});
		expect(securityFromProperties(props({'security.protocol': 'SASL_PLAINTEXT', 'sasl.mechanism': 'SCRAM-SHA-256', 'sasl.jaas.config': scramJaas}), 'f').security.sasl?.mechanism).toBe('SCRAM-SHA-256');
		expect(failure(() => securityFromProperties(props({'security.protocol': 'SASL_PLAINTEXT', 'sasl.mechanism': 'PLAIN', 'sasl.jaas.config': scramJaas}), 'f'))).toContain('needs PlainLoginModule');
		expect(failure(() => securityFromProperties(props({'security.protocol': 'SASL_PLAINTEXT', 'sasl.mechanism': 'PLAIN'}), 'f'))).toContain('needs sasl.jaas.config');
		expect(failure(() => securityFromProperties(props({'security.protocol': 'SASL_PLAINTEXT', 'sasl.mechanism': 'PLAIN', 'sasl.jaas.config': 'org.apache.kafka.common.security.plain.PlainLoginModule required username="bob";'}), 'f'))).toContain('needs username');
		expect(failure(() => securityFromProperties(props({'security.protocol': 'SASL_PLAINTEXT', 'sasl.mechanism': 'DIGEST-MD5'}), 'f'))).toContain('is not one of PLAIN');
	});

	it('refuses GSSAPI, named or by default, at config time', () => {
		expect(failure(() => securityFromProperties(props({'security.protocol': 'SASL_SSL', 'sasl.mechanism': 'GSSAPI'}), 'f'))).toContain('GSSAPI (Kerberos) is not supported: kafkajs');
		expect(failure(() => securityFromProperties(props({'security.protocol': 'SASL_PLAINTEXT'}), 'f'))).toContain('Kafka\'s default when sasl.mechanism is not set');
	});

	it('names unknown keys as an error and unused client keys in a warning', () => {
		expect(failure(() => securityFromProperties(props({'security.protocol': 'SSL', 'sasl.mechanisms': 'PLAIN', 'bogus': '1'}), 'client.properties'))).toMatch(/^client\.properties: unknown keys sasl\.mechanisms, bogus/);
		const {warnings} = securityFromProperties(props({'client.id': 'x', 'request.timeout.ms': '1', 'sasl.login.refresh.window.factor': '0.8', 'ssl.truststore.location': tls.caPem}), 'f');
		expect(warnings).toContain('f: not used by ktop: client.id, request.timeout.ms, sasl.login.refresh.window.factor');
		expect(warnings).toContain('f: ssl.truststore.location not used: security.protocol=PLAINTEXT has no TLS');
		expect(failure(() => securityFromProperties(props({'security.protocol': 'TLS'}), 'f'))).toContain('security.protocol=TLS is not one of');
	});

	it('reads an OAUTHBEARER token from a file, again when it changes, with the principal from the JWT', async () => {
		const file = path.join(tls.dir, 'token');
		const jwt = (sub: string) => ['e30', Buffer.from(JSON.stringify({sub, exp: Math.floor(Date.now() / 1000) + 3600})).toString('base64url'), 'sig'].join('.');
		fs.writeFileSync(file, `${jwt('svc-a')}\n`);
		const {sasl} = securityFromProperties(props({
			'security.protocol': 'SASL_SSL', 'sasl.mechanism': 'OAUTHBEARER',
			'sasl.jaas.config': 'org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;',
			'ktop.oauthbearer.token.file': file,
		}), 'f').security;
		if (sasl?.mechanism !== 'OAUTHBEARER') throw new Error('expected OAUTHBEARER');
		expect(await sasl.token()).toBe(jwt('svc-a'));
		expect(sasl.principal).toBe('svc-a');
		fs.writeFileSync(file, `${jwt('svc-bb')}\n`);
		expect(await sasl.token()).toBe(jwt('svc-bb'));
		expect(sasl.principal).toBe('svc-bb');
		fs.rmSync(file);
		await expect(sasl.token()).rejects.toThrow(`the OAUTHBEARER token file ${file} cannot be read (ENOENT)`);
	});

	it('runs an OAUTHBEARER token command without a shell and keeps its failure free of the token', async () => {
		const {sasl} = securityFromProperties(props({
			'security.protocol': 'SASL_PLAINTEXT', 'sasl.mechanism': 'OAUTHBEARER',
			'ktop.oauthbearer.token.command': String.raw`node -e "process.stdout.write('  opaque-token-\$HOME  \n')"`,
		}), 'f').security;
		if (sasl?.mechanism !== 'OAUTHBEARER') throw new Error('expected OAUTHBEARER');
		expect(await sasl.token()).toBe('opaque-token-$HOME');
		const failing = securityFromProperties(props({
			'security.protocol': 'SASL_PLAINTEXT', 'sasl.mechanism': 'OAUTHBEARER',
			'ktop.oauthbearer.token.command': 'node -e "console.log(\'tok-SECRET\'); console.error(\'no credentials\'); process.exit(3)"',
		}), 'f').security.sasl;
		if (failing?.mechanism !== 'OAUTHBEARER') throw new Error('expected OAUTHBEARER');
		const error = await failing.token().catch((caught: unknown) => caught as Error);
		expect((error as Error).message).toBe('the OAUTHBEARER token command node failed (exit 3): no credentials');
		expect(failure(() => securityFromProperties(props({'security.protocol': 'SASL_SSL', 'sasl.mechanism': 'OAUTHBEARER'}), 'f'))).toContain('needs exactly one of ktop.oauthbearer.token.command');
		expect(error).toBeInstanceOf(SecurityFailure);
		expect(failure(() => securityFromProperties(props({'security.protocol': 'SASL_SSL', 'sasl.mechanism': 'OAUTHBEARER', 'ktop.oauthbearer.token.command': 'get-token "unclosed'}), 'f'))).toContain('ktop.oauthbearer.token.command has an unclosed quote');
	});

	it('describes the security without any secret', () => {
		const {security} = securityFromProperties(props({
			'security.protocol': 'SASL_SSL', 'sasl.mechanism': 'SCRAM-SHA-512', 'sasl.jaas.config': scramJaas,
			'ssl.keystore.location': tls.clientP12, 'ssl.keystore.password': tls.password,
		}), 'f');
		const described = describeSecurity(security);
		expect(described).toEqual({protocol: 'SASL_SSL', mechanism: 'SCRAM-SHA-512', user: 'alice', clientCertificate: true});
		expect(JSON.stringify(described)).not.toContain('Secret');
	});
});

describe('client properties files and flags', () => {
	it('reads a file, warns when others can read its secrets, and -X overrides its keys', () => {
		const file = path.join(tls.dir, 'client.properties');
		fs.writeFileSync(file, [
			'bootstrap.servers=127.0.0.1:9192',
			'security.protocol=SASL_PLAINTEXT',
			'sasl.mechanism=SCRAM-SHA-512',
			`sasl.jaas.config=${scramJaas}`,
		].join('\n'));
		fs.chmodSync(file, 0o644);
		expect(permissionWarning(file, readClientProperties(file))).toBe(`${file} holds secrets (sasl.jaas.config) and is readable by others (mode 644): chmod 600 ${file}`);
		const warnings: string[] = [];
		const connection = resolveConnection({zookeeper: undefined, bootstrap: undefined, commandConfig: file, property: ['sasl.mechanism=SCRAM-SHA-256']}, {}, () => {
			throw new Error('no discovery when the properties name the brokers');
		}, line => warnings.push(line));
		expect(connection.bootstrap).toEqual(['127.0.0.1:9192']);
		expect(connection.security?.sasl?.mechanism).toBe('SCRAM-SHA-256');
		expect(warnings).toEqual([permissionWarning(file, readClientProperties(file))]);
		fs.chmodSync(file, 0o600);
		expect(permissionWarning(file, readClientProperties(file))).toBeUndefined();
		expect(resolveConnection({zookeeper: undefined, bootstrap: 'b:1', commandConfig: undefined, property: undefined}, {KTOP_COMMAND_CONFIG: file}).security?.sasl?.mechanism).toBe('SCRAM-SHA-512');
		expect(failure(() => resolveConnection({zookeeper: undefined, bootstrap: 'b:1', property: ['security.protocol']}, {}))).toContain('-X security.protocol: expected -X key=value');
		expect(failure(() => resolveConnection({zookeeper: undefined, bootstrap: 'b:1', commandConfig: path.join(tls.dir, 'none.properties')}, {}))).toContain('cannot read the client properties');
	});

	it('builds a connection from -X alone', () => {
		const connection = resolveConnection({zookeeper: undefined, bootstrap: undefined, property: ['bootstrap.servers=127.0.0.1:9292', 'security.protocol=SSL', `ssl.truststore.location=${tls.caPem}`, 'ssl.truststore.type=PEM']}, {}, () => {
			throw new Error('no discovery');
		}, () => undefined);
		expect(connection.bootstrap).toEqual(['127.0.0.1:9292']);
		expect(connection.security?.protocol).toBe('SSL');
	});

	it('on a broker host with a secured listener, uses the client properties found, or says what it tried', () => {
		const discovery = () => ({zookeeper: 'zk:2181', bootstrap: ['127.0.0.1:9093'], usedFiles: ['/etc/kafka/server.properties'], tried: [], listenerProtocol: 'SASL_SSL'});
		const message = failure(() => resolveConnection({zookeeper: undefined, bootstrap: undefined}, {}, discovery, () => undefined, () => ({file: undefined, tried: ['/opt/kafka/config/client.properties', '/etc/kafka/client.properties']})));
		expect(message).toContain('the broker listener 127.0.0.1:9093 (/etc/kafka/server.properties) needs security.protocol=SASL_SSL');
		expect(message).toContain('    /etc/kafka/client.properties');
		const file = path.join(tls.dir, 'host-client.properties');
		fs.writeFileSync(file, `security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="op" password="pw";\nssl.truststore.location=${tls.caPem}\n`, {mode: 0o600});
		const connection = resolveConnection({zookeeper: undefined, bootstrap: undefined}, {}, discovery, () => undefined, () => ({file, tried: [file]}));
		expect(connection.security?.sasl?.mechanism).toBe('PLAIN');
		expect(connection.origin).toBe(`found in /etc/kafka/server.properties, listener SASL_SSL with ${file}`);
	});

	it('masks secret -X values in the process title', () => {
		expect(maskSecrets(['-X', 'sasl.jaas.config=Module required password="x";', '-Xssl.keystore.password=abc', '-X', 'security.protocol=SSL', 'snapshot'])).toEqual([
			'-X', 'sasl.jaas.config=***', '-Xssl.keystore.password=***', '-X', 'security.protocol=SSL', 'snapshot',
		]);
	});

	it('masks --zk-auth, keeping only its scheme', () => {
		expect(maskSecrets(['-z', 'zk:2181', '--zk-auth', 'digest:ops:s3cret', '--zk-auth=digest:ops:other'])).toEqual([
			'-z', 'zk:2181', '--zk-auth', 'digest:***', '--zk-auth=digest:***',
		]);
	});
});
