/*
Measures createKafkaSource().read() on the local cluster, as it is and with extra load it creates
and removes again (topics and groups named ktop-measure-*). A script, not a test: numbers to read.

	npx tsx test/integration/kafka-source-measure.ts [topics=200] [partitions=5] [groups=500] [replication=3]

Reports cold and warm read times, the longest the event loop was held during reads, and, for
comparison, kafkajs' admin.fetchTopicOffsets over the same topics (one call per topic).
*/

import {createRequire} from 'node:module';
import {monitorEventLoopDelay} from 'node:perf_hooks';
import {bootstrapServers} from '../../cluster/layout.js';
import {mapLimit} from '../../source/cluster/map-limit.js';
import {BrokerConnections} from '../../source/cluster/kafka/broker-connections.js';
import {createKafkaSource} from '../../source/cluster/kafka/kafka-source.js';
import {readGroups} from '../../source/cluster/kafka/read-groups.js';
import {readWatermarks} from '../../source/cluster/kafka/read-watermarks.js';
import {translateMetadata} from '../../source/cluster/kafka/translate-metadata.js';
import type {KafkaView} from '../../source/cluster/types.js';
import {testKafka} from '../helpers/kafka.js';

const [topicCount = 200, partitionCount = 5, groupCount = 500, replication = 3] = process.argv.slice(2).map(Number);
const prefix = `ktop-measure-${Date.now().toString(36)}`;
const kafka = testKafka('ktop-measure');
const admin = kafka.admin();

function summary(view: KafkaView): string {
	const partitions = view.topics.reduce((sum, topic) => sum + topic.partitions.length, 0);
	return `${view.topics.length} topics, ${partitions} partitions, ${view.groups.length} groups, ${view.errors.length} errors`;
}

async function measure(label: string, reads = 10): Promise<void> {
	const source = createKafkaSource(bootstrapServers);
	const loop = monitorEventLoopDelay({resolution: 5});
	try {
		let started = performance.now();
		const cold = await source.read();
		const coldMs = performance.now() - started;
		loop.enable();
		const times: number[] = [];
		let view = cold;
		for (let i = 0; i < reads; i++) {
			started = performance.now();
			view = await source.read();
			times.push(performance.now() - started);
		}

		loop.disable();
		times.sort((a, b) => a - b);
		console.log(`${label}: ${summary(view)}`);
		console.log(`  cold read ${coldMs.toFixed(0)} ms; warm reads (${reads}) min ${times[0]!.toFixed(0)} / median ${times[Math.floor(reads / 2)]!.toFixed(0)} / max ${times.at(-1)!.toFixed(0)} ms`);
		console.log(`  event loop held at most ${(loop.max / 1e6).toFixed(0)} ms at a time (p99 ${(loop.percentile(99) / 1e6).toFixed(0)} ms)`);
		if (view.errors.length > 0) console.log(`  errors: ${JSON.stringify(view.errors.slice(0, 5))}`);
	} finally {
		await source.close();
	}

	await phases();
}

/** The parts of one warm read, each alone (in read() the last three run side by side). */
async function phases(): Promise<void> {
	const connections = new BrokerConnections(bootstrapServers, {clientId: 'ktop-measure', requestTimeoutMs: 3000, connectionTimeoutMs: 2000, roundTimeoutMs: 60_000});
	try {
		await connections.readMetadata(connections.round());
		const round = connections.round();
		const time = async (work: () => Promise<unknown>) => {
			const started = performance.now();
			await work();
			return `${(performance.now() - started).toFixed(0)} ms`;
		};

		let metadata = translateMetadata(await connections.readMetadata(round));
		const parts = {
			metadata: await time(async () => {
				metadata = translateMetadata(await connections.readMetadata(round));
			}),
			watermarks: await time(async () => readWatermarks(round, metadata.topics, {concurrency: 8, maxPartitionsPerRequest: 1000})),
			groups: await time(async () => readGroups(round, metadata.brokers.map(broker => broker.id), {concurrency: 8, batchSize: 50})),
		};
		console.log(`  parts alone: ${Object.entries(parts).map(([part, ms]) => `${part} ${ms}`).join(', ')}`);
	} finally {
		await connections.close();
	}
}

