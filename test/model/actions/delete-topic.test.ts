import {describe, expect, it} from 'vitest';
import {errorsOf, previewOf, setup} from './harness.js';
import {activeGroup, committed, group, partition, topic} from './snapshot.js';

describe('delete topic', () => {
	const world = () => ({
		topics: [topic('orders', [partition(0, {lowWatermark: 10, highWatermark: 110}), partition(1, {lowWatermark: 0, highWatermark: 50})]), topic('__consumer_offsets', 12)],
		groups: [activeGroup('billing', 'orders', 2, [committed('orders', 0, 100)]), group('audit', [committed('orders', 1, 50)])],
	});

	it('shows partitions, records and the groups reading it', async () => {
		expect((await setup(world()).open('deleteTopic', {topic: 'orders'}).info!()).lines).toEqual([
			'2 partitions, replication factor 3, 150 records',
			'consumed now by billing (Stable, 2 members)',
			'committed offsets of audit',
		]);
	});

	it('warns about consumers and offsets, asks for the name typed, and marks the topic for deletion', async () => {
		const {open, fake} = setup(world());
		const preview = await previewOf(open('deleteTopic', {topic: 'orders'}));
		expect(preview.typed).toBe('orders');
		expect(preview.warnings).toEqual([
			'150 records in 2 partitions will be gone for good',
			'group billing (Stable, 2 members) is consuming it: its consumers will fail, and recreate the topic if the brokers have auto.create.topics.enable=true',
			'committed offsets on it are removed with it: billing, audit',
		]);
		expect(fake.writes()).toEqual([]);
		const outcome = await preview.apply();
		expect(outcome.status).toBe('applied');
		expect(outcome.lines[0]).toBe('orders is marked for deletion');
		expect(outcome.lines[1]).toContain('DELETING');
		expect(fake.writes()).toEqual([{method: 'deleteTopic', args: ['orders']}]);
	});

	it('refuses internal topics and one already being deleted, outright', () => {
		const {factory} = setup({topics: [topic('__consumer_offsets', 3), topic('__transaction_state', 3, {internal: false}), topic('old', 1, {pendingDeletion: true})]});
		expect(factory('deleteTopic', {topic: '__consumer_offsets'})).toEqual({unavailable: '__consumer_offsets is internal to Kafka; ktop does not delete it'});
		// Named as Kafka's own even where the metadata does not flag it internal.
		expect(factory('deleteTopic', {topic: '__transaction_state'})).toEqual({unavailable: '__transaction_state is internal to Kafka; ktop does not delete it'});
		expect(factory('deleteTopic', {topic: 'old'})).toEqual({unavailable: 'old is already marked for deletion (DELETING); the brokers finish it'});
	});

	it("deletes another tool's __ topic only with a warning", async () => {
		const preview = await previewOf(setup({topics: [topic('__agent_metrics', 1, {internal: false})]}).open('deleteTopic', {topic: '__agent_metrics'}));
		expect(preview.warnings[0]).toMatch(/^a name starting with __ is usually a tool's own topic/);
	});

	it('refuses at plan time when the topic went away or started deleting since the form opened', async () => {
		const {open, setSnapshot, snapshot} = setup(world());
		const spec = open('deleteTopic', {topic: 'orders'});
		setSnapshot({...snapshot(), topics: snapshot().topics.map(t => ({...t, pendingDeletion: t.name === 'orders'}))});
		expect(await errorsOf(spec)).toEqual(['orders is already marked for deletion (DELETING); the brokers finish it']);
		setSnapshot({...snapshot(), topics: []});
		expect(await errorsOf(spec)).toEqual(['topic orders is not in the latest refresh']);
	});
});
