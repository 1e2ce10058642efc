import {describe, expect, it} from 'vitest';
import {actionApis, actionSupport} from '../../../source/model/actions/api-support.js';
import type {ActionId, ActionSubject} from '../../../source/model/actions/types.js';
import {apisWithout, modernApis} from './fake-writer.js';
import {errorsOf, previewOf, setup} from './harness.js';
import {committed, group, partition, topic} from './snapshot.js';

describe('the capability map', () => {
	it('runs every action as usual on a controller offering today\'s requests', () => {
		for (const id of Object.keys(actionApis) as ActionId[]) expect(actionSupport(id, modernApis())).toEqual({mode: 'native'});
	});

	it('falls back where Kafka offered another mechanism, naming the request the brokers lack', () => {
		expect(actionSupport('editConfigs', apisWithout(44))).toEqual({mode: 'fallback', mechanism: 'AlterConfigs', missing: expect.objectContaining({api: 'IncrementalAlterConfigs', key: 44, kafka: '2.3'})});
		expect(actionSupport('electLeaders', apisWithout(43))).toEqual({mode: 'fallback', mechanism: 'the /admin/preferred_replica_election znode', missing: expect.objectContaining({api: 'ElectLeaders', key: 43, kafka: '2.2'})});
	});

	it('refuses naming the Kafka release that brought the request, and the request the controller lacks', () => {
		expect(actionSupport('deleteGroup', apisWithout(42))).toEqual({mode: 'refused', reason: 'needs Kafka 1.1+: this cluster\'s controller does not offer DeleteGroups (API key 42), so its brokers run an older Kafka'});
		expect(actionSupport('addPartitions', apisWithout(37))).toMatchObject({reason: expect.stringMatching(/^needs Kafka 1\.0\+: .*CreatePartitions \(API key 37\)/)});
		expect(actionSupport('purge', apisWithout(21))).toMatchObject({reason: expect.stringMatching(/^needs Kafka 0\.11\+: .*DeleteRecords/)});
		// Without IncrementalAlterConfigs and AlterConfigs both, the fallback's own release is what it needs.
		expect(actionSupport('editConfigs', apisWithout(44, 33))).toMatchObject({reason: expect.stringMatching(/^needs Kafka 0\.11\+: .*AlterConfigs \(API key 33\)/)});
	});

	it('reads versions, not only keys: a Produce below v3 cannot carry headers', () => {
		const old = modernApis();
		old.set(0, {min: 0, max: 2});
		expect(actionSupport('produce', old)).toMatchObject({mode: 'refused', reason: expect.stringMatching(/^needs Kafka 0\.11\+: .*Produce v3 \(API key 0\)/)});
		old.set(19, {min: 0, max: 0});
		expect(actionSupport('createTopic', old)).toMatchObject({mode: 'refused', reason: expect.stringMatching(/^needs Kafka 0\.10\.2\+: .*CreateTopics v1/)});
	});
});

const world = () => ({
	topics: [topic('orders', [partition(0, {leader: 2}), partition(1), partition(2)], {configOverrides: {'retention.ms': '3600000', 'cleanup.policy': 'delete'}})],
	groups: [group('billing', [committed('orders', 0, 10)])],
});

/** Every action with values that plan, and the API key that, missing, refuses it. */
const refusedWithout: Array<[ActionId, ActionSubject, Record<string, string>, number[], string]> = [
	['createTopic', {}, {name: 'fresh'}, [19], '0.10.2'],
	['deleteTopic', {topic: 'orders'}, {}, [20], '0.10.1'],
	['addPartitions', {topic: 'orders'}, {partitions: '4'}, [37], '1.0'],
	['editConfigs', {topic: 'orders'}, {set: 'retention.ms=1000'}, [44, 33], '0.11'],
	['produce', {topic: 'orders'}, {value: 'x'}, [0], '0.11'],
	['purge', {topic: 'orders'}, {}, [21], '0.11'],
	['resetOffsets', {group: 'billing'}, {}, [8], '0.9'],
	['deleteGroup', {group: 'billing'}, {}, [42], '1.1'],
];

describe('every action checks the controller\'s API versions before its preview', () => {
	it.each(refusedWithout)('%s: refused at plan, with the Kafka version named and nothing sent; then before its form', async (id, subject, values, missing, kafka) => {
		const {fake, factory} = setup(world(), {apis: apisWithout(...missing)});
		const spec = factory(id, subject);
		if ('unavailable' in spec) throw new Error(spec.unavailable);
		const errors = await errorsOf(spec, values);
		expect(errors).toEqual([expect.stringContaining(`needs Kafka ${kafka}+`)]);
		expect(fake.writes()).toEqual([]);
		// Once the versions are known, the action is refused before any form.
		expect(factory(id, subject)).toEqual({unavailable: errors[0]});
	});

	it('says why when the versions cannot be learned, and shows no preview', async () => {
		const {fake, open} = setup(world());
		fake.fails.set('apiVersions', {code: 'NO_BROKER', message: 'no broker answered', next: undefined, detail: undefined});
		expect(await errorsOf(open('deleteGroup', {group: 'billing'}))).toEqual(['could not learn which requests the brokers take: no broker answered']);
		expect(fake.writes()).toEqual([]);
	});

	it('previews as usual when the controller offers the request', async () => {
		const {fake, open} = setup(world());
		const preview = await previewOf(open('deleteGroup', {group: 'billing'}));
		expect(preview.warnings.join()).not.toContain('instead');
		expect(fake.calls[0]?.method).toBe('apiVersions');
	});
});

