import {describe, expect, it} from 'vitest';
import {failure} from './fake-writer.js';
import {errorsOf, previewOf, setup} from './harness.js';
import {partition, topic} from './snapshot.js';

describe('produce one record', () => {
	const world = () => ({topics: [
		topic('orders', [partition(0), partition(1, {isr: [2]}), partition(2, {leader: -1, isr: []})]),
		topic('users', 2, {cleanupPolicy: 'compact'}),
	]});

	it('prefills the partition of the row it was opened on', () => {
		const {open} = setup(world());
		expect(open('produce', {topic: 'orders', partition: 1}).fields.map(f => f.initial)).toEqual(['1', '', '', '']);
		expect(open('produce', {topic: 'orders'}).fields[0]!.initial).toBe('');
	});

	it('previews the record without asking to type and reports where it was written', async () => {
		const {open, fake} = setup(world());
		const preview = await previewOf(open('produce', {topic: 'orders'}), {partition: '1', key: 'k1', value: '{"id":1}', headers: 'trace=abc,source=ktop'});
		expect(preview.typed).toBeUndefined();
		expect(preview.warnings).toEqual(['orders-1 has fewer in-sync replicas than min.insync.replicas 2: Kafka refuses acks=all writes there']);
		expect(preview.lines).toEqual([
			'topic          orders', 'partition      1', 'key            k1', 'value          {"id":1}', 'header trace   abc', 'header source  ktop',
		]);
		expect(fake.writes()).toEqual([]);
		expect(await preview.apply()).toEqual({status: 'applied', lines: ['written to partition 1 at offset 100']});
		const sent = fake.writes('produce')[0]!.args[0] as {key: Buffer; value: Buffer; headers: Array<{key: string; value: Buffer}>; partition: number};
		expect([sent.partition, sent.key.toString(), sent.value.toString(), sent.headers.map(h => `${h.key}=${h.value.toString()}`)])
			.toEqual([1, 'k1', '{"id":1}', ['trace=abc', 'source=ktop']]);
	});

	it('sends blanks as a null key, null value and by-key partitioning, and warns about leaderless partitions', async () => {
		const {open, fake} = setup(world());
		const preview = await previewOf(open('produce', {topic: 'orders'}), {});
		expect(preview.lines).toEqual(['topic      orders', 'partition  any (no key)', 'key        null', 'value      null (a tombstone on a compacted topic)']);
		expect(preview.warnings).toEqual([
			'orders-2 has no leader now: a record that maps there fails',
			'orders-1 has fewer in-sync replicas than min.insync.replicas 2: Kafka refuses acks=all writes there',
		]);
		await preview.apply();
		expect(fake.writes('produce')[0]!.args[0]).toEqual({topic: 'orders', partition: undefined, key: null, value: null, headers: []});
	});

	it('refuses a partition that does not exist or has no leader, bad headers, and a keyless record on a compacted topic', async () => {
		const {open} = setup(world());
		const spec = open('produce', {topic: 'orders'});
		expect(await errorsOf(spec, {partition: '7'})).toEqual(['partition: orders has no partition 7 (it has 0-2)']);
		expect(await errorsOf(spec, {partition: 'one'})).toEqual(['partition: "one" is not a whole number']);
		expect(await errorsOf(spec, {partition: '2'})).toEqual(['partition: orders-2 has no leader now; writes to it fail until one is elected']);
		expect(await errorsOf(spec, {headers: 'novalue'})).toEqual([expect.stringContaining('"novalue" is not key=value')]);
		expect(await errorsOf(open('produce', {topic: 'users'}), {value: 'x'})).toEqual(['key: users is compacted (cleanup.policy=compact): Kafka refuses a record without a key']);
	});

	it('reports a refused write as failed', async () => {
		const {open, fake} = setup(world());
		const preview = await previewOf(open('produce', {topic: 'orders'}), {partition: '0', value: 'x'});
		fake.fails.set('produce', failure('NOT_ENOUGH_REPLICAS', 'orders-0 has fewer in-sync replicas than min.insync.replicas', 'bring the brokers back'));
		expect(await preview.apply()).toEqual({status: 'failed', lines: ['orders-0 has fewer in-sync replicas than min.insync.replicas; bring the brokers back']});
	});
});
