import {describe, expect, it} from 'vitest';
import {applyListOffsets, indexPartitions, planByLeader} from '../../../source/cluster/kafka/read-watermarks.js';
import {Tally} from '../../../source/cluster/kafka/tally.js';
import type {RawListOffsets} from '../../../source/cluster/kafka/wire-types.js';
import type {MetadataTopic} from '../../../source/cluster/types.js';
import {recorded} from './recorded.js';

function topic(name: string, leaders: number[]): MetadataTopic {
	return {
		name, internal: false,
		partitions: leaders.map((leader, partition) => ({partition, leader, replicas: [], isr: [], offlineReplicas: [], lowWatermark: undefined, highWatermark: undefined})),
	};
}

describe('planByLeader', () => {
	it('asks each leader once for all its partitions, and skips partitions without a leader', () => {
		expect(planByLeader([topic('a', [1, 2, 1, -1]), topic('b', [2, 2])], 100)).toEqual([
			{leader: 1, topics: [{topic: 'a', partitions: [0, 2]}]},
			{leader: 2, topics: [{topic: 'a', partitions: [1]}, {topic: 'b', partitions: [0, 1]}]},
		]);
	});

	it('splits a leader\'s partitions into requests of at most the given size', () => {
		const plan = planByLeader([topic('a', Array.from({length: 2500}, () => 3))], 1000);
		expect(plan.map(request => request.topics[0]!.partitions.length)).toEqual([1000, 1000, 500]);
		expect(plan.every(request => request.leader === 3)).toBe(true);
	});
});

describe('applyListOffsets', () => {
	const replies = () => recorded<{leader: number; earliest: RawListOffsets; latest: RawListOffsets; notLeader: RawListOffsets}>('list-offsets.json');

	it('puts the recorded earliest and latest offsets into low and high watermarks', () => {
		const topics = [topic('ktop-fixture-orders', [2, 3, 1])];
		const index = indexPartitions(topics);
		const failures = new Tally();
		applyListOffsets(replies().earliest, index, 'lowWatermark', failures);
		applyListOffsets(replies().latest, index, 'highWatermark', failures);
		expect(topics[0]!.partitions[0]).toMatchObject({lowWatermark: 0, highWatermark: 2});
		expect(topics[0]!.partitions[1]).toMatchObject({lowWatermark: undefined, highWatermark: undefined});
		expect(failures.size).toBe(0);
	});

	it('tallies the recorded NOT_LEADER reply of a follower per partition, leaving the watermark unknown', () => {
		const topics = [topic('ktop-fixture-orders', [2, 3, 1])];
		const failures = new Tally();
		applyListOffsets(replies().notLeader, indexPartitions(topics), 'highWatermark', failures);
		expect(topics[0]!.partitions[0]!.highWatermark).toBeUndefined();
		expect(failures.errors('kafka:watermarks', 'partition')).toEqual([{source: 'kafka:watermarks', message: 'NOT_LEADER_FOR_PARTITION (1 partition: ktop-fixture-orders-0)'}]);
	});
});

describe('Tally', () => {
	it('says how many subjects share a reason, with a few examples', () => {
		const tally = new Tally();
		tally.add('broker 3: no reply within 3000 ms', ['a-0', 'a-1', 'a-2', 'a-3']);
		tally.add('broker 3: no reply within 3000 ms', 'b-0');
		expect(tally.errors('kafka:watermarks', 'partition')).toEqual([
			{source: 'kafka:watermarks', message: 'broker 3: no reply within 3000 ms (5 partitions, e.g. a-0, a-1, a-2)'},
		]);
	});
});
