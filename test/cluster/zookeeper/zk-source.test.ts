import {afterEach, describe, expect, it} from 'vitest';
import {createZkSource, type ZkSource} from '../../../source/cluster/zookeeper/zk-source.js';
import {fixture} from '../../helpers/fixture.js';
import {fakeKafka} from './fake-kafka.js';
import {closeFakeServers, fakeFourLetterServer} from './fake-servers.js';

const sources: ZkSource[] = [];
afterEach(async () => {
	for (const source of sources.splice(0)) source.close();
	await closeFakeServers();
});

const srvr = fixture('4lw/srvr-follower-2181.txt');
const mntr = fixture('4lw/mntr-follower-2181.txt');

describe('createZkSource', () => {
	it('reports every server, and Kafka\'s znodes through the session', async () => {
		const port = await fakeFourLetterServer({srvr, mntr});
		const tree = fakeKafka({orders: {partitions: 3}});
		tree.config = `server.1=127.0.0.1:2888:3888:participant;127.0.0.1:${port}\nversion=0`;
		const source = createZkSource(`127.0.0.1:${port}`, {openSession: async () => tree.openSession()});
		sources.push(source);

		const first = await source.read();
		expect(first.errors).toEqual([]);
		expect(first.servers.map(server => [server.address, server.id, server.probe.state])).toEqual([[`127.0.0.1:${port}`, 1, 'serving']]);
		expect(first.kafka?.topics.map(topic => topic.name)).toEqual(['orders']);
		expect(first.stats).toMatchObject({fullRead: true, znodesRead: 9 + 3 + 2 + 3});

		const second = await source.read();
		expect(second.stats).toMatchObject({fullRead: false, znodesRead: 0});
		expect(second.kafka).toEqual(first.kafka);
	});

	it('still probes each server when no session can be had, and says why Kafka is missing', async () => {
		const port = await fakeFourLetterServer({srvr, mntr});
		const source = createZkSource(`127.0.0.1:${port}`, {
			async openSession() {
				throw new Error('could not open a ZooKeeper session with 127.0.0.1 within 5 s');
			},
		});
		sources.push(source);
		const result = await source.read();
		expect(result.kafka).toBeUndefined();
		expect(result.errors).toEqual([{source: 'zookeeper', message: 'could not open a ZooKeeper session with 127.0.0.1 within 5 s'}]);
		expect(result.servers.map(server => server.probe.state)).toEqual(['serving']);
	});

	it('probes, in the same read, a member the ensemble config names for the first time', async () => {
		const listed = await fakeFourLetterServer({srvr, mntr});
		const hidden = await fakeFourLetterServer({srvr, mntr});
		const tree = fakeKafka();
		tree.config = [
			`server.1=127.0.0.1:2888:3888:participant;127.0.0.1:${listed}`,
			`server.2=127.0.0.1:2889:3889:participant;127.0.0.1:${hidden}`,
		].join('\n');
		const source = createZkSource(`127.0.0.1:${listed}`, {openSession: async () => tree.openSession()});
		sources.push(source);
		const {servers} = await source.read();
		expect(servers.map(server => [server.id, server.inConnectString, server.probe.state])).toEqual([
			[1, true, 'serving'],
			[2, false, 'serving'],
		]);
	});

	it('refuses a malformed connect string at once', () => {
		expect(() => createZkSource('')).toThrow('the ZooKeeper connect string is empty');
	});
});
