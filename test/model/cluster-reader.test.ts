import {describe, expect, it} from 'vitest';
import type {KafkaSource} from '../../source/cluster/kafka/kafka-source.js';
import type {BrokerRegistration} from '../../source/cluster/types.js';
import type {ZkSource, ZkSourceOptions, ZkSourceRead} from '../../source/cluster/zookeeper/zk-source.js';
import {openClusterReader} from '../../source/model/cluster-reader.js';
import {healthyEnsemble, kafkaView, registration, zkKafkaView} from './fixtures.js';

/** A promise that settles when told to. */
function hold(): {promise: Promise<void>; release: () => void} {
	let release: () => void = () => undefined;
	const promise = new Promise<void>(resolve => {
		release = resolve;
	});
	return {promise, release};
}

const registrations = [1, 2, 3].map(id => registration(id));
const zkRead = (): ZkSourceRead => ({
	servers: healthyEnsemble(), kafka: zkKafkaView({registrations}), errors: [], stats: {fullRead: true, znodesRead: 20, elapsedMs: 5},
});

/**
A ZooKeeper source whose read names the brokers part way (as the walk does once their
registrations are in, when `early`), then waits for `rest` before it ends.
*/
function fakeZookeeper(steps: {early: boolean; rest?: Promise<void>}) {
	const log: string[] = [];
	let hook: ZkSourceOptions['onRegistrations'];
	const open = (_connect: string, options: ZkSourceOptions): ZkSource => {
		hook = options.onRegistrations;
		return {
			async read() {
				log.push('zookeeper read starts');
				if (steps.early) hook?.(registrations);
				await steps.rest;
				log.push('zookeeper read ends');
				return zkRead();
			},
			close() {
				log.push('zookeeper closed');
			},
		};
	};

	return {log, open, hook: (regs: BrokerRegistration[]) => hook?.(regs)};
}

function fakeKafka(log: string[], options: {fails?: boolean} = {}) {
	const opened: string[][] = [];
	const open = (bootstrap: string[]): KafkaSource => {
		opened.push(bootstrap);
		return {
			async read() {
				log.push('kafka read starts');
				if (options.fails) throw new Error('no broker answered');
				return kafkaView();
			},
			async probeBrokers(brokers) {
				return new Map(brokers.map(broker => [broker.id, {reachable: true}]));
			},
			async close() {
				log.push('kafka closed');
			},
		};
	};

	return {opened, open};
}

describe('openClusterReader', () => {
	it('reads the brokers beside ZooKeeper, not after it', async () => {
		const rest = hold();
		const zookeeper = fakeZookeeper({early: false, rest: rest.promise});
		const kafka = fakeKafka(zookeeper.log);
		const reader = openClusterReader({zookeeper: 'zk:2181', bootstrap: ['b:9092']}, {openZookeeper: zookeeper.open, openKafka: kafka.open});
		const reading = reader.read();
		await Promise.resolve();
		expect(zookeeper.log).toEqual(['kafka read starts', 'zookeeper read starts']);

		rest.release();
		const input = await reading;
		expect(input.errors).toEqual([]);
		expect([input.zkKafka?.clusterId, input.kafka?.clusterId, input.brokerProbes?.size]).toEqual(['zk-cluster', 'meta-cluster', 3]);
		expect(kafka.opened).toEqual([['b:9092']]);
	});

	it('given only ZooKeeper, starts on the brokers as soon as their registrations are in', async () => {
		const rest = hold();
		const zookeeper = fakeZookeeper({early: true, rest: rest.promise});
		const kafka = fakeKafka(zookeeper.log);
		const reader = openClusterReader({zookeeper: 'zk:2181', bootstrap: undefined}, {openZookeeper: zookeeper.open, openKafka: kafka.open});
		const reading = reader.read();
		await Promise.resolve();
		expect(zookeeper.log).toEqual(['zookeeper read starts', 'kafka read starts']);
		expect(kafka.opened).toEqual([['127.0.0.1:9092', '127.0.0.1:9093', '127.0.0.1:9094']]);

		rest.release();
		const input = await reading;
		expect(zookeeper.log).toEqual(['zookeeper read starts', 'kafka read starts', 'zookeeper read ends']);
		expect(input.connection.bootstrap).toEqual(['127.0.0.1:9092', '127.0.0.1:9093', '127.0.0.1:9094']);
		expect(input.kafka?.clusterId).toBe('meta-cluster');

		// The next refresh reads both side by side, through the same brokers' source.
		zookeeper.log.length = 0;
		await reader.read();
		expect(zookeeper.log).toEqual(['kafka read starts', 'zookeeper read starts', 'zookeeper read ends']);
		expect(kafka.opened).toHaveLength(1);
	});

	it('given only ZooKeeper and no early word (a pass that found nothing changed), finds the brokers after the read', async () => {
		const zookeeper = fakeZookeeper({early: false});
		const kafka = fakeKafka(zookeeper.log);
		const reader = openClusterReader({zookeeper: 'zk:2181', bootstrap: undefined}, {openZookeeper: zookeeper.open, openKafka: kafka.open});
		const input = await reader.read();
		expect(zookeeper.log).toEqual(['zookeeper read starts', 'zookeeper read ends', 'kafka read starts']);
		expect(input.kafka?.clusterId).toBe('meta-cluster');
	});

	it('starts nothing on word from a ZooKeeper read given up on, between refreshes', async () => {
		const zookeeper = fakeZookeeper({early: false});
		const kafka = fakeKafka(zookeeper.log);
		openClusterReader({zookeeper: 'zk:2181', bootstrap: undefined}, {openZookeeper: zookeeper.open, openKafka: kafka.open});
		zookeeper.hook(registrations);
		expect(kafka.opened).toEqual([]);
	});

	it('keeps a failed brokers\' read as an error beside what ZooKeeper said', async () => {
		const zookeeper = fakeZookeeper({early: true});
		const kafka = fakeKafka(zookeeper.log, {fails: true});
		const reader = openClusterReader({zookeeper: 'zk:2181', bootstrap: undefined}, {openZookeeper: zookeeper.open, openKafka: kafka.open});
		const input = await reader.read();
		expect(input.errors).toEqual([{source: 'kafka', message: 'no broker answered'}]);
		expect(input.kafka).toBeUndefined();
		expect(input.zkKafka?.registrations).toHaveLength(3);
	});
});
