import {describe, expect, it} from 'vitest';
import {planOffsetReset, type ResetInput} from '../../../source/model/actions/offset-reset-plan.js';
import {failure} from './fake-writer.js';
import {errorsOf, previewOf, setup} from './harness.js';
import {activeGroup, committed, group, T0, topic} from './snapshot.js';

describe('offset reset plans', () => {
	const inputs: ResetInput[] = [
		{topic: 'orders', partition: 0, current: 50, low: 20, high: 100, atTimestamp: 70},
		{topic: 'orders', partition: 1, current: undefined, low: 0, high: 80, atTimestamp: undefined},
	];
	const rows = (target: Parameters<typeof planOffsetReset>[0]) => planOffsetReset(target, inputs);

	it('goes to the log start or end, with lag before and after against the high watermark', () => {
		expect(rows({kind: 'earliest'})).toEqual({errors: [], rows: [
			{topic: 'orders', partition: 0, current: 50, next: 20, lagBefore: 50, lagAfter: 80, note: undefined},
			{topic: 'orders', partition: 1, current: undefined, next: 0, lagBefore: undefined, lagAfter: 80, note: undefined},
		]});
		expect(rows({kind: 'latest'}).rows.map(r => [r.next, r.lagAfter])).toEqual([[100, 0], [80, 0]]);
	});

	it('goes to the first record at a time, or to the end when no record is that recent', () => {
		expect(rows({kind: 'timestamp', at: T0}).rows.map(r => [r.next, r.note])).toEqual([[70, undefined], [80, 'no record at or after that time: latest']]);
	});

	it('clamps an exact offset into [log start, log end], noting it', () => {
		expect(rows({kind: 'offset', offset: 10}).rows.map(r => [r.next, r.note])).toEqual([[20, '10 is below the log start: 20'], [10, undefined]]);
		expect(rows({kind: 'offset', offset: 90}).rows.map(r => [r.next, r.note])).toEqual([[90, undefined], [80, '90 is past the log end: 80']]);
	});

	it('shifts from the committed offset, clamped, and refuses a partition with nothing to shift from', () => {
		const shifted = planOffsetReset({kind: 'shift', by: -40}, [inputs[0]!]);
		expect(shifted.rows).toEqual([{topic: 'orders', partition: 0, current: 50, next: 20, lagBefore: 50, lagAfter: 80, note: '10 is below the log start: 20'}]);
		expect(planOffsetReset({kind: 'shift', by: 30}, [inputs[0]!]).rows[0]!.next).toBe(80);
		expect(planOffsetReset({kind: 'shift', by: 500}, [inputs[0]!]).rows[0]).toMatchObject({next: 100, note: '550 is past the log end: 100'});
		expect(rows({kind: 'shift', by: 1}).errors).toEqual(['orders-1 has no committed offset to shift from; reset it to earliest, latest, a time or an offset']);
	});
});

