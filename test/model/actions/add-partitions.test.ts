import {describe, expect, it} from 'vitest';
import {failure} from './fake-writer.js';
import {errorsOf, previewOf, setup} from './harness.js';
import {broker, topic} from './snapshot.js';

describe('add partitions', () => {
	it('prefills the current count and refuses anything not above it', async () => {
		const {open} = setup({topics: [topic('orders', 6)]});
		const spec = open('addPartitions', {topic: 'orders'});
		expect(spec.fields).toEqual([{id: 'partitions', label: 'New total', initial: '6', hint: 'more than 6 (the count now)'}]);
		expect(await errorsOf(spec)).toEqual(['partitions: Kafka can only add partitions; orders has 6']);
		expect(await errorsOf(spec, {partitions: '3'})).toEqual(['partitions: Kafka can only add partitions; orders has 6']);
		expect(await errorsOf(spec, {partitions: 'x'})).toEqual(['partitions: "x" is not a whole number']);
	});

	it('refuses when the new replicas cannot all be placed on live brokers', async () => {
		const {open} = setup({topics: [topic('orders', 6)], brokers: [broker(1), broker(2), broker(3, {reachable: false})]});
		expect(await errorsOf(open('addPartitions', {topic: 'orders'}), {partitions: '8'}))
			.toEqual(['each new partition needs 3 replicas on live brokers; 2 brokers alive (1, 2); broker 3 is down']);
	});

	it('dry-runs, warns about key mapping and latest-reset groups, asks for the name, and grows the topic', async () => {
		const {open, fake} = setup({topics: [topic('orders', 6, {cleanupPolicy: 'compact,delete'})]});
		const preview = await previewOf(open('addPartitions', {topic: 'orders'}), {partitions: '8'});
		expect(fake.writes()).toEqual([{method: 'createPartitions', args: ['orders', 8, {validateOnly: true}]}]);
		expect(preview.typed).toBe('orders');
		expect(preview.lines).toEqual(['topic               orders', 'partitions          6 → 8', 'new partitions      6-7', 'replication factor  3']);
		expect(preview.warnings).toEqual([
			expect.stringContaining("the key's hash mod 8 instead of mod 6"),
			expect.stringContaining('auto.offset.reset=latest may skip the first records'),
			expect.stringContaining('compaction works within a partition'),
			'partitions cannot be removed again',
		]);
		expect(await preview.apply()).toEqual({status: 'applied', lines: ['orders now has 8 partitions (was 6)']});
		expect(fake.topics.get('orders')!.partitions).toHaveLength(8);
	});

	it("shows the broker's dry-run refusal", async () => {
		const {open, fake} = setup({topics: [topic('orders', 6)]});
		fake.fails.set('createPartitions', failure('INVALID_REPLICATION_FACTOR', 'not enough brokers for 3 replicas', undefined, 'Replication factor: 3 larger than available brokers: 2.'));
		expect(await errorsOf(open('addPartitions', {topic: 'orders'}), {partitions: '7'}))
			.toEqual(['not enough brokers for 3 replicas (Replication factor: 3 larger than available brokers: 2.)']);
	});
});
