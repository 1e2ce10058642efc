import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {bootstrapServers} from '../../cluster/layout.js';
import {Unready, waitFor} from '../../cluster/wait-for.js';
import {createClusterWriter} from '../../source/cluster/kafka/writer/cluster-writer.js';
import {createWireTap} from '../../source/cluster/kafka/writer/wire-tap.js';
import {openZkSession} from '../../source/cluster/zookeeper/session.js';
import {preferredElectionPath, writeApiKeys, type ClusterWriter} from '../../source/cluster/write-types.js';
import {notCheckedReadOnly} from '../../source/model/actions/dry-run.js';
import {createActionFactory} from '../../source/model/actions/catalog.js';
import type {ClusterSnapshot} from '../../source/model/types.js';
import {localConnection} from '../helpers/watch-cluster.js';
import {actionsFixture, errorsOf, open, previewOf, readOnlyMessage} from './actions-helpers.js';

/**
The fallbacks for brokers older than ktop's usual requests, proven on the 3.9.1 cluster, which still
serves both old mechanisms (AlterConfigs; the election znode in ZooKeeper mode): the writer is told to
treat IncrementalAlterConfigs or ElectLeaders as absent, the actions take the other path, and the
effect is checked with kafkajs' admin, never ktop's own reads.
*/
describe('actions on brokers without their usual request', () => {
	const fx = actionsFixture();
	const writers: ClusterWriter[] = [];
	let snapshot: ClusterSnapshot | undefined;
	/** A factory over a writer that hides `hideApis` from the actions, as a controller of an older Kafka would not offer them. */
	const factoryWithout = (hideApis: number[], options: {readOnly?: boolean; socketFactory?: unknown} = {}) => {
		const writer = createClusterWriter(bootstrapServers, {readOnly: options.readOnly ?? false, socketFactory: options.socketFactory, clientId: 'ktop-fallback-test', hideApis, zookeeper: {connect: localConnection.zookeeper}});
		writers.push(writer);
		return createActionFactory({snapshot: () => snapshot, writer});
	};

	beforeAll(async () => {
		await fx.start();
		snapshot = await fx.refresh();
	});

	afterAll(async () => {
		await Promise.all(writers.map(async writer => writer.close()));
		await fx.cleanUp();
	});

	it('learns the controller\'s API versions from its connection', async () => {
		const apis = await fx.writer.apiVersions();
		expect(apis.get(44)).toMatchObject({min: 0});
		expect(apis.get(43)!.max).toBeGreaterThanOrEqual(0);
		expect(apis.get(33)).toMatchObject({min: 0});
		expect(fx.writer.knownApiVersions()).toBe(apis);
	});

	it('refuses an action the controller does not offer before its preview, naming the Kafka version', async () => {
		const topic = await fx.topic('act-fb-purge', 1);
		snapshot = await fx.refreshWithTopic(topic);
		const purgeless = factoryWithout([21]);
		expect(await errorsOf(open(purgeless, 'purge', {topic}))).toEqual([
			'needs Kafka 0.11+: this cluster\'s controller does not offer DeleteRecords (API key 21), so its brokers run an older Kafka',
		]);
		expect(purgeless('purge', {topic})).toEqual({unavailable: expect.stringMatching(/^needs Kafka 0\.11\+/)});
		expect((await fx.watermarks(topic)).get(0)).toEqual({low: 0, high: 0});
	});

	it('edits configs with AlterConfigs: every override kept, the change applied, the dry run changing nothing', async () => {
		const topic = await fx.topic('act-fb-cfg', 1, {configs: {'retention.ms': '3600000', 'cleanup.policy': 'compact', 'max.message.bytes': '2000000'}});
		snapshot = await fx.refreshWithTopic(topic);
		const preview = await previewOf(open(factoryWithout([44]), 'editConfigs', {topic}), {set: 'segment.bytes=1048576', remove: 'max.message.bytes'});
		expect(preview.lines.at(-1)).toBe('the topic\'s overrides become: cleanup.policy=compact, retention.ms=3600000, segment.bytes=1048576');
		expect(preview.warnings).toContain('this cluster\'s brokers have no IncrementalAlterConfigs (API key 44) (Kafka 2.3+): ktop uses AlterConfigs instead');
		expect(preview.warnings.some(line => line.startsWith('AlterConfigs replaces the topic\'s whole override set'))).toBe(true);
		const overrides = async () => {
			const configs = await fx.admin.describeConfigs({includeSynonyms: false, resources: [{type: 2, name: topic, configNames: []}]});
			return Object.fromEntries(configs.resources[0]!.configEntries.filter(e => !e.isDefault && e.configSource === 1).map(e => [e.configName, e.configValue]));
		};

		expect(await overrides()).toEqual({'retention.ms': '3600000', 'cleanup.policy': 'compact', 'max.message.bytes': '2000000'});
		expect(await preview.apply()).toEqual({status: 'applied', lines: ['segment.bytes = 1048576', 'max.message.bytes: override removed']});
		expect(await overrides()).toEqual({'retention.ms': '3600000', 'cleanup.policy': 'compact', 'segment.bytes': '1048576'});
	});

	it('elects the preferred leader through /admin/preferred_replica_election, and the leader moves', async () => {
		// Created led by broker 2, then reordered to prefer broker 1: the leader stays 2 until an election.
		const topic = await fx.topic('act-fb-elect', 1, {assignment: [[2, 1, 3]]});
		await fx.admin.alterPartitionReassignments({topics: [{topic, partitionAssignment: [{partition: 0, replicas: [1, 2, 3]}]}]});
		snapshot = await fx.refresh('the reordered replicas', s => {
			const p = s.topics.find(t => t.name === topic)?.partitions[0];
			return p?.replicas[0] === 1 && p.leader === 2 && p.isr.length === 3;
		});
		const preview = await previewOf(open(factoryWithout([43]), 'electLeaders', {topic}));
		expect(preview.lines).toEqual([
			`${topic}-0  leader 2 → 1`,
			'1 partition to move',
			'through ZooKeeper: ktop creates /admin/preferred_replica_election with exactly the 1 partition above (refused if an election is already running); the controller elects them and deletes it',
		]);
		expect(await preview.apply()).toEqual({status: 'applied', lines: ['/admin/preferred_replica_election written with 1 partition', `${topic}-0: leader 2 → 1`]});
		await waitFor(async () => {
			const leader = (await fx.admin.fetchTopicMetadata({topics: [topic]})).topics[0]!.partitions[0]!.leader;
			return leader === 1 ? leader : new Unready(`leader ${leader}`);
		}, {timeoutMs: 30_000, what: `${topic}-0 led by 1 in kafkajs' metadata`});
	});

	it('read-only: both fallbacks preview, and applying sends no AlterConfigs and writes no znode', async () => {
		const topic = await fx.topic('act-fb-ro', 1, {assignment: [[2, 1, 3]], configs: {'retention.ms': '3600000'}});
		await fx.admin.alterPartitionReassignments({topics: [{topic, partitionAssignment: [{partition: 0, replicas: [1, 2, 3]}]}]});
		snapshot = await fx.refresh('the reordered replicas', s => {
			const p = s.topics.find(t => t.name === topic)?.partitions[0];
			return p?.replicas[0] === 1 && p.leader === 2 && p.isr.length === 3;
		});
		const tap = createWireTap();
		const factory = factoryWithout([43, 44], {readOnly: true, socketFactory: tap.socketFactory});
		const edit = await previewOf(open(factory, 'editConfigs', {topic}), {set: 'segment.bytes=1048576'});
		expect(edit.warnings).toContain(notCheckedReadOnly);
		expect(await edit.apply()).toEqual({status: 'failed', lines: [readOnlyMessage]});
		const elect = await previewOf(open(factory, 'electLeaders', {topic}));
		expect(await elect.apply()).toEqual({status: 'failed', lines: [readOnlyMessage]});
		expect(tap.apiKeys.filter(apiKey => Object.values(writeApiKeys).includes(apiKey))).toEqual([]);
		const session = await openZkSession(localConnection.zookeeper);
		try {
			expect(await session.getData(preferredElectionPath)).toBeUndefined();
		} finally {
			session.close();
		}

		expect((await fx.admin.fetchTopicMetadata({topics: [topic]})).topics[0]!.partitions[0]!.leader).toBe(2);
	});
});