await admin.connect();
const topics = Array.from({length: topicCount}, (_, i) => `${prefix}-${String(i).padStart(4, '0')}`);
const groups = Array.from({length: groupCount}, (_, i) => `${prefix}-group-${String(i).padStart(4, '0')}`);
try {
	await measure('current cluster');

	let started = performance.now();
	for (let i = 0; i < topics.length; i += 50) {
		await admin.createTopics({waitForLeaders: true, topics: topics.slice(i, i + 50).map(topic => ({topic, numPartitions: partitionCount, replicationFactor: replication}))});
	}

	const producer = kafka.producer();
	await producer.connect();
	await mapLimit(topics, 16, async topic => producer.send({topic, messages: Array.from({length: partitionCount}, (_, i) => ({partition: i, value: 'x'}))}));
	await producer.disconnect();
	// Groups that committed offsets on two topics each: how a fleet of idle consumers looks to ktop.
	await commitAsIdleGroups(groups, (_, i) => [topics[i % topics.length]!, topics[(i * 7 + 3) % topics.length]!], partitionCount);
	console.log(`created ${topicCount} topics × ${partitionCount} partitions (RF ${replication}) and ${groupCount} groups in ${((performance.now() - started) / 1000).toFixed(1)} s`);

	await measure(`with ${topicCount} × ${partitionCount} and ${groupCount} groups added`);

	// Sequential: kafkajs' fetchTopicOffsets breaks when called concurrently (its shared metadata targets).
	started = performance.now();
	for (const topic of topics) await admin.fetchTopicOffsets(topic);
	console.log(`for comparison, kafkajs admin.fetchTopicOffsets over the ${topicCount} new topics, one after another: ${(performance.now() - started).toFixed(0)} ms for watermarks alone`);
} finally {
	const started = performance.now();
	for (let i = 0; i < groups.length; i += 100) await admin.deleteGroups(groups.slice(i, i + 100)).catch(() => undefined);
	const created = new Set(await admin.listTopics());
	await admin.deleteTopics({topics: topics.filter(topic => created.has(topic))}).catch((error: Error) => console.log(`deleteTopics: ${error.message}`));
	console.log(`removed them in ${((performance.now() - started) / 1000).toFixed(1)} s`);
	await admin.disconnect();
}

/**
Commits offsets the way a standalone consumer does (generation -1, no member), one OffsetCommit per
group at its coordinator. admin.setOffsets runs a whole consumer join per call: minutes for 500 groups.
*/
async function commitAsIdleGroups(groups: string[], topicsOf: (groupId: string, index: number) => string[], partitions: number): Promise<void> {
	type LowLevel = {
		connect(): Promise<void>;
		disconnect(): Promise<void>;
		findGroupCoordinator(request: {groupId: string; coordinatorType: number}): Promise<{coordinator: {nodeId: number}}>;
		offsetCommit(request: {groupId: string; groupGenerationId: number; memberId: string; topics: Array<{topic: string; partitions: Array<{partition: number; offset: string}>}>}): Promise<unknown>;
	};
	const require = createRequire(import.meta.url);
	const Broker = require('kafkajs/src/broker') as new (options: object) => LowLevel;
	const ConnectionPool = require('kafkajs/src/network/connectionPool') as new (options: object) => unknown;
	const logger = (require('kafkajs/src/loggers') as {createLogger: (options: object) => unknown}).createLogger({level: 0, logCreator: () => () => undefined});
	const socketFactory = (require('kafkajs/src/network/socketFactory') as () => unknown)();
	const brokers = new Map<number, Promise<LowLevel>>();
	const brokerFor = async (id: number) => {
		let broker = brokers.get(id);
		if (!broker) {
			const created = new Broker({
				connectionPool: new ConnectionPool({host: '127.0.0.1', port: 9091 + id, clientId: 'ktop-measure', socketFactory, connectionTimeout: 3000, requestTimeout: 10_000, enforceRequestTimeout: true, logger}),
				logger, allowAutoTopicCreation: false,
			});
			broker = created.connect().then(() => created);
			brokers.set(id, broker);
		}

		return broker;
	};

	const any = await brokerFor(1);
	await mapLimit(groups, 16, async (groupId, index) => {
		const {coordinator} = await any.findGroupCoordinator({groupId, coordinatorType: 0});
		await (await brokerFor(coordinator.nodeId)).offsetCommit({
			groupId, groupGenerationId: -1, memberId: '',
			topics: topicsOf(groupId, index).map(topic => ({topic, partitions: Array.from({length: partitions}, (_, partition) => ({partition, offset: '1'}))})),
		});
	});
	await Promise.all([...brokers.values()].map(async broker => (await broker).disconnect()));
}
