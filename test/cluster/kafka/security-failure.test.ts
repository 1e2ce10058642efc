import fs from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {BrokerConnections} from '../../../source/cluster/kafka/broker-connections.js';
import type {KafkaSecurity} from '../../../source/cluster/kafka/client-security.js';
import {openWire} from '../../../source/cluster/kafka/kafkajs-wire.js';
import {SecurityFailure, securityFailureText} from '../../../source/cluster/kafka/security-failure.js';
import {makeTlsMaterial, type TlsMaterial} from '../../helpers/tls-material.js';

let material: TlsMaterial;
const servers: net.Server[] = [];

beforeAll(() => {
	material = makeTlsMaterial();
}, 120_000);

afterAll(async () => {
	await Promise.all(servers.map(async server => new Promise(resolve => {
		server.close(resolve);
	})));
	material?.cleanup();
});

/** A TLS server that completes the handshake (or not) and then says nothing: the failures tested happen before any Kafka reply. */
async function tlsServer(options: tls.TlsOptions): Promise<number> {
	const server = tls.createServer(options, socket => {
		socket.on('error', () => undefined);
	});
	server.on('tlsClientError', () => undefined);
	return listen(server);
}

async function listen(server: net.Server): Promise<number> {
	servers.push(server);
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', resolve);
	});
	return (server.address() as net.AddressInfo).port;
}

async function connectError(port: number, security: KafkaSecurity): Promise<Error> {
	const wire = openWire('127.0.0.1', port, 'ktop-test', {connectionTimeoutMs: 3000, requestTimeoutMs: 4000}, undefined, {security});
	try {
		await wire.connect();
		await wire.metadata();
	} catch (error) {
		return error as Error;
	} finally {
		wire.destroy('test done');
	}

	throw new Error('expected the connection to fail');
}

const ca = () => fs.readFileSync(material.caPem, 'utf8');
const ssl = (options: tls.ConnectionOptions): KafkaSecurity => ({protocol: 'SSL', tls: options, sasl: undefined});

describe('TLS failures, from a real node:tls server', () => {
	it('says the broker certificate is signed by a CA ktop does not trust', async () => {
		const port = await tlsServer(material.server);
		const error = await connectError(port, ssl({}));
		expect(error).toBeInstanceOf(SecurityFailure);
		expect(error.message).toMatch(new RegExp(`^TLS: the certificate of broker 127\\.0\\.0\\.1:${port} is not signed by a CA ktop trusts \\(\\w+\\): set ssl\\.truststore\\.location`));
	});

	it('says the certificate does not name the host, and how to skip the check', async () => {
		const port = await tlsServer(material.wrongHost);
		const error = await connectError(port, ssl({ca: ca()}));
		expect(error.message).toContain(`TLS: the certificate of broker 127.0.0.1:${port} does not name that host (IP: 127.0.0.1 is not in the cert's list)`);
		expect(error.message).toContain('set ssl.endpoint.identification.algorithm= (empty)');
	});

	it('says the certificate has expired', async () => {
		const port = await tlsServer(material.expired);
		const error = await connectError(port, ssl({ca: ca()}));
		expect(error.message).toBe(`TLS: the certificate of broker 127.0.0.1:${port} has expired: the broker needs a new certificate`);
	});

	it('says the broker refused the client certificate, or wants one', async () => {
		const port = await tlsServer({...material.server, requestCert: true, rejectUnauthorized: true, ca: ca()});
		const rogue = await connectError(port, ssl({ca: ca(), pfx: fs.readFileSync(material.rogueClientP12), passphrase: material.password}));
		// TLS 1.3: the refusal comes as an alert (a Java broker) or a bare close (node:tls) after the client's handshake.
		expect(rogue.message).toMatch(new RegExp(`^TLS: broker 127\\.0\\.0\\.1:${port} (refused ktop's client certificate \\([a-z ]+\\)|closed the connection right after the handshake: it may have refused ktop's client certificate)`));
		const none = await connectError(port, ssl({ca: ca()}));
		expect(none.message).toMatch(new RegExp(`^TLS: broker 127\\.0\\.0\\.1:${port} requires a client certificate \\([a-z ]+\\): set ssl\\.keystore\\.location \\(mTLS\\)$`));
	});

	it('says a PLAINTEXT listener does not answer TLS', async () => {
		// A Kafka PLAINTEXT listener reads the ClientHello as a request size far too large and closes.
		const port = await listen(net.createServer(socket => {
			socket.once('data', () => socket.destroy());
			socket.on('error', () => undefined);
		}));
		const error = await connectError(port, ssl({ca: ca()}));
		expect(error.message).toBe(`TLS handshake failed on broker 127.0.0.1:${port}: it did not answer in TLS; is it a PLAINTEXT or SASL_PLAINTEXT listener? (security.protocol=SSL)`);
	});

	it('does not call a silent close of a plain connection a security refusal: a broker killed mid-connect closes alike', async () => {
		// node:tls closes a plain client without a TLS alert; a Kafka broker sends one, which the secure
		// integration test turns into "answered in TLS". Without that evidence, the close is only a close.
		const port = await tlsServer(material.server);
		const error = await connectError(port, {protocol: 'PLAINTEXT', tls: undefined, sasl: undefined});
		expect(error).not.toBeInstanceOf(SecurityFailure);
		expect(error.name).toBe('KafkaJSConnectionClosedError');
	});

	it('backs a refused broker off like a timeout and keeps the reason', async () => {
		const port = await tlsServer(material.expired);
		const connections = new BrokerConnections([`127.0.0.1:${port}`], {
			clientId: 'ktop-test', requestTimeoutMs: 3000, connectionTimeoutMs: 3000, roundTimeoutMs: 6000, security: ssl({ca: ca()}),
		});
		try {
			await expect(connections.round().call({host: '127.0.0.1', port}, async wire => wire.metadata())).rejects.toThrow('has expired');
			const again = await connections.round().call({host: '127.0.0.1', port}, async wire => wire.metadata()).catch((error: unknown) => error as Error);
			expect((again as Error).message).toMatch(/not asked: backing off \d+ s after 1 refusal: TLS: the certificate of broker .* has expired/);
		} finally {
			await connections.close();
		}
	});
});

