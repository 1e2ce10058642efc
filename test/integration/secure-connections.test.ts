import fs from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {stopNodes, up} from '../../cluster/harness.js';
import {secureLayout} from '../../cluster/layout.js';
import {createClusterWriter} from '../../source/cluster/kafka/writer/cluster-writer.js';
import type {ClusterWriter} from '../../source/cluster/write-types.js';
import {readClientProperties, securityFromProperties} from '../../source/config/client-properties.js';
import {uniqueTopic} from '../helpers/kafka.js';
import {ktop} from '../helpers/run-ktop.js';

/*
ktop through each secured listener of the secure cluster (npm run cluster -- up --secure), with the
client properties files the harness writes for Kafka's own tools: snapshot, check, consume and a
write; then every failure an operator meets, produced for real, with its message and exit status;
and no secret in any output. The secure cluster's ZooKeeper refuses sessions without digest auth
(another part of issue 12), so only the brokers' side is judged here.
*/

const {files, tls} = secureLayout;
let started: string[] = [];
let secrets: string[] = [];
const outputs: string[] = [];

beforeAll(async () => {
	({started} = await up(line => console.log(`[secure cluster] ${line}`), secureLayout));
	const passwords = JSON.parse(fs.readFileSync(tls.passwords, 'utf8')) as Record<string, unknown>;
	secrets = JSON.stringify(passwords).match(/"[\da-f]{16,}"/g)!.map(quoted => quoted.slice(1, -1));
	expect(secrets.length).toBeGreaterThan(4);
}, 240_000);

afterAll(async () => {
	// No output of any run may hold a password, a key password or a SASL secret.
	for (const output of outputs) for (const secret of secrets) expect(output).not.toContain(secret);
	if (started.length > 0) await stopNodes(started, line => console.log(`[secure cluster] ${line}`), secureLayout);
});

async function eventually<T>(attempt: () => Promise<T>): Promise<T> {
	for (let tries = 1; ; tries++) {
		try {
			return await attempt();
		} catch (error) {
			if (tries >= 40) throw error;
			await new Promise(resolve => {
				setTimeout(resolve, 250);
			});
		}
	}
}

async function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{code: number; stdout: string; stderr: string}> {
	const result = await ktop(args, env);
	outputs.push(result.stdout, result.stderr);
	return result;
}

type SnapshotJson = {
	connection: {bootstrap: string[]; protocol: string; mechanism: string | null; user: string | null; clientCertificate: boolean};
	brokers: Array<{id: number; reachable: boolean; inMetadata: boolean}>;
	errors: Array<{source: string; message: string}>;
};

const listeners = [
	{name: 'SCRAM', file: files.scramProperties, bootstrap: secureLayout.bootstrap.scram, expected: {protocol: 'SASL_SSL', mechanism: 'SCRAM-SHA-512', user: 'ktop', clientCertificate: false}},
	{name: 'mTLS', file: files.mtlsProperties, bootstrap: secureLayout.bootstrap.mtls, expected: {protocol: 'SSL', mechanism: null, user: null, clientCertificate: true}},
	{name: 'PLAIN', file: files.plainProperties, bootstrap: secureLayout.bootstrap.plain, expected: {protocol: 'SASL_PLAINTEXT', mechanism: 'PLAIN', user: 'ktop', clientCertificate: false}},
] as const;

