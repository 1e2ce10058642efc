import {randomBytes} from 'node:crypto';
import type ZooKeeper from 'zookeeper';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {zookeeperConnect} from '../cluster/layout.js';
import {mapLimit} from '../source/cluster/map-limit.js';
import {createZkSource, type ZkSource} from '../source/cluster/zookeeper/zk-source.js';
import {zookeeperWriter} from '../test/helpers/zookeeper-writer.js';

/**
ktop's target scale, 10,000 partitions, written as Kafka would lay it out under a chroot of its
own (no broker reads it), so the watched cache can be measured against the real ensemble
without creating 10,000 real partitions. It writes some 20,000 znodes to the shared ensemble
and deletes them afterwards, so it is a benchmark (npm run bench:zk-scale), not part of npm test.
*/

const topics = 100;
const partitionsPerTopic = 100;
const chroot = `/ktop-scale-${randomBytes(4).toString('hex')}`;

const topicName = (index: number) => `t${String(index).padStart(3, '0')}`;
const stateOf = (leader: number, epoch: number) => JSON.stringify({controller_epoch: 3, leader, version: 1, leader_epoch: epoch, isr: [1, 2, 3]});

describe(`createZkSource at ${topics * partitionsPerTopic} partitions`, () => {
	let client: ZooKeeper;
	let zk: ZkSource;

	beforeAll(async () => {
		client = await zookeeperWriter();
		const started = performance.now();
		const fixed: Array<[string, string]> = [
			[chroot, ''], [`${chroot}/cluster`, ''], [`${chroot}/cluster/id`, '{"version":"1","id":"scaleScaleScaleScale00"}'],
			[`${chroot}/controller`, '{"version":2,"brokerid":1,"timestamp":"1795293201327","kraftControllerEpoch":-1}'],
			[`${chroot}/controller_epoch`, '3'], [`${chroot}/brokers`, ''], [`${chroot}/brokers/ids`, ''],
			[`${chroot}/brokers/topics`, ''], [`${chroot}/config`, ''], [`${chroot}/config/topics`, ''],
			[`${chroot}/admin`, ''], [`${chroot}/admin/delete_topics`, ''],
			...[1, 2, 3].map(id => [`${chroot}/brokers/ids/${id}`, JSON.stringify({endpoints: [`PLAINTEXT://127.0.0.1:${9091 + id}`], rack: null, jmx_port: -1, version: 5, timestamp: '1795293201293'})] as [string, string]),
		];
		for (const [path, data] of fixed) await client.create(path, data, 0);

		const assignment = JSON.stringify({
			partitions: Object.fromEntries(Array.from({length: partitionsPerTopic}, (_, partition) => [String(partition), [1, 2, 3]])),
			topic_id: 'AAAAAAAAAAAAAAAAAAAAAA', adding_replicas: {}, removing_replicas: {}, version: 3,
		});
		const indexes = Array.from({length: topics}, (_, index) => index);
		await mapLimit(indexes, 32, async index => {
			const topic = `${chroot}/brokers/topics/${topicName(index)}`;
			await client.create(topic, assignment, 0);
			await client.create(`${chroot}/config/topics/${topicName(index)}`, '{"version":1,"config":{"min.insync.replicas":"2"}}', 0);
			await client.create(`${topic}/partitions`, '', 0);
			await mapLimit(Array.from({length: partitionsPerTopic}, (_, partition) => partition), 8, async partition => {
				await client.create(`${topic}/partitions/${partition}`, '', 0);
				await client.create(`${topic}/partitions/${partition}/state`, stateOf(1 + (partition % 3), 0), 0);
			});
		});
		console.log(`[zookeeper-source-scale] wrote ${topics} topics x ${partitionsPerTopic} partitions under ${chroot} in ${Math.round(performance.now() - started)} ms`);
		zk = createZkSource(`${zookeeperConnect}${chroot}`, {readTimeoutMs: 60_000});
	}, 300_000);

	afterAll(async () => {
		zk?.close();
		if (!client) return;
		const remove = async (path: string): Promise<void> => {
			const children = await client.get_children(path, false).catch(() => []) as string[];
			await mapLimit(children, 64, async child => remove(`${path}/${child}`));
			await client.delete_(path, -1).catch(() => undefined);
		};

		await remove(chroot);
		client.close();
	}, 300_000);

	it('reads every partition once, then from the cache, then only what changed', async () => {
		const time = async () => {
			const started = performance.now();
			const result = await zk.read();
			return {result, ms: Math.round(performance.now() - started)};
		};

		const first = await time();
		expect(first.result.errors).toEqual([]);
		expect(first.result.kafka?.topics.reduce((sum, topic) => sum + topic.states.length, 0)).toBe(topics * partitionsPerTopic);
		const second = await time();

		await client.set(`${chroot}/brokers/topics/${topicName(42)}/partitions/17/state`, stateOf(3, 1), -1);
		await client.set(`${chroot}/controller`, '{"version":2,"brokerid":2,"timestamp":"1795293300000","kraftControllerEpoch":-1}', -1);
		// The watches fire asynchronously; a read right after the write may come just before them.
		let third = await time();
		for (let attempt = 0; third.result.stats.znodesRead === 0 && attempt < 20; attempt++) third = await time();
		const fourth = await time();

		console.log(`[zookeeper-source-scale] first read ${first.ms} ms (${first.result.stats.znodesRead} znodes), `
			+ `second ${second.ms} ms (${second.result.stats.znodesRead}), after two changes ${third.ms} ms (${third.result.stats.znodesRead}), `
			+ `then ${fourth.ms} ms (${fourth.result.stats.znodesRead})`);
		expect(second.result.stats.znodesRead).toBe(0);
		expect(third.result.stats.znodesRead + fourth.result.stats.znodesRead).toBe(2);
		expect(fourth.result.kafka?.controller?.brokerId).toBe(2);
		expect(fourth.result.kafka?.topics[42]?.states[17]).toMatchObject({leader: 3, leaderEpoch: 1});
	});
});
