import {describe, expect, it} from 'vitest';
import {failure} from './fake-writer.js';
import {errorsOf, previewOf, setup} from './harness.js';
import {broker, topic} from './snapshot.js';

const existing = () => [topic('orders'), topic('orders_eu'), topic('gone', 1, {pendingDeletion: true})];

describe('create topic', () => {
	it('prefills 3 partitions and a replication factor of min(3, live brokers)', () => {
		expect(setup({topics: existing()}).open('createTopic').fields.map(f => [f.id, f.initial])).toEqual([
			['name', ''], ['partitions', '3'], ['replicationFactor', '3'], ['configs', ''],
		]);
		const two = setup({topics: existing(), brokers: [broker(1), broker(2), broker(3, {reachable: false})]});
		expect(two.open('createTopic').fields.find(f => f.id === 'replicationFactor')!.initial).toBe('2');
	});

	it('checks the broker with a dry run, previews without asking to type, and creates on apply', async () => {
		const {fake, open} = setup({topics: existing()});
		const preview = await previewOf(open('createTopic'), {name: 'payments', partitions: '6', replicationFactor: '2', configs: 'retention.ms=3600000,cleanup.policy=[compact,delete]'});
		expect(fake.writes()).toEqual([{method: 'createTopic', args: [
			{name: 'payments', partitions: 6, replicationFactor: 2, configs: {'retention.ms': '3600000', 'cleanup.policy': 'compact,delete'}}, {validateOnly: true},
		]}]);
		expect(fake.topics.has('payments')).toBe(false);
		expect(preview).toMatchObject({title: 'Create topic payments', typed: undefined, warnings: [], target: {clusterId: 'cluster-A', connection: 'bootstrap 127.0.0.1:9092'}});
		expect(preview.lines).toEqual([
			'name                payments',
			'partitions          6',
			'replication factor  2',
			'retention.ms        3600000',
			'cleanup.policy      compact,delete',
		]);

		expect(await preview.apply()).toEqual({status: 'applied', lines: ['created topic payments: 6 partitions, replication factor 2']});
		expect(fake.writes('createTopic').at(-1)!.args[1]).toEqual({validateOnly: false});
		expect(fake.topics.get('payments')!.partitions).toHaveLength(6);
	});

	it('refuses every illegal name, an existing one, one being deleted, and a colliding one', async () => {
		const {open, fake} = setup({topics: existing()});
		const spec = open('createTopic');
		expect(await errorsOf(spec, {name: ''})).toEqual(['name: required']);
		expect(await errorsOf(spec, {name: '..'})).toEqual(['name: cannot be "." or ".."']);
		expect(await errorsOf(spec, {name: 'x'.repeat(250)})).toEqual(['name: 250 characters; Kafka allows at most 249']);
		expect(await errorsOf(spec, {name: 'bad name'})).toEqual(['name: " " not allowed; Kafka allows only letters, digits, \'.\', \'_\' and \'-\'']);
		expect(await errorsOf(spec, {name: 'orders'})).toEqual(['name: a topic named orders already exists']);
		expect(await errorsOf(spec, {name: 'gone'})).toEqual(['name: gone is still being deleted; wait until it is gone, or pick another name']);
		expect(await errorsOf(spec, {name: 'orders.eu'})).toEqual(["name: orders.eu collides with orders_eu ('.' and '_' are the same in metric names); Kafka refuses it"]);
		// Nothing reached the broker: every one of these was caught before sending.
		expect(fake.writes()).toEqual([]);
	});

	it("warns, as kafka-topics.sh does, about a name with '.' or '_'", async () => {
		const preview = await previewOf(setup({topics: existing()}).open('createTopic'), {name: 'billing.events'});
		expect(preview.warnings).toEqual([expect.stringContaining("names with '.' or '_' can collide")]);
	});

	it('refuses bad counts and a replication factor above the live brokers, naming which are down', async () => {
		const {open} = setup({topics: existing(), brokers: [broker(1), broker(2), broker(3, {reachable: false}), broker(4, {registered: false, inMetadata: false})]});
		const spec = open('createTopic');
		expect(await errorsOf(spec, {name: 'a', partitions: '0'})).toEqual(['partitions: at least 1']);
		expect(await errorsOf(spec, {name: 'a', partitions: 'six'})).toEqual(['partitions: "six" is not a whole number']);
		expect(await errorsOf(spec, {name: 'a', replicationFactor: '0'})).toEqual(['replication factor: at least 1']);
		expect(await errorsOf(spec, {name: 'a', replicationFactor: '3'}))
			.toEqual(['replication factor: 3 needs 3 live brokers; 2 brokers alive (1, 2); brokers 3, 4 are down']);
		expect(await errorsOf(spec, {name: '', partitions: '0', replicationFactor: '9'})).toHaveLength(3);
	});

	it("checks config names against the broker's own list (read once) with a did-you-mean, and refuses read-only ones", async () => {
		const {open, fake} = setup({topics: existing()});
		fake.readOnlyConfigs.add('max.message.bytes');
		const spec = open('createTopic');
		expect(await errorsOf(spec, {name: 'a', configs: 'retention.msx=1,cleanup.policy=compact'})).toEqual(['configs: unknown config retention.msx; did you mean retention.ms?']);
		expect(await errorsOf(spec, {name: 'a', configs: 'max.message.bytes=5'})).toEqual(['configs: max.message.bytes is read-only; Kafka does not let a topic set it']);
		expect(await errorsOf(spec, {name: 'a', configs: 'retention.ms'})).toEqual([expect.stringContaining('is not key=value')]);
		await errorsOf(open('createTopic'), {name: 'a', configs: 'nope=1'});
		expect(fake.calls.filter(call => call.method === 'describeTopicConfigs')).toHaveLength(1);
	});

	it("turns the broker's dry-run refusal into the form's error", async () => {
		const {open, fake} = setup({topics: existing()});
		fake.fails.set('createTopic', failure('INVALID_CONFIG', 'retention.ms: "soon" is not a number', 'give milliseconds', 'Invalid value soon for configuration retention.ms'));
		expect(await errorsOf(open('createTopic'), {name: 'a', configs: 'retention.ms=soon'}))
			.toEqual(['retention.ms: "soon" is not a number; give milliseconds (Invalid value soon for configuration retention.ms)']);
	});

	it('reports a failed create without throwing', async () => {
		const {open, fake} = setup({topics: existing()});
		const preview = await previewOf(open('createTopic'), {name: 'late'});
		fake.fails.set('createTopic', failure('TOPIC_ALREADY_EXISTS', 'a topic named late already exists', 'pick another name'));
		expect(await preview.apply()).toEqual({status: 'failed', lines: ['a topic named late already exists; pick another name']});
	});
});
