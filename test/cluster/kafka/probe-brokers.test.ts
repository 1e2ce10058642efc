import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {probeBrokers} from '../../../source/cluster/kafka/probe-brokers.js';
import {deadPort, silentBroker} from './fake-brokers.js';

describe('probeBrokers', () => {
	let silent: Awaited<ReturnType<typeof silentBroker>>;
	beforeAll(async () => {
		silent = await silentBroker();
	});
	afterAll(async () => silent.close());

	it('calls a broker that accepts but never answers unreachable, within the bound, and a closed port refused', async () => {
		const dead = await deadPort();
		const started = performance.now();
		const probes = await probeBrokers([{id: 1, host: '127.0.0.1', port: silent.port}, {id: 2, host: '127.0.0.1', port: dead}], {clientId: 'ktop-test', timeoutMs: 400});
		expect(performance.now() - started).toBeLessThan(1000);
		expect(probes.get(1)).toEqual({reachable: false, error: 'no reply within 400 ms'});
		expect(probes.get(2)).toEqual({reachable: false, error: 'connection refused'});
	});
});
