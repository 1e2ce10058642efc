import type {PartitionLeadership} from '../../cluster/write-types.js';
import {ids} from '../phrases.js';

export type ElectionRow = {
	topic: string;
	partition: number;
	/** -1 when the partition has no leader. */
	leader: number;
	/** The first replica: the broker Kafka's assignment meant to lead. */
	preferred: number;
	isr: number[];
};

export type ElectionPlan = {
	/** Led by another replica while the preferred one is in sync: an election moves them. */
	movable: ElectionRow[];
	/** The preferred replica is out of sync: Kafka would refuse (it never elects an out-of-sync replica). */
	blocked: ElectionRow[];
	balanced: number;
};

export function planElection(partitions: readonly PartitionLeadership[]): ElectionPlan {
	const plan: ElectionPlan = {movable: [], blocked: [], balanced: 0};
	const sorted = [...partitions].sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
	for (const {topic, partition, leader, replicas, isr} of sorted) {
		const preferred = replicas[0];
		if (preferred === undefined || leader === preferred) {
			plan.balanced++;
			continue;
		}

		const row = {topic, partition, leader, preferred, isr};
		(isr.includes(preferred) ? plan.movable : plan.blocked).push(row);
	}

	return plan;
}

export function leaderText(leader: number): string {
	return leader < 0 ? 'none' : String(leader);
}

export function electionCells(row: ElectionRow): string[] {
	return [`${row.topic}-${row.partition}`, `leader ${leaderText(row.leader)} → ${row.preferred}`];
}

export function blockedCells(row: ElectionRow): string[] {
	return [`${row.topic}-${row.partition}`, `cannot: preferred replica ${row.preferred} not in ISR ${ids(row.isr)}`];
}
