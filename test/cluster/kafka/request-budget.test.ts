import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {BrokerBackoff} from '../../../source/cluster/kafka/broker-backoff.js';
import {openWire} from '../../../source/cluster/kafka/kafkajs-wire.js';
import {OnePerKind} from '../../../source/cluster/kafka/one-per-kind.js';
import {LoadCounters} from '../../../source/cluster/load-counters.js';
import {deadPort, silentBroker} from './fake-brokers.js';

describe('OnePerKind', () => {
	it('runs one request of a kind at a time, kinds side by side, and goes on after a failure', async () => {
		const gate = new OnePerKind();
		const events: string[] = [];
		const release: Record<string, () => void> = {};
		const job = (name: string, fail = false) => async () => {
			events.push(`start ${name}`);
			await new Promise<void>(resolve => {
				release[name] = resolve;
			});
			events.push(`end ${name}`);
			if (fail) throw new Error(name);
			return name;
		};

		const a1 = gate.run('ListOffsets', job('a1', true));
		const a2 = gate.run('ListOffsets', job('a2'));
		const b1 = gate.run('ListGroups', job('b1'));
		await new Promise(resolve => setImmediate(resolve));
		expect(events).toEqual(['start a1', 'start b1']);
		release['a1']!();
		await expect(a1).rejects.toThrow('a1');
		await new Promise(resolve => setImmediate(resolve));
		expect(events).toEqual(['start a1', 'start b1', 'end a1', 'start a2']);
		release['a2']!();
		release['b1']!();
		expect(await Promise.all([a2, b1])).toEqual(['a2', 'b1']);
		expect(gate.busy()).toEqual([]);
	});
});

describe('BrokerBackoff', () => {
	it('doubles per timeout in a row up to the most, and ends with one answer', () => {
		let now = 0;
		const backoff = new BrokerBackoff({first: 4000, max: 10_000}, () => now);
		backoff.timedOut('b:1');
		expect(backoff.current('b:1')).toEqual({address: 'b:1', timeouts: 1, until: 4000, remainingMs: 4000});
		now = 4000;
		expect(backoff.current('b:1')).toBeUndefined();
		backoff.timedOut('b:1');
		expect(backoff.current('b:1')?.remainingMs).toBe(8000);
		backoff.timedOut('b:1');
		expect(backoff.current('b:1')?.remainingMs).toBe(10_000);
		expect(backoff.active().map(entry => entry.address)).toEqual(['b:1']);
		backoff.answered('b:1');
		expect(backoff.current('b:1')).toBeUndefined();
		backoff.timedOut('b:1');
		expect(backoff.current('b:1')?.timeouts).toBe(1);
	});
});

describe('the wire', () => {
	let silent: Awaited<ReturnType<typeof silentBroker>>;
	beforeAll(async () => {
		silent = await silentBroker();
	});
	afterAll(async () => silent.close());

	it('refuses requests that make a broker wait on ZooKeeper while ZooKeeper is in trouble, before connecting', async () => {
		const counters = new LoadCounters();
		let trouble: string | undefined = 'ZooKeeper has no quorum: the brokers cannot apply this; they would hold a request thread until it returns';
		const wire = openWire('127.0.0.1', await deadPort(), 'ktop-test', {connectionTimeoutMs: 200, requestTimeoutMs: 200}, undefined, {counters, zookeeperTrouble: () => trouble});
		for (const attempt of [
			async () => wire.createTopics([{topic: 't', numPartitions: 1, replicationFactor: 1, configEntries: []}], true, 1000),
			async () => wire.deleteTopics(['t'], 1000),
			async () => wire.createPartitions([{topic: 't', count: 2}], true, 1000),
			async () => wire.describeTopicConfigs(['t']),
		]) {
			await expect(attempt()).rejects.toMatchObject({name: 'HeldForZookeeper', message: trouble});
		}

		expect(counters.snapshot()).toEqual({});
		// Reads the broker serves from memory are not held; with ZooKeeper back, neither are the others.
		await expect(wire.describeBrokerConfigs(1)).rejects.not.toMatchObject({name: 'HeldForZookeeper'});
		trouble = undefined;
		await expect(wire.describeTopicConfigs(['t'])).rejects.not.toMatchObject({name: 'HeldForZookeeper'});
		wire.destroy('test over');
	});

	it('once destroyed, sends nothing more and opens no socket', async () => {
		const wire = openWire('127.0.0.1', silent.port, 'ktop-test', {connectionTimeoutMs: 200, requestTimeoutMs: 5000});
		const pending = wire.connect();
		pending.catch(() => undefined);
		await new Promise(resolve => setTimeout(resolve, 100));
		expect(silent.accepted()).toBeGreaterThan(0);
		const accepted = silent.accepted();
		wire.destroy('no reply');
		await expect(pending).rejects.toThrow();
		await expect(wire.connect()).rejects.toThrow('connection closed (no reply)');
		await expect(wire.listGroups()).rejects.toThrow('connection closed (no reply)');
		expect(silent.accepted()).toBe(accepted);
	});
});