describe('reset offsets', () => {
	const world = () => ({
		topics: [topic('orders', 3), topic('payments', 2), topic('audit', 1)],
		groups: [group('billing', [committed('orders', 0, 90), committed('orders', 1, 100), committed('payments', 0, 10)]), activeGroup('live', 'orders', 2)],
	});

	it('prefills the row\'s topic and partition', () => {
		const {open} = setup(world());
		expect(open('resetOffsets', {group: 'billing', topic: 'orders', partition: 2}).fields.map(f => f.initial)).toEqual(['orders', '2', 'earliest', '']);
		expect(open('resetOffsets', {group: 'billing'}).fields.map(f => f.initial)).toEqual(['all', 'all', 'earliest', '']);
	});

	it('refuses while the group has active members, from a fresh read', async () => {
		const {open, fake} = setup(world());
		expect(await errorsOf(open('resetOffsets', {group: 'live'}), {topics: 'orders'}))
			.toEqual(['group live has 2 active members (state Stable): stop its consumers first; Kafka only accepts offset resets for an empty group']);
		// The snapshot says Empty, but a consumer has joined since.
		fake.groups.get('billing')!.state = 'PreparingRebalance';
		fake.groups.get('billing')!.members = 1;
		expect(await errorsOf(open('resetOffsets', {group: 'billing'}))).toEqual([expect.stringMatching(/^group billing has 1 active member \(state PreparingRebalance\)/)]);
	});

	it('says in the form, before anything is filled in, that a group with members will be refused', async () => {
		const {open} = setup(world());
		expect((await open('resetOffsets', {group: 'live'}).info!()).lines).toContain('Kafka refuses offset resets and deletion until its consumers stop');
		expect((await open('resetOffsets', {group: 'billing'}).info!()).lines.join('\n')).not.toContain('refuses');
	});

	it('plans exactly what it commits: per partition current, new (clamped, noted) and lag, typed with the group name', async () => {
		const {open, fake} = setup(world());
		fake.topics.get('orders')!.partitions[0]!.low = 30;
		const preview = await previewOf(open('resetOffsets', {group: 'billing', topic: 'orders'}), {partitions: '0,1', to: 'offset', value: '20'});
		expect(preview.typed).toBe('billing');
		expect(preview.title).toBe('Reset offsets of billing to offset 20');
		expect(preview.lines).toEqual([
			'partition  current  new  lag before  lag after',
			'orders-0        90   30          10         70  20 is below the log start: 30',
			'orders-1       100   20           0         80',
			'2 partitions; lag 10 → 150',
		]);
		expect(fake.writes()).toEqual([]);
		expect(await preview.apply()).toEqual({status: 'applied', lines: ['orders-0: 90 → 30', 'orders-1: 100 → 20']});
		expect(fake.writes('commitGroupOffsets')[0]!.args).toEqual(['billing', [{topic: 'orders', partition: 0, offset: 30}, {topic: 'orders', partition: 1, offset: 20}]]);
		expect(fake.groups.get('billing')!.offsets.get('orders-0')).toBe(30);
	});

	it('takes "all" as every partition of every topic the group has offsets on, including ones without an offset yet', async () => {
		const {open} = setup(world());
		const preview = await previewOf(open('resetOffsets', {group: 'billing'}), {to: 'latest'});
		expect(preview.lines.slice(1, -1).map(line => line.split(/\s+/).slice(0, 3).join(' '))).toEqual([
			'orders-0 90 100', 'orders-1 100 100', 'orders-2 none 100', 'payments-0 10 100', 'payments-1 none 100',
		]);
		expect(preview.lines.at(-1)).toBe('5 partitions; lag 100 → 0');
	});

	it('refuses a shift for partitions without a committed offset, as kafka-consumer-groups does', async () => {
		expect(await errorsOf(setup(world()).open('resetOffsets', {group: 'billing'}), {to: 'shift', value: '-70'})).toEqual([
			'orders-2 has no committed offset to shift from; reset it to earliest, latest, a time or an offset',
			'payments-1 has no committed offset to shift from; reset it to earliest, latest, a time or an offset',
		]);
	});

	it('goes to the first record at a time, and to the end where no record is that recent', async () => {
		const {open, fake} = setup(world());
		fake.topics.get('payments')!.partitions[0]!.timestamps = Array.from({length: 100}, (_, index) => T0 + (index * 1000));
		const preview = await previewOf(open('resetOffsets', {group: 'billing', topic: 'payments'}), {to: 'timestamp', value: `@${T0 + 42_000}`});
		expect(preview.lines.slice(1, 3)).toEqual([
			'payments-0       10   42          90         58',
			'payments-1     none  100           -          0  no record at or after that time: latest',
		]);
		expect(fake.calls.find(c => c.method === 'listOffsets' && typeof c.args[2] === 'object')!.args).toEqual(['payments', [0, 1], {timestamp: T0 + 42_000}]);
	});

	it('reports a partial reset part by part, and a partition that reads back differently as failed', async () => {
		const {open, fake} = setup(world());
		const preview = await previewOf(open('resetOffsets', {group: 'billing', topic: 'orders'}), {to: 'earliest'});
		fake.partFails.set('orders-1', failure('UNKNOWN_MEMBER_ID', 'a consumer joined billing', 'stop it and try again'));
		const read = fake.writer.groupOffsets;
		fake.writer.groupOffsets = async id => {
			const offsets = await read(id);
			return {...offsets, offsets: offsets.offsets.map(o => (o.topic === 'orders' && o.partition === 2 ? {...o, offset: 77} : o))};
		};
		expect(await preview.apply()).toEqual({status: 'partial', lines: [
			'orders-0: 90 → 0',
			'orders-1: not reset: a consumer joined billing; stop it and try again',
			'orders-2: committed 0, but it reads back as 77: a consumer may have joined and committed',
		]});
	});

	it('says what is wrong with topics, partitions and values', async () => {
		const {open, fake} = setup({...world(), groups: [...world().groups, group('fresh')]});
		const spec = open('resetOffsets', {group: 'billing'});
		expect(await errorsOf(spec, {topics: 'ordres'})).toEqual(['topics: ordres does not exist; similar: orders']);
		expect(await errorsOf(spec, {topics: 'orders,audit', partitions: '2'})).toEqual(['partitions: audit has no partition 2 (it has 0)']);
		expect(await errorsOf(spec, {to: 'timestamp', value: 'noon'})).toEqual([expect.stringContaining('"noon" is not a time')]);
		expect(await errorsOf(spec, {to: 'offset', value: '', partitions: 'x'})).toEqual([
			'value: an offset is required (a whole number like 1234)', 'partitions: "x" is not a partition or a range like 5-7',
		]);
		expect(await errorsOf(open('resetOffsets', {group: 'fresh'}))).toEqual(['group fresh has no committed offsets; name the topics to reset']);
		fake.groups.get('billing')!.offsets.set('dropped-0', 5);
		const preview = await previewOf(spec, {partitions: '0'});
		expect(preview.warnings[0]).toBe('offsets on dropped are left as they are: the topic no longer exists');
	});

	it('warns when it starts offsets on a topic the group has none on', async () => {
		const preview = await previewOf(setup(world()).open('resetOffsets', {group: 'billing'}), {topics: 'audit'});
		expect(preview.warnings[0]).toBe('billing has no committed offsets on audit yet: this starts them');
	});

	it('is unavailable for a group not in the snapshot, and fails cleanly when the writer refuses', async () => {
		const {factory} = setup(world());
		expect(factory('resetOffsets', {group: 'billin'})).toEqual({unavailable: 'group billin is not in the latest refresh; similar: billing'});
		const readOnly = setup(world(), {readOnly: true});
		const preview = await previewOf(readOnly.open('resetOffsets', {group: 'billing'}), {topics: 'orders'});
		expect(await preview.apply()).toEqual({status: 'failed', lines: ['ktop is in read-only mode (--read-only): nothing was sent; restart ktop without --read-only to make changes']});
		expect(readOnly.fake.groups.get('billing')!.offsets.get('orders-0')).toBe(90);
	});
});
