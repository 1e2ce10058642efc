import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {Unready, waitFor} from '../../../cluster/wait-for.js';
import {addressOf, BrokerConnections, parseEndpoint} from '../../../source/cluster/kafka/broker-connections.js';
import {deadPort, silentBroker} from './fake-brokers.js';

const settings = {clientId: 'ktop-test', requestTimeoutMs: 300, connectionTimeoutMs: 300, roundTimeoutMs: 5000};

describe('endpoints', () => {
	it('parse host:port, including bracketed IPv6, and print them back', () => {
		expect(parseEndpoint('127.0.0.1:9092')).toEqual({host: '127.0.0.1', port: 9092});
		expect(parseEndpoint(' kafka-1.example:9093 ')).toEqual({host: 'kafka-1.example', port: 9093});
		expect(parseEndpoint('[::1]:9094')).toEqual({host: '::1', port: 9094});
		expect(addressOf({host: '::1', port: 9094})).toBe('[::1]:9094');
		expect(() => parseEndpoint('localhost')).toThrow('not a host:port broker address: "localhost"');
	});
});

describe('BrokerConnections', () => {
	let silent: Awaited<ReturnType<typeof silentBroker>>;
	let dead: number;
	beforeAll(async () => {
		silent = await silentBroker();
		dead = await deadPort();
	});
	afterAll(async () => silent.close());

	it('bounds a call to a silent broker, and fails its next calls in the same round at once', async () => {
		const connections = new BrokerConnections([`127.0.0.1:${silent.port}`], settings);
		const round = connections.round();
		const endpoint = {host: '127.0.0.1', port: silent.port};
		let started = performance.now();
		await expect(round.call(endpoint, async wire => wire.listGroups())).rejects.toThrow(`127.0.0.1:${silent.port}: no reply within 300 ms`);
		expect(performance.now() - started).toBeLessThan(1000);
		expect(round.hasFailed(endpoint)).toBe(true);

		started = performance.now();
		await expect(round.call(endpoint, async wire => wire.listGroups())).rejects.toThrow('no reply within 300 ms');
		expect(performance.now() - started).toBeLessThan(50);

		// A new round asks again.
		expect(connections.round().hasFailed(endpoint)).toBe(false);
		await connections.close();
	});

	it('destroys the socket of a call that timed out, then leaves the broker alone until its backoff ends', async () => {
		let now = 1_000_000;
		const connections = new BrokerConnections([`127.0.0.1:${silent.port}`], {...settings, backoffMs: {first: 4000, max: 30_000}, now: () => now});
		const endpoint = {host: '127.0.0.1', port: silent.port};
		await expect(connections.round().call(endpoint, async wire => wire.metadata())).rejects.toThrow('no reply within 300 ms');
		// Destroyed, not closed politely: a hung broker never closes its side, so a polite close would never end.
		await waitFor(async () => (silent.openSockets() === 0 ? true : new Unready(`${silent.openSockets()} sockets open`)), {timeoutMs: 1000, intervalMs: 20, what: 'the socket to close'});
		expect(connections.backoffs()).toEqual([{brokerId: undefined, address: `127.0.0.1:${silent.port}`, timeouts: 1, until: 1_004_000}]);

		// Backing off: refused at once, nothing sent, no socket opened.
		const accepted = silent.accepted();
		await expect(connections.round().call(endpoint, async wire => wire.metadata())).rejects.toThrow(`127.0.0.1:${silent.port}: not asked: backing off 4 s after 1 timeout`);
		expect(silent.accepted()).toBe(accepted);

		// Asked again once it ends; a second timeout doubles it.
		now += 4000;
		await expect(connections.round().call(endpoint, async wire => wire.metadata())).rejects.toThrow('no reply within 300 ms');
		expect(connections.backoffs()[0]).toMatchObject({timeouts: 2, until: now + 8000});
		await connections.close();
	});

	it('rejects metadata naming every broker it tried and why', async () => {
		const connections = new BrokerConnections([`127.0.0.1:${silent.port}`, `127.0.0.1:${dead}`], settings);
		const started = performance.now();
		await expect(connections.readMetadata(connections.round())).rejects.toThrow(
			`no broker answered a metadata request (127.0.0.1:${silent.port}: no reply within 300 ms; 127.0.0.1:${dead}: connection refused)`,
		);
		expect(performance.now() - started).toBeLessThan(1500);
		await connections.close();
	});

	it('gives a round no more than its deadline, however many brokers it has left to ask', async () => {
		const second = await silentBroker();
		const connections = new BrokerConnections([`127.0.0.1:${silent.port}`], {...settings, roundTimeoutMs: 450});
		const round = connections.round();
		await expect(round.call({host: '127.0.0.1', port: silent.port}, async wire => wire.metadata())).rejects.toThrow('no reply within 300 ms');
		// 150 ms left: the next broker gets that much, and the one after none at all.
		await expect(round.call({host: '127.0.0.1', port: second.port}, async wire => wire.metadata())).rejects.toThrow(/no reply within 1[45]\d ms/);
		await expect(round.call({host: '127.0.0.1', port: dead}, async wire => wire.metadata())).rejects.toThrow(`127.0.0.1:${dead}: not asked, the refresh used up its 450 ms`);
		await connections.close();
		await second.close();
	});

	it('refuses calls once closed', async () => {
		const connections = new BrokerConnections([`127.0.0.1:${dead}`], settings);
		await connections.close();
		await expect(connections.round().call({host: '127.0.0.1', port: dead}, async wire => wire.listGroups())).rejects.toThrow('closed');
	});
});
