import {execFile} from 'node:child_process';
import {X509Certificate} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {Kafka, logLevel} from 'kafkajs';
import YAML from 'yaml';
import ZooKeeper from 'zookeeper';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {libDir, secureLayout} from '../../cluster/layout.js';
import {readSecurePasswords} from '../../cluster/secure-secrets.js';

/*
The secure cluster's client files against the oracle: Kafka's own TopicCommand, as
`kafka-topics.sh --command-config <file>` runs it, takes each of them; a wrong SCRAM password and
a client certificate from another CA are refused; ZooKeeper refuses a session without auth and
serves one with digest auth, through the native client ktop itself uses.
*/

const run = promisify(execFile);
const {files, tls, bootstrap} = secureLayout;
type Outcome = {code: number; output: string};

/** TopicCommand as kafka-topics.sh runs it; the exit code and everything it printed. */
async function topicCommand(bootstrapServer: string, commandConfig: string, ...args: string[]): Promise<Outcome> {
	try {
		const {stdout, stderr} = await run('java', [
			'-Xmx128m', '-XX:TieredStopAtLevel=1', '-cp', path.join(libDir, '*'), 'org.apache.kafka.tools.TopicCommand',
			'--bootstrap-server', bootstrapServer, '--command-config', commandConfig, ...args,
		], {timeout: 90_000, maxBuffer: 4 * 1024 * 1024});
		return {code: 0, output: `${stdout}${stderr}`};
	} catch (error) {
		const {code, stdout, stderr} = error as {code?: number; stdout?: string; stderr?: string};
		return {code: typeof code === 'number' ? code : -1, output: `${stdout ?? ''}${stderr ?? ''}`};
	}
}

const topic = `secure-oracle-${Date.now()}`;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ktop-secure-'));
const passwords = readSecurePasswords();
let outcomes: Record<'scram' | 'mtls' | 'plain' | 'wrongPassword' | 'rogueCertificate', Outcome>;

/** A kafkajs client on the PLAIN listener, to lay out the topic the tools must see. */
function plainClient(): Kafka {
	return new Kafka({
		clientId: 'ktop-secure-test',
		brokers: bootstrap.plain,
		sasl: {mechanism: 'plain', username: secureLayout.clientUser, password: passwords.plain[secureLayout.clientUser]!},
		logLevel: logLevel.NOTHING,
	});
}

beforeAll(async () => {
	const admin = plainClient().admin();
	await admin.connect();
	try {
		await admin.createTopics({topics: [{topic, numPartitions: 2, replicationFactor: 2}], waitForLeaders: true});
	} finally {
		await admin.disconnect();
	}

	const wrongPassword = path.join(scratch, 'wrong-password.properties');
	const scram = fs.readFileSync(files.scramProperties, 'utf8');
	fs.writeFileSync(wrongPassword, scram.replace(passwords.scram[secureLayout.clientUser]!, 'not-the-password'));
	const rogueCertificate = path.join(scratch, 'rogue-certificate.properties');
	fs.writeFileSync(rogueCertificate, fs.readFileSync(files.mtlsProperties, 'utf8').replace(tls.clientKeystore, tls.rogueClientKeystore));

	// Every tool run is a JVM start of seconds and none depends on another: all at once.
	const [scramOutcome, mtlsOutcome, plainOutcome, wrongOutcome, rogueOutcome] = await Promise.all([
		topicCommand(bootstrap.scram[0]!, files.scramProperties, '--describe', '--exclude-internal'),
		topicCommand(bootstrap.mtls[1]!, files.mtlsProperties, '--describe', '--exclude-internal'),
		topicCommand(bootstrap.plain[0]!, files.plainProperties, '--describe', '--exclude-internal'),
		topicCommand(bootstrap.scram[0]!, wrongPassword, '--list'),
		topicCommand(bootstrap.mtls[0]!, rogueCertificate, '--list'),
	]);
	outcomes = {scram: scramOutcome, mtls: mtlsOutcome, plain: plainOutcome, wrongPassword: wrongOutcome, rogueCertificate: rogueOutcome};
});

afterAll(async () => {
	fs.rmSync(scratch, {recursive: true, force: true});
	const admin = plainClient().admin();
	await admin.connect();
	await admin.deleteTopics({topics: [topic]}).finally(async () => admin.disconnect());
});

