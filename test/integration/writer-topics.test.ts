import {ConfigResourceTypes} from 'kafkajs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {kafkaNodes} from '../../cluster/layout.js';
import {Unready, waitFor} from '../../cluster/wait-for.js';
import {openWire} from '../../source/cluster/kafka/kafkajs-wire.js';
import {testKafka} from '../helpers/kafka.js';
import {failureOf, WriterFixture} from './writer-helpers.js';

const admin = testKafka('ktop-writer-topics-test').admin();
const fixture = new WriterFixture(admin);

beforeAll(async () => admin.connect());
afterAll(async () => {
	await fixture.cleanUp();
	await admin.disconnect();
});

/** The topic's own overrides (config_source 1), read by kafkajs' admin. */
async function overridesOf(topic: string): Promise<Record<string, string>> {
	const {resources} = await admin.describeConfigs({includeSynonyms: false, resources: [{type: ConfigResourceTypes.TOPIC, name: topic}]});
	return Object.fromEntries(resources[0]!.configEntries.filter(entry => entry.configSource === 1).map(entry => [entry.configName, entry.configValue]));
}

async function partitionCount(topic: string): Promise<number> {
	const metadata = await admin.fetchTopicMetadata({topics: [topic]});
	return metadata.topics[0]!.partitions.length;
}

async function exists(topic: string): Promise<boolean> {
	return (await admin.listTopics()).includes(topic);
}

