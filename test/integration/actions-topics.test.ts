import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {Unready, waitFor} from '../../cluster/wait-for.js';
import {WriteError} from '../../source/cluster/write-types.js';
import {notCheckedReadOnly} from '../../source/model/actions/dry-run.js';
import {bootstrapServers} from '../../cluster/layout.js';
import {commitGroupOffsets, testKafka} from '../helpers/kafka.js';
import {actionsFixture, errorsOf, kcatRead, open, previewOf, readOnlyMessage} from './actions-helpers.js';

/**
Every topic action against the real cluster, through the real reader and writer: the effect is
checked with kafkajs' admin or kcat (never ktop's own reads), the dry run's plan is what gets
applied, and a read-only writer changes nothing.
*/
describe('topic actions against the real cluster', () => {
	const fx = actionsFixture();

	beforeAll(async () => {
		await fx.start();
		await fx.refresh();
	});

	afterAll(async () => fx.cleanUp());

	describe('create topic', () => {
		it('creates what the preview shows, after a dry run that creates nothing', async () => {
			const name = fx.name('act-create');
			const preview = await previewOf(open(fx.factory, 'createTopic'), {name, partitions: '4', replicationFactor: '2', configs: 'retention.ms=3600000,cleanup.policy=[compact,delete]'});
			expect(preview.typed).toBeUndefined();
			const {clusterId} = await fx.refresh();
			expect(clusterId).toBeDefined();
			expect(preview.target).toEqual({clusterId, connection: `bootstrap ${bootstrapServers.join(',')}`});
			expect(preview.lines).toEqual([
				`name                ${name}`, 'partitions          4', 'replication factor  2', 'retention.ms        3600000', 'cleanup.policy      compact,delete',
			]);
			expect(await fx.admin.listTopics()).not.toContain(name);

			expect(await preview.apply()).toEqual({status: 'applied', lines: [`created topic ${name}: 4 partitions, replication factor 2`]});
			// The controller answers once the topic exists; the other brokers' metadata follows a moment later.
			const replicas = await waitFor(async () => {
				const metadata = await fx.admin.fetchTopicMetadata({topics: [name]});
				return metadata.topics[0]!.partitions.map(p => p.replicas.length).sort();
			}, {timeoutMs: 30_000, what: `${name} in the metadata`});
			expect(replicas).toEqual([2, 2, 2, 2]);
			const configs = await fx.admin.describeConfigs({includeSynonyms: false, resources: [{type: 2, name, configNames: ['retention.ms', 'cleanup.policy']}]});
			expect(Object.fromEntries(configs.resources[0]!.configEntries.map(e => [e.configName, e.configValue]))).toEqual({'retention.ms': '3600000', 'cleanup.policy': 'compact,delete'});
		});

		it('refuses what Kafka would refuse, before sending: names, existing and colliding topics, counts, config names', async () => {
			const existing = await fx.topic('act_coll', 1, {replicationFactor: 1});
			const snapshot = await fx.refreshWithTopic(existing);
			const alive = snapshot.brokers.filter(b => b.reachable).length;
			const spec = open(fx.factory, 'createTopic');
			expect(await errorsOf(spec, {name: 'bad name!'})).toEqual(['name: " " "!" not allowed; Kafka allows only letters, digits, \'.\', \'_\' and \'-\'']);
			expect(await errorsOf(spec, {name: 'x'.repeat(250)})).toEqual(['name: 250 characters; Kafka allows at most 249']);
			expect(await errorsOf(spec, {name: existing})).toEqual([`name: a topic named ${existing} already exists`]);
			const colliding = existing.replace('act_coll', 'act.coll');
			expect(await errorsOf(spec, {name: colliding})).toEqual([`name: ${colliding} collides with ${existing} ('.' and '_' are the same in metric names); Kafka refuses it`]);
			expect(await errorsOf(spec, {name: fx.name('act-ok'), partitions: '0'})).toEqual(['partitions: at least 1']);
			expect(await errorsOf(spec, {name: fx.name('act-ok'), replicationFactor: String(alive + 1)}))
				.toEqual([`replication factor: ${alive + 1} needs ${alive + 1} live brokers; ${alive} brokers alive (1, 2, 3)`]);
			expect(await errorsOf(spec, {name: fx.name('act-ok'), configs: 'retention.msx=5'})).toEqual(['configs: unknown config retention.msx; did you mean retention.ms?']);
		});

		it('Kafka 3.9 itself refuses a name colliding modulo . and _ (why ktop makes it an error)', async () => {
			const existing = await fx.topic('act_kcoll', 1, {replicationFactor: 1});
			const colliding = {name: existing.replace('act_kcoll', 'act.kcoll'), partitions: 1, replicationFactor: 1, configs: {}};
			const error = await fx.writer.createTopic(colliding, {validateOnly: true}).then(() => undefined, (thrown: unknown) => thrown);
			expect(error).toBeInstanceOf(WriteError);
			expect((error as WriteError).failure.detail).toContain('collides with existing topics');
		});

		it("turns the broker's dry-run refusal of a config value into the form's error", async () => {
			const errors = await errorsOf(open(fx.factory, 'createTopic'), {name: fx.name('act-badcfg'), configs: 'retention.ms=soon'});
			expect(errors).toHaveLength(1);
			expect(errors[0]).toContain('retention.ms');
		});
	});

	describe('delete topic', () => {
		it('previews what is lost, asks for the name, and the topic goes away', async () => {
			const topic = await fx.topic('act-del', 2);
			await fx.produce(topic, [{partition: 0, value: 'a'}, {partition: 1, value: 'b'}, {partition: 1, value: 'c'}]);
			await fx.refresh('the records', s => s.topics.find(t => t.name === topic)?.partitions.reduce((sum, p) => sum + (p.highWatermark ?? 0), 0) === 3);
			const spec = open(fx.factory, 'deleteTopic', {topic});
			expect((await spec.info!()).lines[0]).toBe('2 partitions, replication factor 3, 3 records');
			const preview = await previewOf(spec);
			expect(preview.typed).toBe(topic);
			expect(preview.warnings[0]).toBe('3 records in 2 partitions will be gone for good');
			const outcome = await preview.apply();
			expect(outcome.status).toBe('applied');
			expect(outcome.lines[0]).toBe(`${topic} is marked for deletion`);
			await waitFor(async () => ((await fx.admin.listTopics()).includes(topic) ? new Unready('still listed') : true), {timeoutMs: 30_000, what: `${topic} deleted`});
		});

		it("refuses Kafka's internal topics outright", async () => {
			// On a fresh cluster __consumer_offsets exists only once a group has committed: commit one.
			const topic = await fx.topic('act-internal', 1);
			await commitGroupOffsets(testKafka(), fx.groupName('act-internal'), topic, [{partition: 0, offset: '0'}]);
			const snapshot = await fx.refresh('__consumer_offsets', s => s.topics.some(t => t.name === '__consumer_offsets'));
			expect(snapshot.topics.find(t => t.name === '__consumer_offsets')!.internal).toBe(true);
			expect(fx.factory('deleteTopic', {topic: '__consumer_offsets'})).toEqual({unavailable: '__consumer_offsets is internal to Kafka; ktop does not delete it'});
		});
	});

	describe('add partitions', () => {
		it('refuses shrinking, dry-runs without a change, then grows the topic', async () => {
			const topic = await fx.topic('act-grow', 2);
			await fx.refreshWithTopic(topic);
			const spec = open(fx.factory, 'addPartitions', {topic});
			expect(await errorsOf(spec)).toEqual([`partitions: Kafka can only add partitions; ${topic} has 2`]);
			expect(await errorsOf(spec, {partitions: '1'})).toEqual([`partitions: Kafka can only add partitions; ${topic} has 2`]);
			const preview = await previewOf(spec, {partitions: '5'});
			expect(preview.typed).toBe(topic);
			expect(preview.lines[1]).toBe('partitions          2 → 5');
			expect((await fx.admin.fetchTopicMetadata({topics: [topic]})).topics[0]!.partitions).toHaveLength(2);
			expect(await preview.apply()).toEqual({status: 'applied', lines: [`${topic} now has 5 partitions (was 2)`]});
			// As for a new topic, the brokers' metadata follows the controller a moment later.
			await waitFor(async () => {
				const count = (await fx.admin.fetchTopicMetadata({topics: [topic]})).topics[0]!.partitions.length;
				return count === 5 ? count : new Unready(`${count} partitions`);
			}, {timeoutMs: 30_000, what: `${topic} with 5 partitions`});
		});
	});

	describe('edit configs', () => {
		it('lists the configs with their source, and applies exactly the previewed changes', async () => {
			const topic = await fx.topic('act-cfg', 1, {configs: {'retention.ms': '3600000'}});
			await fx.refreshWithTopic(topic);
			const spec = open(fx.factory, 'editConfigs', {topic});
			const info = (await spec.info!()).lines;
			expect(info[0]).toBe('1 override first');
			expect(info[1]).toMatch(/^retention\.ms\s+3600000\s+topic override$/);

			const preview = await previewOf(spec, {set: 'segment.bytes=1048576', remove: 'retention.ms'});
			expect(preview.typed).toBeUndefined();
			expect(preview.lines[0]).toMatch(/^segment\.bytes\s+\d+ \(broker\)\s+→\s+1048576 \(topic override\)$/);
			expect(preview.lines[1]).toMatch(/^retention\.ms\s+3600000 \(topic override\)\s+→\s+604800000 \(\w+\), override removed$/);
			expect(await preview.apply()).toEqual({status: 'applied', lines: ['segment.bytes = 1048576', 'retention.ms: override removed']});
			const configs = await fx.admin.describeConfigs({includeSynonyms: false, resources: [{type: 2, name: topic, configNames: ['segment.bytes', 'retention.ms']}]});
			const entries = Object.fromEntries(configs.resources[0]!.configEntries.map(e => [e.configName, [e.configValue, e.isDefault]]));
			expect(entries).toEqual({'segment.bytes': ['1048576', false], 'retention.ms': ['604800000', true]});
		});

		it('asks for the name when a change can delete data, and refuses bad names and values', async () => {
			const topic = await fx.topic('act-cfg2', 1);
			await fx.refreshWithTopic(topic);
			const spec = open(fx.factory, 'editConfigs', {topic});
			const preview = await previewOf(spec, {set: 'retention.ms=60000'});
			expect(preview.typed).toBe(topic);
			expect(preview.warnings[0]).toMatch(/^retention\.ms lowered \(604800000 → 60000\)/);
			expect(await errorsOf(spec, {set: 'retension.ms=1'})).toEqual(['configs: unknown config retension.ms; did you mean retention.ms?']);
			expect(await errorsOf(spec, {remove: 'retention.ms'})).toEqual([expect.stringMatching(/^remove: retention\.ms has no override on this topic to remove/)]);
			const refused = await errorsOf(spec, {set: 'cleanup.policy=sometimes'});
			expect(refused).toHaveLength(1);
			expect(refused[0]).toContain('cleanup.policy');
			// The dry runs changed nothing.
			const configs = await fx.admin.describeConfigs({includeSynonyms: false, resources: [{type: 2, name: topic, configNames: ['retention.ms']}]});
			expect(configs.resources[0]!.configEntries[0]!.configValue).toBe('604800000');
		});
	});

	describe('produce', () => {
		it('writes the previewed record, read back by kcat', async () => {
			const topic = await fx.topic('act-produce', 3);
			await fx.refreshWithTopic(topic);
			const spec = open(fx.factory, 'produce', {topic, partition: 1});
			expect(await errorsOf(spec, {partition: '9'})).toEqual([`partition: ${topic} has no partition 9 (it has 0-2)`]);
			const preview = await previewOf(spec, {key: 'k1', value: 'hello', headers: 'trace=abc'});
			expect(preview.typed).toBeUndefined();
			expect(await preview.apply()).toEqual({status: 'applied', lines: ['written to partition 1 at offset 0']});
			const [record] = await kcatRead(topic, 1, 0, 1);
			expect(record).toMatchObject({partition: 1, offset: 0, key: 'k1', payload: 'hello', headers: ['trace', 'abc']});
		});

		it('partitions by key as the Java client does (kafkajs agrees)', async () => {
			const topic = await fx.topic('act-bykey', 6);
			await fx.refreshWithTopic(topic);
			const outcome = await (await previewOf(open(fx.factory, 'produce', {topic}), {key: 'customer-42', value: 'v'})).apply();
			expect(outcome.lines[0]).toMatch(/^written to partition \d+ at offset 0$/);
			const written = /^written to partition (\d+) at offset 0$/.exec(outcome.lines[0]!);
			const producer = fx.kafka.producer();
			await producer.connect();
			const [sent] = await producer.send({topic, messages: [{key: 'customer-42', value: 'v'}]});
			await producer.disconnect();
			expect(sent!.partition).toBe(Number(written![1]));
		});
	});

	describe('purge records', () => {
		it('plans from the watermarks and the new low it plans is the low watermark read back', async () => {
			const topic = await fx.topic('act-purge', 2);
			await fx.produce(topic, Array.from({length: 20}, (_, index) => ({partition: index % 2, value: `r${index}`})));
			await fx.refreshWithTopic(topic);
			const spec = open(fx.factory, 'purge', {topic});
			expect(await errorsOf(spec, {partitions: '0,4'})).toEqual([`partitions: ${topic} has no partition 4 (it has 0-1)`]);
			const preview = await previewOf(spec, {partitions: 'all', before: '4'});
			expect(preview.typed).toBe(topic);
			expect(preview.lines).toEqual([
				'partition' + ' '.repeat(topic.length - 7) + '  low  high  new low  deleted',
				`${topic}-0    0    10        4        4`,
				`${topic}-1    0    10        4        4`,
				'total: 8 records deleted from 2 partitions',
			]);
			expect(await preview.apply()).toEqual({status: 'applied', lines: [
				`${topic}-0: log start 0 → 4, 4 records deleted`, `${topic}-1: log start 0 → 4, 4 records deleted`,
			]});
			expect([...(await fx.watermarks(topic))]).toEqual([[0, {low: 4, high: 10}], [1, {low: 4, high: 10}]]);

			const clamped = await previewOf(spec, {partitions: '1', before: '999'});
			expect(clamped.lines[1]).toMatch(/10\s+6\s+999 is past the end: up to 10$/);
			await clamped.apply();
			expect((await fx.watermarks(topic)).get(1)).toEqual({low: 10, high: 10});
			expect(await errorsOf(spec, {partitions: '1', before: 'end'})).toEqual(['nothing to delete: the chosen partitions already start at their end']);
		});
	});

	describe('preferred leader election', () => {
		it('moves the leader back to the preferred replica, as the plan says', async () => {
			// Created led by broker 2, then reordered to prefer broker 1: the leader stays 2 until an election.
			const topic = await fx.topic('act-elect', 1, {assignment: [[2, 1, 3]]});
			await fx.admin.alterPartitionReassignments({topics: [{topic, partitionAssignment: [{partition: 0, replicas: [1, 2, 3]}]}]});
			await fx.refresh('the reordered replicas', s => {
				const p = s.topics.find(t => t.name === topic)?.partitions[0];
				return p?.replicas[0] === 1 && p.leader === 2 && p.isr.length === 3;
			});
			const spec = open(fx.factory, 'electLeaders', {topic});
			const preview = await previewOf(spec);
			expect(preview.typed).toBeUndefined();
			expect(preview.lines[0]).toBe(`${topic}-0  leader 2 → 1`);
			const all = await previewOf(spec, {scope: 'all imbalanced partitions'});
			expect(all.lines).toContain(`${topic}-0`.padEnd(all.lines[0]!.indexOf('leader')) + 'leader 2 → 1');

			expect(await preview.apply()).toEqual({status: 'applied', lines: [`${topic}-0: leader 2 → 1`]});
			await waitFor(async () => {
				const leader = (await fx.admin.fetchTopicMetadata({topics: [topic]})).topics[0]!.partitions[0]!.leader;
				return leader === 1 ? leader : new Unready(`leader ${leader}`);
			}, {timeoutMs: 30_000, what: `${topic}-0 led by 1 in kafkajs' metadata`});
			await fx.refresh('the new leader', s => s.topics.find(t => t.name === topic)?.partitions[0]?.leader === 1);
			expect(await errorsOf(open(fx.factory, 'electLeaders', {topic}))).toEqual(['every partition is led by its preferred replica']);
		});
	});

	describe('read-only', () => {
		it('previews every topic action, and every apply fails with the read-only message, changing nothing', async () => {
			const topic = await fx.topic('act-ro', 2, {assignment: [[2, 1, 3], [3, 1, 2]]});
			await fx.admin.alterPartitionReassignments({topics: [{topic, partitionAssignment: [{partition: 0, replicas: [1, 2, 3]}]}]});
			await fx.produce(topic, [{partition: 0, value: 'a'}, {partition: 1, value: 'b'}]);
			await fx.refresh('the read-only topic', s => {
				const found = s.topics.find(t => t.name === topic);
				return found?.partitions[0]?.replicas[0] === 1 && found.partitions.every(p => p.highWatermark === 1);
			});
			const name = fx.name('act-ro-new');
			const cases: Array<[Parameters<typeof open>[1], Parameters<typeof open>[2], Record<string, string>]> = [
				['createTopic', {}, {name}],
				['deleteTopic', {topic}, {}],
				['addPartitions', {topic}, {partitions: '3'}],
				['editConfigs', {topic}, {set: 'retention.ms=1000'}],
				['produce', {topic}, {partition: '0', value: 'x'}],
				['purge', {topic}, {}],
				['electLeaders', {topic}, {}],
			];
			for (const [id, subject, values] of cases) {
				const preview = await previewOf(open(fx.readOnlyFactory, id, subject), values);
				if (['createTopic', 'addPartitions', 'editConfigs'].includes(id)) expect(preview.warnings, id).toContain(notCheckedReadOnly);
				expect(await preview.apply(), id).toEqual({status: 'failed', lines: [readOnlyMessage]});
			}

			expect(await fx.admin.listTopics()).not.toContain(name);
			const metadata = await fx.admin.fetchTopicMetadata({topics: [topic]});
			expect(metadata.topics[0]!.partitions.map(p => [p.partitionId, p.leader]).sort()).toEqual([[0, 2], [1, 3]]);
			expect([...(await fx.watermarks(topic))]).toEqual([[0, {low: 0, high: 1}], [1, {low: 0, high: 1}]]);
			const configs = await fx.admin.describeConfigs({includeSynonyms: false, resources: [{type: 2, name: topic, configNames: ['retention.ms']}]});
			expect(configs.resources[0]!.configEntries[0]!.configValue).toBe('604800000');
		});
	});
});