describe('the secure cluster\'s client properties, read by Kafka\'s own TopicCommand', () => {
	it.each(['scram', 'mtls', 'plain'] as const)('client-%s.properties lists and describes the topics', listener => {
		const {code, output} = outcomes[listener];
		expect(output).toMatch(new RegExp(`Topic: ${topic}\\s+Partition: 0\\s+Leader: [12]\\s+Replicas: [12],[12]\\s+Isr: [12],[12]`));
		expect(output).toMatch(new RegExp(`Topic: ${topic}\\s+Partition: 1\\s`));
		expect(code).toBe(0);
	});

	it('refuses a wrong SCRAM password', () => {
		const {code, output} = outcomes.wrongPassword;
		expect(output).toContain('Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512');
		expect(code).not.toBe(0);
	});

	it('refuses, on the mTLS listener, a client certificate signed by another CA (same subject)', () => {
		const {code, output} = outcomes.rogueCertificate;
		expect(output).toMatch(/Error while executing topic command : .*(handshake|SSL)/i);
		expect(output).not.toContain(topic);
		expect(code).not.toBe(0);
		const subject = (file: string) => new X509Certificate(fs.readFileSync(file)).subject;
		expect(subject(tls.rogueClientCertificate)).toBe(subject(tls.clientCertificate));
	});
});

describe('the secure cluster\'s files', () => {
	it('are readable by their owner only where they hold a secret', () => {
		for (const file of [files.scramProperties, files.mtlsProperties, files.plainProperties, files.ktopConfig, tls.passwords, tls.clientKey, tls.clientKeystore]) {
			expect({file, mode: fs.statSync(file).mode & 0o777}).toEqual({file, mode: 0o600});
		}
	});

	it('name 127.0.0.1 and localhost in the brokers\' certificates, signed by ca.pem', () => {
		const ca = new X509Certificate(fs.readFileSync(tls.ca));
		const brokerPem = path.join(tls.dir, 'kafka1.pem');
		const broker = new X509Certificate(fs.readFileSync(brokerPem));
		expect(broker.subjectAltName).toBe('IP Address:127.0.0.1, DNS:localhost');
		expect(broker.verify(ca.publicKey)).toBe(true);
		expect(new X509Certificate(fs.readFileSync(tls.rogueClientCertificate)).verify(ca.publicKey)).toBe(false);
	});

	it('give ktop.yaml the three secure contexts and the plain cluster as local', () => {
		const config = YAML.parse(fs.readFileSync(files.ktopConfig, 'utf8')) as {contexts: Record<string, Record<string, string>>};
		expect(Object.keys(config.contexts).sort()).toEqual(['local', 'secure-mtls', 'secure-plain', 'secure-scram']);
		expect(config.contexts['secure-scram']).toEqual({
			zookeeper: secureLayout.zookeeperConnect,
			'zookeeper-auth': `digest:ktop:${passwords.zookeeperDigest}`,
			bootstrap: bootstrap.scram.join(','),
			'command-config': 'client-scram.properties',
		});
	});
});

/** A native ZooKeeper client (the one ktop uses), optionally sending digest auth first; the children of /brokers/ids or the error. */
async function brokerIdsThroughZookeeper(digest: string | undefined): Promise<string[] | Error> {
	const client = new ZooKeeper({connect: secureLayout.zookeeperConnect, timeout: 5000, debug_level: 0, host_order_deterministic: false});
	try {
		await new Promise<void>(resolve => {
			client.once('connect', () => {
				resolve();
			});
			client.init({});
		});
		if (digest) {
			await new Promise<void>((resolve, reject) => {
				client.add_auth('digest', digest, (rc: number) => (rc === 0 ? resolve() : reject(new Error(`add_auth failed: ${rc}`))));
			});
		}

		return await client.get_children('/brokers/ids', false);
	} catch (error) {
		return error as Error;
	} finally {
		client.close();
	}
}

describe('the secure cluster\'s ZooKeeper', () => {
	it('refuses a session that sent no auth', async () => {
		const result = await brokerIdsThroughZookeeper(undefined);
		expect(String(result)).toContain('-124 session closed by server because client is required to do SASL authentication');
	});

	it('serves a session that sent digest auth (any user:password), as Kafka\'s ACLs let anyone read /brokers/ids', async () => {
		const result = await brokerIdsThroughZookeeper('ktop:any-password');
		expect(result).toEqual(expect.arrayContaining(['1', '2']));
	});
});