describe.each(listeners)('through the $name listener, with the harness\'s client properties', ({file, bootstrap, expected}) => {
	it('snapshot --json reads both brokers and names the protocol, mechanism and user, no secret', async () => {
		const result = await run(['snapshot', '--json', '--command-config', file]);
		expect(result.code).toBe(0);
		const snapshot = JSON.parse(result.stdout) as SnapshotJson;
		expect(snapshot.connection).toMatchObject({bootstrap: [...bootstrap], ...expected});
		// Both brokers answered metadata and a probe over the secured listener.
		expect(snapshot.brokers.map(broker => [broker.id, broker.inMetadata, broker.reachable])).toEqual([[1, true, true], [2, true, true]]);
		expect(snapshot.errors.filter(error => error.source === 'kafka')).toEqual([]);
	});

	it('check judges the brokers (no Kafka source failure); without ZooKeeper auth it says what it could not judge', async () => {
		// The brokers name their ZooKeeper, which refuses a session without auth: brokers only, and unknown is not OK.
		const refused = await run(['check', '--command-config', file]);
		expect(refused.stdout).not.toContain('kafka: ');
		expect(refused.stdout).toMatch(/^UNKNOWN\s+NOT_JUDGED\s+zookeeper: .*refused ktop/m);
		expect(refused.stdout).toMatch(/^KTOP (UNKNOWN|WARNING|CRITICAL) - .*brokers only/m);
		const passwords = JSON.parse(fs.readFileSync(tls.passwords, 'utf8')) as {zookeeperDigest: string};
		const judged = await run(['check', '--command-config', file], {KTOP_ZK_AUTH: `digest:ktop:${passwords.zookeeperDigest}`});
		expect(judged.stdout).not.toContain('kafka: ');
		expect(judged.stdout).not.toContain('NOT_JUDGED');
		expect(judged.stdout).toMatch(/^KTOP (OK|WARNING|CRITICAL) - /m);
	});

	it('writes (create a topic, produce), consumes with ktop consume --exit, and deletes the topic', async () => {
		const {security} = securityFromProperties(readClientProperties(file), file);
		const writer: ClusterWriter = createClusterWriter([...bootstrap], {readOnly: false, clientId: 'ktop-secure-test', security});
		const topic = uniqueTopic('secure');
		try {
			await writer.createTopic({name: topic, partitions: 1, replicationFactor: 2, configs: {}}, {validateOnly: false});
			// A new topic reaches every broker's metadata a moment after the controller made it.
			await eventually(async () => writer.produce({topic, partition: 0, key: Buffer.from('k1'), value: Buffer.from(`hello over ${expected.protocol}`), headers: []}));
			const consumed = await run(['consume', topic, '--from', 'beginning', '--exit', '--command-config', file]);
			expect(consumed.code).toBe(0);
			expect(consumed.stdout).toMatch(new RegExp(`^0\\t0\\t\\S+\\tk1\\thello over ${expected.protocol}$`, 'm'));
		} finally {
			await writer.deleteTopic(topic).catch(() => undefined);
			await writer.close();
		}

		const after = await run(['snapshot', '--json', '--command-config', file]);
		expect((JSON.parse(after.stdout) as {topics: Array<{name: string}>}).topics.map(entry => entry.name)).not.toContain(topic);
	});
});

describe('with -X only', () => {
	it('snapshot through SCRAM from -X keys alone, the file\'s keys given one by one', async () => {
		const properties = readClientProperties(files.scramProperties);
		const args = [...properties].flatMap(([key, value]) => ['-X', `${key}=${value}`]);
		const result = await run(['snapshot', '--json', ...args]);
		expect(result.code).toBe(0);
		const snapshot = JSON.parse(result.stdout) as SnapshotJson;
		expect(snapshot.connection).toMatchObject({protocol: 'SASL_SSL', mechanism: 'SCRAM-SHA-512', user: 'ktop'});
		expect(snapshot.brokers.filter(broker => broker.inMetadata)).toHaveLength(2);
		expect(snapshot.errors.filter(error => error.source === 'kafka')).toEqual([]);
	});
});

