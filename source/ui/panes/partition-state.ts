import {partitionCode} from '../../model/partition-findings.js';
import type {FindingCode, PartitionSummary, TopicSummary} from '../../model/types.js';
import type {Tone} from './pane.js';

/**
One partition's state, taken from the rules the health findings use (model/partition-findings.ts),
so a partition the health pane calls offline is offline here too: no leader, a leader on a broker
that is down, or no live replica at all. Each state outranks the ones after it.
*/
export type PartitionState = 'offline' | 'under-min-isr' | 'at-min-isr' | 'under-replicated' | 'ok';

const byCode: Partial<Record<FindingCode, PartitionState>> = {
	OFFLINE_PARTITION: 'offline',
	UNDER_MIN_ISR: 'under-min-isr',
	AT_MIN_ISR: 'at-min-isr',
	UNDER_REPLICATED: 'under-replicated',
};

export function partitionState(topic: TopicSummary, partition: PartitionSummary, live: (broker: number) => boolean): PartitionState {
	const code = partitionCode(topic, partition, live);
	// At min ISR by design (replication factor = min.insync.replicas, full ISR) is an info finding: no warn tone.
	if (code === 'AT_MIN_ISR' && partition.isr.length >= partition.replicas.length) return 'ok';
	return (code && byCode[code]) ?? 'ok';
}

export const stateTone: Record<PartitionState, Tone | undefined> = {
	'offline': 'bad',
	'under-min-isr': 'bad',
	'at-min-isr': 'warn',
	'under-replicated': 'warn',
	'ok': undefined,
};

export type TopicCounts = {offline: number; underMinIsr: number; underReplicated: number; worst: PartitionState};

const rank: Record<PartitionState, number> = {'offline': 4, 'under-min-isr': 3, 'at-min-isr': 2, 'under-replicated': 1, 'ok': 0};

/**
A topic's partitions counted as the header counts the cluster's (model/partition-counts.ts):
offline ones apart, and under-replicated among those with a live leader, which includes the ones
under min ISR, as Kafka's UnderReplicatedPartitions does. Unlike the header, a topic pending
deletion is counted: its own row should say what state it is in.
*/
export function countPartitions(topic: TopicSummary, live: (broker: number) => boolean): TopicCounts {
	const counts: TopicCounts = {offline: 0, underMinIsr: 0, underReplicated: 0, worst: 'ok'};
	for (const partition of topic.partitions) {
		const state = partitionState(topic, partition, live);
		if (state === 'offline') counts.offline++;
		else if (partition.isr.length < partition.replicas.length) counts.underReplicated++;
		if (state === 'under-min-isr') counts.underMinIsr++;
		if (rank[state] > rank[counts.worst]) counts.worst = state;
	}

	return counts;
}