describe('securityFailureText (kafkajs SASL errors)', () => {
	const scram: KafkaSecurity = {protocol: 'SASL_SSL', tls: {}, sasl: {mechanism: 'SCRAM-SHA-512', username: 'alice', password: 'alice-pw-secret'}};
	const context = {address: '127.0.0.1:9192', security: scram};

	it('names the user, mechanism and broker of a failed login, never the password', () => {
		const error = Object.assign(new Error('SASL SCRAM SHA512 authentication failed: Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512'), {name: 'KafkaJSSASLAuthenticationError'});
		const text = securityFailureText(error, context);
		expect(text).toBe('authentication failed for user alice with SCRAM-SHA-512 on broker 127.0.0.1:9192');
		const plain = Object.assign(new Error('SASL PLAIN authentication failed: Authentication failed: Invalid username or password'), {name: 'KafkaJSSASLAuthenticationError'});
		expect(securityFailureText(plain, {address: 'b:1', security: {protocol: 'SASL_PLAINTEXT', tls: undefined, sasl: {mechanism: 'PLAIN', username: 'bob', password: 'x'}}}))
			.toBe('authentication failed for user bob with PLAIN on broker b:1 (Invalid username or password)');
	});

	it('lists the mechanisms a broker offers when the one asked for is not enabled', () => {
		const error = Object.assign(new Error('The broker does not support the requested SASL mechanism'), {name: 'KafkaJSProtocolError', type: 'UNSUPPORTED_SASL_MECHANISM'});
		expect(securityFailureText(error, {...context, offeredMechanisms: ['PLAIN', 'SCRAM-SHA-256']}))
			.toBe('SASL SCRAM-SHA-512 is not enabled on broker 127.0.0.1:9192; it offers PLAIN, SCRAM-SHA-256: set sasl.mechanism to one of them');
	});

	it('says a listener takes no SASL', () => {
		const error = Object.assign(new Error('Request is not valid given the current SASL state'), {name: 'KafkaJSProtocolError', type: 'ILLEGAL_SASL_STATE'});
		expect(securityFailureText(error, context)).toBe('broker 127.0.0.1:9192 does not take SASL on this listener (security.protocol=SASL_SSL): is it a PLAINTEXT or SSL listener?');
	});

	it('leaves other failures to failure-text', () => {
		expect(securityFailureText(Object.assign(new Error('Connection error: connect ECONNREFUSED'), {code: 'ECONNREFUSED'}), context)).toBeUndefined();
	});
});