describe('failures an operator can act on, each with exit 3 from snapshot and check', () => {
	const [scram1] = secureLayout.bootstrap.scram;
	const [mtls1] = secureLayout.bootstrap.mtls;
	const [plain1] = secureLayout.bootstrap.plain;
	const cases = [
		{
			name: 'a wrong SCRAM password',
			args: ['--command-config', files.scramProperties, '-X', 'sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="ktop" password="not-the-password";'],
			message: `authentication failed for user ktop with SCRAM-SHA-512 on broker ${scram1}`,
		},
		{
			name: 'a wrong PLAIN password',
			args: ['--command-config', files.plainProperties, '-X', 'sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="ktop" password="not-the-password";'],
			message: `authentication failed for user ktop with PLAIN on broker ${plain1}`,
		},
		{
			name: 'TLS to a port without TLS',
			args: ['--command-config', files.scramProperties, '-X', `bootstrap.servers=${plain1}`],
			message: `TLS handshake failed on broker ${plain1}: it did not answer in TLS; is it a PLAINTEXT or SASL_PLAINTEXT listener? (security.protocol=SASL_SSL)`,
		},
		{
			name: 'PLAINTEXT to a TLS port',
			args: ['-b', mtls1!],
			message: `broker ${mtls1} answered in TLS: this listener needs security.protocol=SSL or SASL_SSL (ktop used PLAINTEXT)`,
		},
		{
			name: 'PLAINTEXT to a SASL port',
			args: ['-b', plain1!],
			message: `broker ${plain1} closed the connection at once (ktop used PLAINTEXT): does this listener need TLS or SASL`,
		},
		{
			name: 'a broker certificate from a CA ktop does not trust',
			args: ['--command-config', files.scramProperties, '-X', 'ssl.truststore.location=', '-X', 'ssl.truststore.type=', '-X', 'ssl.truststore.password='],
			message: `TLS: the certificate of broker ${scram1} is not signed by a CA ktop trusts (SELF_SIGNED_CERT_IN_CHAIN)`,
		},
		{
			name: 'a client certificate signed by another CA',
			args: ['--command-config', files.mtlsProperties, '-X', `ssl.keystore.location=${tls.rogueClientKeystore}`],
			message: `TLS: broker ${mtls1} refused ktop's client certificate (certificate unknown)`,
		},
		{
			name: 'no client certificate on the mTLS listener',
			args: ['--command-config', files.mtlsProperties, '-X', 'ssl.keystore.location=', '-X', 'ssl.keystore.password=', '-X', 'ssl.key.password=', '-X', 'ssl.keystore.type='],
			message: `TLS: broker ${mtls1} requires a client certificate`,
		},
		{
			name: 'a SASL mechanism the listener does not offer',
			args: ['--command-config', files.plainProperties, '-X', 'sasl.mechanism=SCRAM-SHA-256', '-X', 'sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="ktop" password="x";'],
			message: `SASL SCRAM-SHA-256 is not enabled on broker ${plain1}; it offers PLAIN: set sasl.mechanism to one of them`,
		},
	];

	it.each(cases)('$name', async ({args, message}) => {
		const snapshot = await run(['snapshot', ...args]);
		expect(snapshot.code).toBe(3);
		expect(snapshot.stdout).toContain(message);
		expect(snapshot.stderr).not.toMatch(/unexpected failure|\n\s+at /);
		const check = await run(['check', ...args]);
		expect(check.code).toBe(3);
		expect(check.stdout).toContain(message);
		expect(`${check.stdout}${check.stderr}`).not.toMatch(/\n\s+at /);
	});

	it('refuses GSSAPI and a JKS store before connecting, as usage errors', async () => {
		const gssapi = await run(['check', '-b', scram1!, '-X', 'security.protocol=SASL_SSL', '-X', 'sasl.mechanism=GSSAPI']);
		expect(gssapi.code).toBe(64);
		expect(gssapi.stderr).toContain('sasl.mechanism=GSSAPI (Kerberos) is not supported: kafkajs, ktop\'s Kafka client, has no Kerberos');
		const jks = await run(['snapshot', '--command-config', files.scramProperties, '-X', `ssl.truststore.location=${tls.truststoreJks}`, '-X', 'ssl.truststore.type=JKS']);
		expect(jks.code).toBe(2);
		expect(jks.stderr).toContain(`keytool -importkeystore -srckeystore ${tls.truststoreJks} -srcstoretype JKS -destkeystore ${tls.truststoreJks.replace(/\.jks$/, '.p12')} -deststoretype PKCS12`);
		expect(jks.stderr.trim().split('\n')).toHaveLength(1);
	});
});