describe('edit configs before Kafka 2.3: AlterConfigs with the whole override set', () => {
	it('dry-runs and applies every override plus the change, and says the whole set is replaced', async () => {
		const {fake, open} = setup(world(), {apis: apisWithout(44)});
		const preview = await previewOf(open('editConfigs', {topic: 'orders'}), {set: 'segment.bytes=1048576', remove: 'cleanup.policy'});
		expect(preview.lines.at(-1)).toBe('the topic\'s overrides become: retention.ms=3600000, segment.bytes=1048576');
		expect(preview.warnings).toEqual(expect.arrayContaining([
			'this cluster\'s brokers have no IncrementalAlterConfigs (API key 44) (Kafka 2.3+): ktop uses AlterConfigs instead',
			expect.stringMatching(/^AlterConfigs replaces the topic's whole override set: .* someone else sets or changes before this applies would be overwritten/),
		]));
		expect(fake.writes()).toEqual([{method: 'replaceTopicConfigs', args: ['orders', {'retention.ms': '3600000', 'segment.bytes': '1048576'}, {validateOnly: true}]}]);
		expect(await preview.apply()).toEqual({status: 'applied', lines: ['segment.bytes = 1048576', 'cleanup.policy: override removed']});
		expect(fake.writes('replaceTopicConfigs').at(-1)?.args).toEqual(['orders', {'retention.ms': '3600000', 'segment.bytes': '1048576'}, {validateOnly: false}]);
		expect(fake.writes('alterTopicConfigs')).toEqual([]);
		expect(fake.topics.get('orders')!.overrides).toEqual({'retention.ms': '3600000', 'segment.bytes': '1048576'});
	});

	it('sends nothing when the overrides moved between the preview and the confirmation', async () => {
		const {fake, open} = setup(world(), {apis: apisWithout(44)});
		const preview = await previewOf(open('editConfigs', {topic: 'orders'}), {set: 'segment.bytes=1048576'});
		fake.topics.get('orders')!.overrides['max.message.bytes'] = '2000000';
		const outcome = await preview.apply();
		expect(outcome.status).toBe('failed');
		expect(outcome.lines[0]).toMatch(/^the overrides of orders changed since the preview \(now cleanup\.policy=delete, max\.message\.bytes=2000000, retention\.ms=3600000\): nothing was sent/);
		expect(fake.writes('replaceTopicConfigs').map(call => (call.args[2] as {validateOnly: boolean}).validateOnly)).toEqual([true]);
	});

	it('uses IncrementalAlterConfigs when the controller offers it', async () => {
		const {fake, open} = setup(world());
		await previewOf(open('editConfigs', {topic: 'orders'}), {set: 'segment.bytes=1048576'});
		expect(fake.writes().map(call => call.method)).toEqual(['alterTopicConfigs']);
	});
});

describe('preferred leader election before Kafka 2.2: the election znode', () => {
	it('previews the znode path and, applied, asks for exactly the planned partitions and reports the leaders moving', async () => {
		const {fake, open} = setup(world(), {apis: apisWithout(43)});
		const preview = await previewOf(open('electLeaders', {topic: 'orders'}));
		expect(preview.lines.at(-1)).toBe('through ZooKeeper: ktop creates /admin/preferred_replica_election with exactly the 1 partition above (refused if an election is already running); the controller elects them and deletes it');
		expect(preview.warnings).toContain('this cluster\'s brokers have no ElectLeaders (API key 43) (Kafka 2.2+): ktop uses the /admin/preferred_replica_election znode instead');
		expect(fake.writes()).toEqual([]);
		const outcome = await preview.apply();
		expect(fake.writes()).toEqual([{method: 'requestPreferredElection', args: [[{topic: 'orders', partition: 0}]]}]);
		expect(outcome).toEqual({status: 'applied', lines: ['/admin/preferred_replica_election written with 1 partition', 'orders-0: leader 2 → 1']});
	});

	it('is refused before the preview while an election is running (its znode exists)', async () => {
		const {fake, open} = setup(world(), {apis: apisWithout(43)});
		fake.state.electionZnode = '{}';
		expect(await errorsOf(open('electLeaders', {topic: 'orders'}))).toEqual([
			'a preferred leader election is already running: /admin/preferred_replica_election exists (the controller deletes it when done); try again once it is gone',
		]);
		expect(fake.writes()).toEqual([]);
	});

	it('reports an election started after the preview as the failure it is', async () => {
		const {fake, open} = setup(world(), {apis: apisWithout(43)});
		const preview = await previewOf(open('electLeaders', {topic: 'orders'}));
		fake.state.electionZnode = '{}';
		const outcome = await preview.apply();
		expect(outcome.status).toBe('failed');
		expect(outcome.lines.join()).toContain('a preferred leader election is already running');
	});

	it('is refused before the preview without a ZooKeeper address', async () => {
		const {fake, open} = setup(world(), {apis: apisWithout(43), zookeeperWritable: false});
		expect(await errorsOf(open('electLeaders', {topic: 'orders'}))).toEqual([
			'needs Kafka 2.2+ for ElectLeaders, or ZooKeeper\'s /admin/preferred_replica_election on older brokers: ktop has no ZooKeeper address (brokers only); start it with --zookeeper',
		]);
		expect(fake.writes()).toEqual([]);
	});
});
