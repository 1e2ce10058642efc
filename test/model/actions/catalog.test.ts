import {describe, expect, it} from 'vitest';
import {createActionFactory} from '../../../source/model/actions/catalog.js';
import {notCheckedReadOnly} from '../../../source/model/actions/dry-run.js';
import type {ActionId, ActionSubject} from '../../../source/model/actions/types.js';
import {createFakeWriter} from './fake-writer.js';
import {previewOf, setup} from './harness.js';
import {committed, group, partition, snapshotOf, topic} from './snapshot.js';

const world = () => ({
	topics: [topic('orders', [partition(0, {leader: 2}), partition(1), partition(2)])],
	groups: [group('billing', [committed('orders', 0, 10)])],
});

/** Every action, opened where it makes sense, with values that plan. */
const every: Array<[ActionId, ActionSubject, Record<string, string>]> = [
	['createTopic', {}, {name: 'fresh'}],
	['deleteTopic', {topic: 'orders'}, {}],
	['addPartitions', {topic: 'orders'}, {partitions: '4'}],
	['editConfigs', {topic: 'orders'}, {set: 'retention.ms=1000'}],
	['produce', {topic: 'orders'}, {value: 'x'}],
	['purge', {topic: 'orders'}, {}],
	['electLeaders', {topic: 'orders'}, {}],
	['resetOffsets', {group: 'billing'}, {}],
	['deleteGroup', {group: 'billing'}, {}],
];

describe('the action catalog', () => {
	it('is unavailable until the first snapshot', () => {
		const writer = createFakeWriter(snapshotOf()).writer;
		const factory = createActionFactory({snapshot: () => undefined, writer});
		for (const [id, subject] of every) expect(factory(id, subject)).toEqual({unavailable: 'no snapshot of the cluster yet: wait for the first refresh'});
	});

	it('is unavailable for a topic or group not in the snapshot, or without one', () => {
		const {factory} = setup(world());
		expect(factory('deleteTopic', {topic: 'ordrs'})).toEqual({unavailable: 'topic ordrs is not in the latest refresh; similar: orders'});
		expect(factory('purge', {})).toEqual({unavailable: 'open this on a topic'});
		expect(factory('electLeaders', {topic: 'nope'})).toHaveProperty('unavailable');
		expect(factory('deleteGroup', {group: 'nobody'})).toEqual({unavailable: 'group nobody is not in the latest refresh'});
		expect(factory('resetOffsets', {topic: 'orders'})).toEqual({unavailable: 'open this on a consumer group'});
	});

	it('names the cluster and the connection in every preview', async () => {
		const {open} = setup(world());
		for (const [id, subject, values] of every) {
			expect((await previewOf(open(id, subject), values)).target, id).toEqual({clusterId: 'cluster-A', connection: 'bootstrap 127.0.0.1:9092'});
		}
	});

	it('with a read-only writer still previews (saying the broker did not check it) and every apply fails without a change', async () => {
		const {open, fake} = setup(world(), {readOnly: true});
		for (const [id, subject, values] of every) {
			const preview = await previewOf(open(id, subject), values);
			if (['createTopic', 'addPartitions', 'editConfigs'].includes(id)) expect(preview.warnings, id).toContain(notCheckedReadOnly);
			expect(await preview.apply(), id).toEqual({status: 'failed', lines: ['ktop is in read-only mode (--read-only): nothing was sent; restart ktop without --read-only to make changes']});
		}

		expect(fake.topics.get('orders')!.partitions.map(p => [p.low, p.high, p.leader])).toEqual([[0, 100, 2], [0, 100, 2], [0, 100, 3]]);
		expect(fake.topics.has('fresh')).toBe(false);
		expect(fake.groups.get('billing')!.offsets.get('orders-0')).toBe(10);
	});

	it('refuses the actions a broker applies through ZooKeeper while ZooKeeper is in trouble, before the form and before the preview', async () => {
		const reason = 'ZooKeeper has no quorum: the brokers cannot apply this; they would hold a request thread until it returns';
		let trouble: string | undefined;
		const {factory, open, fake} = setup(world(), {zookeeperTrouble: () => trouble});
		// Opened while ZooKeeper was fine; the quorum goes before the operator asks for the preview.
		const opened = every.filter(([id]) => id === 'createTopic' || id === 'editConfigs').map(([id, subject, values]) => [open(id, subject), values] as const);
		const callsBefore = fake.calls.length;
		trouble = reason;
		const throughZookeeper = ['createTopic', 'deleteTopic', 'addPartitions', 'editConfigs', 'electLeaders'];
		for (const [id, subject, values] of every) {
			if (throughZookeeper.includes(id)) {
				expect(factory(id, subject), id).toEqual({unavailable: reason});
			} else {
				// Served without ZooKeeper (produce, purge, group offsets): still offered.
				expect((await previewOf(open(id, subject), values)).title, id).toBeDefined();
			}
		}

		for (const [spec, values] of opened) expect(await spec.plan(values)).toEqual({ok: false, errors: [reason]});
		expect(fake.calls.slice(callsBefore).filter(call => ['describeTopicConfigs', 'createTopic', 'alterTopicConfigs'].includes(call.method))).toEqual([]);
	});

	it('never lets plan or apply throw', async () => {
		const {open, fake} = setup(world());
		const spec = open('purge', {topic: 'orders'});
		fake.writer.listOffsets = async () => {
			throw new TypeError('socket hang up');
		};

		expect(await spec.plan({partitions: 'all', before: 'end'})).toEqual({ok: false, errors: ['socket hang up']});
		const preview = await previewOf(open('deleteGroup', {group: 'billing'}));
		fake.writer.deleteGroup = async () => {
			throw new Error('boom');
		};

		expect(await preview.apply()).toEqual({status: 'failed', lines: ['boom']});
	});
});