describe('the ClusterWriter\'s topic writes, against the local cluster', () => {
	it('checks a new topic without creating it, then creates it with the partitions, replication factor and configs asked for', async () => {
		const writer = fixture.writer();
		const topic = fixture.topicName('ktop-writer-create');
		const spec = {name: topic, partitions: 4, replicationFactor: 2, configs: {'retention.ms': '3600000', 'cleanup.policy': 'compact'}};
		await writer.createTopic(spec, {validateOnly: true});
		expect(await exists(topic)).toBe(false);

		await writer.createTopic(spec, {validateOnly: false});
		// The controller answers once its own broker knows every partition's leader; the others learn moments later.
		const partitions = await waitFor(async () => {
			const metadata = await admin.fetchTopicMetadata({topics: [topic]});
			const found = metadata.topics[0]!.partitions;
			return found.length === 4 && found.every(partition => partition.leader > 0) ? found : new Unready(`${found.length} partitions`);
		}, {timeoutMs: 30_000, what: `${topic} with leaders`});
		expect(partitions.map(partition => partition.partitionId).sort()).toEqual([0, 1, 2, 3]);
		for (const partition of partitions) {
			expect(partition.replicas).toHaveLength(2);
			expect(partition.leader).toBeGreaterThan(0);
		}

		expect(await overridesOf(topic)).toEqual({'retention.ms': '3600000', 'cleanup.policy': 'compact'});
	});

	it('refuses a topic that exists, a replication factor above the brokers alive, a bad name, an unknown config and a bad config value, creating nothing', async () => {
		const writer = fixture.writer();
		const existing = await fixture.topic('ktop-writer-exists', 1);
		const fresh = fixture.topicName('ktop-writer-refused');

		expect(await failureOf(writer.createTopic({name: existing, partitions: 1, replicationFactor: 1, configs: {}}, {validateOnly: false}))).toEqual({
			code: 'TOPIC_ALREADY_EXISTS',
			message: `a topic named ${existing} already exists`,
			next: `pick another name, or add partitions to ${existing} instead`,
			detail: `Topic '${existing}' already exists.`,
		});

		for (const validateOnly of [true, false]) {
			expect(await failureOf(writer.createTopic({name: fresh, partitions: 1, replicationFactor: 4, configs: {}}, {validateOnly}))).toMatchObject({
				code: 'INVALID_REPLICATION_FACTOR',
				message: 'replication factor 4 is more than the 3 brokers alive',
				next: 'use at most 3, or bring the missing brokers back first',
				detail: 'Replication factor: 4 larger than available brokers: 3.',
			});
		}

		expect(await failureOf(writer.createTopic({name: 'ktop writer bad name', partitions: 1, replicationFactor: 1, configs: {}}, {validateOnly: false}))).toMatchObject({
			code: 'INVALID_TOPIC_EXCEPTION',
			message: '"ktop writer bad name" is not a valid topic name',
		});
		expect(await failureOf(writer.createTopic({name: fresh, partitions: 1, replicationFactor: 1, configs: {'ktop.no.such.config': '1'}}, {validateOnly: false}))).toMatchObject({
			code: 'INVALID_CONFIG',
			message: 'a config name or value was refused',
			detail: 'Unknown topic config name: ktop.no.such.config',
		});
		expect(await failureOf(writer.createTopic({name: fresh, partitions: 1, replicationFactor: 1, configs: {'retention.ms': 'a week'}}, {validateOnly: false}))).toMatchObject({
			code: 'INVALID_CONFIG',
			detail: expect.stringContaining('Invalid value a week for configuration retention.ms') as string,
		});
		expect(await failureOf(writer.createTopic({name: fresh, partitions: 0, replicationFactor: 1, configs: {}}, {validateOnly: false}))).toMatchObject({
			code: 'INVALID_PARTITIONS',
			message: '0 is not a valid partition count',
		});
		expect(await exists(fresh)).toBe(false);
		expect(await exists('ktop writer bad name')).toBe(false);
	});

	it('grows a topic\'s partitions, checks without growing, and refuses to shrink it', async () => {
		const writer = fixture.writer();
		const topic = await fixture.topic('ktop-writer-grow', 3);
		await writer.createPartitions(topic, 5, {validateOnly: true});
		expect(await partitionCount(topic)).toBe(3);

		await writer.createPartitions(topic, 5, {validateOnly: false});
		await waitFor(async () => {
			const count = await partitionCount(topic);
			return count === 5 ? true : new Unready(`${count} partitions`);
		}, {timeoutMs: 30_000, what: `${topic} to have 5 partitions`});

		// The words name the current count only when this call's metadata read has caught up with the growth.
		expect(await failureOf(writer.createPartitions(topic, 4, {validateOnly: false}))).toMatchObject({
			code: 'INVALID_PARTITIONS',
			message: expect.stringContaining('partitions can only be added, never removed') as string,
			detail: 'Topic currently has 5 partitions, which is higher than the requested 4.',
		});
		await waitFor(async () => ((await writer.readPartitions([topic])).length === 5 ? true : new Unready('the writer\'s metadata still lags')), {timeoutMs: 30_000, what: 'every broker to know of 5 partitions'});
		expect(await failureOf(writer.createPartitions(topic, 4, {validateOnly: false}))).toEqual({
			code: 'INVALID_PARTITIONS',
			message: `${topic} has 5 partitions, and partitions can only be added, never removed`,
			next: 'ask for more than 5, or create a new topic and move the data',
			detail: 'Topic currently has 5 partitions, which is higher than the requested 4.',
		});
		expect(await failureOf(writer.createPartitions(topic, 5, {validateOnly: true}))).toMatchObject({code: 'INVALID_PARTITIONS', detail: 'Topic already has 5 partitions.'});
		expect(await failureOf(writer.createPartitions(fixture.topicName('ktop-writer-nothing'), 5, {validateOnly: false}))).toMatchObject({code: 'UNKNOWN_TOPIC_OR_PARTITION'});
		expect(await partitionCount(topic)).toBe(5);
	});

	it('sets and removes only the configs named, leaving the topic\'s other overrides as they are', async () => {
		const writer = fixture.writer();
		const topic = fixture.topicName('ktop-writer-configs');
		await admin.createTopics({waitForLeaders: true, topics: [{topic, numPartitions: 1, replicationFactor: 3, configEntries: [
			{name: 'retention.ms', value: '3600000'}, {name: 'max.message.bytes', value: '200000'}, {name: 'min.cleanable.dirty.ratio', value: '0.3'},
		]}]});

		const changes = [{name: 'retention.ms', value: '7200000'}, {name: 'max.message.bytes', value: undefined}, {name: 'segment.ms', value: '600000'}];
		await writer.alterTopicConfigs(topic, changes, {validateOnly: true});
		expect(await overridesOf(topic)).toEqual({'retention.ms': '3600000', 'max.message.bytes': '200000', 'min.cleanable.dirty.ratio': '0.3'});

		await writer.alterTopicConfigs(topic, changes, {validateOnly: false});
		await waitFor(async () => {
			const overrides = await overridesOf(topic);
			return overrides['retention.ms'] === '7200000' ? overrides : new Unready(JSON.stringify(overrides));
		}, {timeoutMs: 30_000, what: 'the new retention.ms'});
		expect(await overridesOf(topic)).toEqual({'retention.ms': '7200000', 'segment.ms': '600000', 'min.cleanable.dirty.ratio': '0.3'});

		expect(await failureOf(writer.alterTopicConfigs(topic, [{name: 'ktop.no.such.config', value: '1'}], {validateOnly: false}))).toMatchObject({
			code: 'INVALID_CONFIG',
			detail: 'Unknown topic config name: ktop.no.such.config',
		});
		expect(await failureOf(writer.alterTopicConfigs(topic, [{name: 'retention.ms', value: 'a week'}], {validateOnly: false}))).toMatchObject({
			code: 'INVALID_CONFIG',
			detail: expect.stringContaining('Invalid value a week for configuration retention.ms') as string,
		});
		expect(await failureOf(writer.alterTopicConfigs(fixture.topicName('ktop-writer-nothing'), [{name: 'retention.ms', value: '1'}], {validateOnly: false}))).toMatchObject({
			code: 'UNKNOWN_TOPIC_OR_PARTITION',
		});
		expect(await overridesOf(topic)).toEqual({'retention.ms': '7200000', 'segment.ms': '600000', 'min.cleanable.dirty.ratio': '0.3'});
	});

	it('describes a topic\'s configs with the source of each, as kafkajs\' admin reads them', async () => {
		const writer = fixture.writer();
		const topic = fixture.topicName('ktop-writer-describe');
		await admin.createTopics({waitForLeaders: true, topics: [{topic, numPartitions: 1, replicationFactor: 3, configEntries: [{name: 'retention.ms', value: '3600000'}]}]});
		const ours = await writer.describeTopicConfigs(topic);
		const {resources} = await admin.describeConfigs({includeSynonyms: false, resources: [{type: ConfigResourceTypes.TOPIC, name: topic}]});
		const sourceNames: Record<number, string> = {1: 'topic', 2: 'broker', 3: 'broker', 4: 'broker', 5: 'default'};
		const theirs = resources[0]!.configEntries
			.map(entry => ({name: entry.configName, value: entry.configValue ?? undefined, source: sourceNames[entry.configSource] ?? 'other', readOnly: entry.readOnly, sensitive: entry.isSensitive}))
			.sort((a, b) => (a.name < b.name ? -1 : 1));
		expect(ours).toEqual(theirs);
		expect(ours.find(entry => entry.name === 'retention.ms')).toMatchObject({value: '3600000', source: 'topic'});
		// server.properties sets min.insync.replicas (cluster/config-files.ts): the broker's, not Kafka's default.
		expect(ours.find(entry => entry.name === 'min.insync.replicas')).toMatchObject({value: '1', source: 'broker'});
		expect(ours.find(entry => entry.name === 'cleanup.policy')).toMatchObject({value: 'delete', source: 'default'});
		expect(await failureOf(writer.describeTopicConfigs(fixture.topicName('ktop-writer-nothing')))).toMatchObject({code: 'UNKNOWN_TOPIC_OR_PARTITION'});
	});

	it('reads partitions as kafkajs\' admin does, and refuses a topic that does not exist', async () => {
		const writer = fixture.writer();
		const topic = await fixture.topic('ktop-writer-read', 3);
		const ours = await writer.readPartitions([topic]);
		const metadata = await admin.fetchTopicMetadata({topics: [topic]});
		expect(ours).toEqual(metadata.topics[0]!.partitions
			.map(partition => ({topic, partition: partition.partitionId, leader: partition.leader, replicas: partition.replicas, isr: partition.isr}))
			.sort((a, b) => a.partition - b.partition));
		expect(await failureOf(writer.readPartitions([topic, fixture.topicName('ktop-writer-nothing')]))).toMatchObject({code: 'UNKNOWN_TOPIC_OR_PARTITION'});
	});

	it('is turned away with NOT_CONTROLLER by a broker that is not the controller, which is what the writer retries on', async () => {
		const {controller} = await admin.describeCluster();
		const other = kafkaNodes.find(node => node.id !== controller)!;
		const wire = openWire('127.0.0.1', other.port, 'ktop-writer-test', {connectionTimeoutMs: 3000, requestTimeoutMs: 10_000});
		try {
			await wire.connect();
			const topic = fixture.topicName('ktop-writer-not-controller');
			const reply = await wire.createTopics([{topic, numPartitions: 1, replicationFactor: 1, configEntries: []}], true, 5000);
			expect(reply.topicErrors).toEqual([{topic, errorCode: 41, errorMessage: expect.any(String) as string}]);
		} finally {
			await wire.disconnect();
		}
	});

	it('deletes a topic, and says so when there is no such topic', async () => {
		const writer = fixture.writer();
		const topic = await fixture.topic('ktop-writer-delete', 2);
		await writer.deleteTopic(topic);
		await waitFor(async () => (await exists(topic) ? new Unready('still listed') : true), {timeoutMs: 30_000, what: `${topic} to be gone`});
		expect(await failureOf(writer.deleteTopic(topic))).toEqual({
			code: 'UNKNOWN_TOPIC_OR_PARTITION',
			message: `${topic} does not exist`,
			next: 'refresh: it may have just been deleted or not be created yet',
			detail: undefined,
		});
	});
});
