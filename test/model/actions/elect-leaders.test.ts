import {describe, expect, it} from 'vitest';
import {planElection} from '../../../source/model/actions/election-plan.js';
import {failure} from './fake-writer.js';
import {errorsOf, previewOf, setup} from './harness.js';
import {partition, topic} from './snapshot.js';

describe('election plans', () => {
	it('moves partitions whose preferred replica is in sync, and lists the others as blocked', () => {
		expect(planElection([
			{topic: 'b', partition: 0, leader: 1, replicas: [1, 2], isr: [1, 2]},
			{topic: 'a', partition: 1, leader: 2, replicas: [1, 2], isr: [1, 2]},
			{topic: 'a', partition: 0, leader: 3, replicas: [2, 3], isr: [3]},
			{topic: 'a', partition: 2, leader: -1, replicas: [1, 2], isr: [1]},
		])).toEqual({
			movable: [{topic: 'a', partition: 1, leader: 2, preferred: 1, isr: [1, 2]}, {topic: 'a', partition: 2, leader: -1, preferred: 1, isr: [1]}],
			blocked: [{topic: 'a', partition: 0, leader: 3, preferred: 2, isr: [3]}],
			balanced: 1,
		});
	});
});

describe('preferred leader election', () => {
	const world = () => ({topics: [
		topic('orders', [partition(0, {leader: 2}), partition(1), partition(2, {leader: 1, isr: [1, 2]})]),
		topic('users', [partition(0, {leader: 3})]),
	]});

	it('offers "this topic" only when opened on a topic', () => {
		const {open} = setup(world());
		expect(open('electLeaders', {topic: 'orders'}).fields[0]).toMatchObject({initial: 'this topic', choices: ['this topic', 'all imbalanced partitions']});
		expect(open('electLeaders').fields[0]).toMatchObject({initial: 'all imbalanced partitions', choices: ['all imbalanced partitions']});
	});

	it('plans from fresh leadership, lists what cannot move, and reports each move after reading leaders again', async () => {
		const {open, fake} = setup(world());
		const preview = await previewOf(open('electLeaders', {topic: 'orders'}));
		expect(fake.calls.filter(c => c.method === 'readPartitions').map(c => c.args[0])).toEqual([['orders']]);
		expect(preview.typed).toBeUndefined();
		expect(preview.lines).toEqual([
			'orders-0  leader 2 → 1',
			'orders-2  cannot: preferred replica 3 not in ISR [1,2]',
			'1 partition to move; 1 already led by the preferred replica',
		]);
		const outcome = await preview.apply();
		expect(outcome).toEqual({status: 'applied', lines: ['orders-0: leader 2 → 1', 'orders-2: not tried: preferred replica 3 not in ISR']});
		expect(fake.writes('electPreferredLeaders')[0]!.args[0]).toEqual([{topic: 'orders', partition: 0}]);
		expect(fake.topics.get('orders')!.partitions[0]!.leader).toBe(1);
	});

	it('covers every topic for "all imbalanced partitions", and reports not-needed and failed parts', async () => {
		const {open, fake} = setup(world());
		const preview = await previewOf(open('electLeaders', {topic: 'orders'}), {scope: 'all imbalanced partitions'});
		expect(preview.lines.slice(0, 2)).toEqual(['orders-0  leader 2 → 1', 'users-0   leader 3 → 1']);
		// Between preview and apply: orders-0 moved back by itself, users-0's election fails.
		fake.topics.get('orders')!.partitions[0]!.leader = 1;
		fake.partFails.set('users-0', failure('PREFERRED_LEADER_NOT_AVAILABLE', 'broker 1 cannot lead users-0 now', 'check broker 1'));
		expect(await preview.apply()).toEqual({status: 'partial', lines: [
			'orders-0: not needed; 1 already leads',
			'users-0: not moved: broker 1 cannot lead users-0 now; check broker 1',
			'orders-2: not tried: preferred replica 3 not in ISR',
		]});
	});

	it('has nothing to do when every partition is led by its preferred replica', async () => {
		const {open, fake} = setup({topics: [topic('orders', 3)]});
		expect(await errorsOf(open('electLeaders', {topic: 'orders'}))).toEqual(['every partition is led by its preferred replica']);
		fake.topics.get('orders')!.partitions[1]!.leader = 3;
		fake.topics.get('orders')!.partitions[1]!.isr = [3];
		expect(await errorsOf(open('electLeaders'))).toEqual(['no partition can move now: orders-1  cannot: preferred replica 2 not in ISR [3]']);
	});
});
