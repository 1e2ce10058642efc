import type {ClusterSnapshot, PartitionSummary, TopicSummary} from '../../source/model/types.js';
import {group, healthy, partition, topic} from '../../test/ui/panes/fixtures.js';

/** The topic whose partitions the partitions pane shows: 1,000 rows to scroll. */
export const bigTopic = 'bench-big';

/**
10,000 partitions as the scenario lays them out (replication factor 1, leaders round-robin)
in two shapes at once: 900 topics of 10 partitions for the topics pane to list, and one topic of
1,000 for the partitions pane; 500 idle groups. ZooKeeper and brokers as in the pane tests.
*/
export function renderSnapshot(takenAt: number): ClusterSnapshot {
	const partitions = (count: number, offset: number): PartitionSummary[] => Array.from({length: count}, (_, index) => {
		const leader = 1 + ((offset + index) % 3);
		return partition(index, leader, [leader], [leader], {lowWatermark: 0, highWatermark: 1000 + index});
	});
	const topics: TopicSummary[] = [
		...Array.from({length: 900}, (_, index) => topic(`bench-t-${String(index).padStart(5, '0')}`, partitions(10, index), {minInsyncReplicas: 1})),
		topic(bigTopic, partitions(1000, 0), {minInsyncReplicas: 1}),
	];
	const groups = Array.from({length: 500}, (_, index) => group(`bench-g-${String(index).padStart(4, '0')}`, {
		state: 'Empty',
		partitions: Array.from({length: 10}, (_, p) => ({
			topic: topics[index % 100]!.name, partition: p, committed: 0, highWatermark: 1000 + p, lag: 1000 + p, owner: undefined, status: 'OK' as const,
		})),
		lag: 10_045,
	}));
	return {...healthy(), takenAt, topics, groups, findings: []};
}

/** Every partition's high watermark moved on, as on a busy cluster: new objects, as the store would give. */
export function withNewWatermarks(snapshot: ClusterSnapshot, takenAt: number, step: number): ClusterSnapshot {
	return {
		...snapshot,
		takenAt,
		topics: snapshot.topics.map(each => ({
			...each,
			partitions: each.partitions.map(part => ({...part, highWatermark: (part.highWatermark ?? 0) + 1 + ((part.partition * 7 + step) % 13)})),
		})),
	};
}
