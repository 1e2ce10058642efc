import {describe, expect, it} from 'vitest';
import {parsePurgeBefore, planPurge} from '../../../source/model/actions/purge-plan.js';
import {failure} from './fake-writer.js';
import {errorsOf, previewOf, setup} from './harness.js';
import {committed, group, topic} from './snapshot.js';

describe('purge plans', () => {
	const marks = [{partition: 0, low: 10, high: 100}, {partition: 1, low: 60, high: 80}, {partition: 2, low: 0, high: 0}];

	it('deletes everything up to the high watermark for "end"', () => {
		expect(planPurge(marks, 'end')).toEqual([
			{partition: 0, low: 10, high: 100, newLow: 100, deleted: 90, note: undefined},
			{partition: 1, low: 60, high: 80, newLow: 80, deleted: 20, note: undefined},
			{partition: 2, low: 0, high: 0, newLow: 0, deleted: 0, note: undefined},
		]);
	});

	it('applies one offset to each partition, clamped into [low, high] with a note', () => {
		expect(planPurge(marks, 50)).toEqual([
			{partition: 0, low: 10, high: 100, newLow: 50, deleted: 40, note: undefined},
			{partition: 1, low: 60, high: 80, newLow: 60, deleted: 0, note: 'already starts at 60'},
			{partition: 2, low: 0, high: 0, newLow: 0, deleted: 0, note: '50 is past the end: up to 0'},
		]);
	});

	it('reads "end" or an offset', () => {
		expect(parsePurgeBefore(' END ')).toBe('end');
		expect(parsePurgeBefore('42')).toBe(42);
		expect(parsePurgeBefore('-1')).toEqual({error: 'before: "-1" is neither "end" nor an offset'});
	});
});

describe('purge records', () => {
	const world = () => ({
		topics: [topic('orders', 3), topic('users', 1, {cleanupPolicy: 'compact'})],
		groups: [group('billing', [committed('orders', 0, 40), committed('orders', 1, 100)])],
	});

	it('prefills the row\'s partition, else all, and refuses compacted topics', () => {
		const {open, factory} = setup(world());
		expect(open('purge', {topic: 'orders', partition: 2}).fields.map(f => f.initial)).toEqual(['2', 'end']);
		expect(open('purge', {topic: 'orders'}).fields.map(f => f.initial)).toEqual(['all', 'end']);
		expect(factory('purge', {topic: 'users'})).toEqual({unavailable: 'users is compacted (cleanup.policy=compact): Kafka does not delete records from it by offset'});
	});

	it('plans from fresh watermarks (not the snapshot), asks for the name, and sends exactly the planned new starts', async () => {
		const {open, fake} = setup(world());
		// Since the snapshot, partition 0 grew and partition 1 was already purged to 90.
		fake.topics.get('orders')!.partitions[0]!.high = 150;
		fake.topics.get('orders')!.partitions[1]!.low = 90;
		const preview = await previewOf(open('purge', {topic: 'orders'}), {partitions: '0,1', before: '120'});
		expect(preview.typed).toBe('orders');
		expect(preview.lines).toEqual([
			'partition  low  high  new low  deleted',
			'orders-0     0   150      120      120',
			'orders-1    90   100      100       10  120 is past the end: up to 100',
			'total: 130 records deleted from 2 partitions',
		]);
		expect(preview.warnings).toEqual([
			'130 records deleted for good',
			'group billing has not read orders-0 up to the new start: it loses those records and resumes by its auto.offset.reset',
		]);
		expect(fake.writes()).toEqual([]);
		expect(await preview.apply()).toEqual({status: 'applied', lines: [
			'orders-0: log start 0 → 120, 120 records deleted',
			'orders-1: log start 90 → 100, 10 records deleted',
		]});
		expect(fake.writes('deleteRecords')[0]!.args).toEqual(['orders', [{partition: 0, beforeOffset: 120}, {partition: 1, beforeOffset: 100}]]);
		expect(fake.topics.get('orders')!.partitions.map(p => p.low)).toEqual([120, 100, 0]);
	});

	it('skips partitions with nothing to delete, and refuses when none has any', async () => {
		const {open, fake} = setup(world());
		const spec = open('purge', {topic: 'orders'});
		const preview = await previewOf(spec, {partitions: 'all', before: '50'});
		await preview.apply();
		expect(fake.writes('deleteRecords')[0]!.args[1]).toEqual([{partition: 0, beforeOffset: 50}, {partition: 1, beforeOffset: 50}, {partition: 2, beforeOffset: 50}]);
		expect(await errorsOf(spec, {before: '50'})).toEqual(['nothing to delete: the chosen partitions already start at or after that offset']);
	});

	it('reports a partial purge: exactly which partitions moved and which did not', async () => {
		const {open, fake} = setup(world());
		const preview = await previewOf(open('purge', {topic: 'orders'}), {});
		fake.partFails.set('orders-1', failure('NOT_LEADER_OR_FOLLOWER', 'the leader of orders-1 moved', 'try again'));
		expect(await preview.apply()).toEqual({status: 'partial', lines: [
			'orders-0: log start 0 → 100, 100 records deleted',
			'orders-1: not purged: the leader of orders-1 moved; try again',
			'orders-2: log start 0 → 100, 100 records deleted',
		]});
	});

	it('refuses bad partition lists, offsets and partitions the topic lacks', async () => {
		const spec = setup(world()).open('purge', {topic: 'orders'});
		expect(await errorsOf(spec, {partitions: 'x', before: 'soon'})).toEqual([
			'partitions: "x" is not a partition or a range like 5-7', 'before: "soon" is neither "end" nor an offset',
		]);
		expect(await errorsOf(spec, {partitions: '0,7'})).toEqual(['partitions: orders has no partition 7 (it has 0-2)']);
	});
});
