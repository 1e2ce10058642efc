import {compareNatural, compareNumbers} from './natural-order.js';
import {count, ids, partitionName, plural, some} from './phrases.js';
import {severityRank} from './finding-order.js';
import type {ClusterEvent, ClusterSnapshot, EventKind, PartitionSummary, Severity} from './types.js';

type PartitionKind = Extract<EventKind, 'leader-changed' | 'isr-shrank' | 'isr-expanded'>;

type Change = {
	kind: PartitionKind;
	topic: string;
	partition: number;
	severity: Severity;
	message: string;
	/** The brokers the change is about (new leader, replicas that left or rejoined), for summaries. */
	brokers: number[];
};

/**
Leader and ISR changes of partitions present in both snapshots. Up to `eventsPerKind` changes of
a kind are events of their own; past that they fold into one event per topic, and past that
again into one for the cluster, so a broker that dies under 10,000 partitions writes a few
lines in the timeline instead of flushing it.
*/
export function partitionEvents(prev: ClusterSnapshot, next: ClusterSnapshot, eventsPerKind: number): ClusterEvent[] {
	const before = new Map<string, PartitionSummary>();
	for (const topic of prev.topics) {
		for (const partition of topic.partitions) before.set(partitionName(topic.name, partition.partition), partition);
	}

	const changes = new Map<PartitionKind, Change[]>([['leader-changed', []], ['isr-shrank', []], ['isr-expanded', []]]);
	for (const topic of next.topics) {
		for (const partition of topic.partitions) {
			const old = before.get(partitionName(topic.name, partition.partition));
			if (old) for (const change of changesOf(topic.name, old, partition)) changes.get(change.kind)!.push(change);
		}
	}

	return [...changes.values()].flatMap(list => fold(list, next.takenAt, eventsPerKind));
}

function changesOf(topic: string, old: PartitionSummary, now: PartitionSummary): Change[] {
	const name = partitionName(topic, now.partition);
	const changes: Change[] = [];
	const base = {topic, partition: now.partition};
	if (old.leader !== now.leader) {
		if (now.leader < 0) {
			changes.push({...base, kind: 'leader-changed', severity: 'critical', brokers: [], message: `${name} lost its leader (was broker ${old.leader})`});
		} else if (old.leader < 0) {
			changes.push({...base, kind: 'leader-changed', severity: 'info', brokers: [now.leader], message: `${name} has a leader again: broker ${now.leader}`});
		} else {
			changes.push({...base, kind: 'leader-changed', severity: 'info', brokers: [now.leader], message: `${name} leader moved from broker ${old.leader} to broker ${now.leader}`});
		}
	}

	const left = old.isr.filter(replica => !now.isr.includes(replica)).sort(compareNumbers);
	const joined = now.isr.filter(replica => !old.isr.includes(replica)).sort(compareNumbers);
	if (left.length > 0) {
		changes.push({...base, kind: 'isr-shrank', severity: 'warning', brokers: left, message: `${name} ISR shrank: ${brokers(left)} left, ISR now ${ids(now.isr)}`});
	}

	if (joined.length > 0) {
		changes.push({...base, kind: 'isr-expanded', severity: 'info', brokers: joined, message: `${name} ISR expanded: ${brokers(joined)} rejoined, ISR now ${ids(now.isr)}`});
	}

	return changes;
}

const summaries: Record<PartitionKind, {did: string; brokers: string}> = {
	'leader-changed': {did: 'leader changed', brokers: 'new leaders'},
	'isr-shrank': {did: 'ISR shrank', brokers: 'left the ISR'},
	'isr-expanded': {did: 'ISR expanded', brokers: 'rejoined the ISR'},
};

function fold(changes: Change[], at: number, most: number): ClusterEvent[] {
	const sorted = changes.sort((a, b) => compareNatural(a.topic, b.topic) || a.partition - b.partition);
	if (sorted.length <= most) {
		return sorted.map(change => ({at, kind: change.kind, subject: partitionName(change.topic, change.partition), severity: change.severity, message: change.message}));
	}

	const byTopic = new Map<string, Change[]>();
	for (const change of sorted) {
		const list = byTopic.get(change.topic);
		if (list) list.push(change);
		else byTopic.set(change.topic, [change]);
	}

	if (byTopic.size <= most) {
		return [...byTopic].map(([topic, list]) => summary(list, `topic ${topic}`, `on ${plural(list.length, 'partition')} of ${topic}`, at));
	}

	return [summary(sorted, 'cluster', `on ${plural(sorted.length, 'partition')} in ${plural(byTopic.size, 'topic')}`, at)];
}

function summary(changes: Change[], subject: string, where: string, at: number): ClusterEvent {
	const kind = changes[0]!.kind;
	const counts = new Map<number, number>();
	let lostLeader = 0;
	let severity: Severity = 'info';
	for (const change of changes) {
		if (severityRank[change.severity] < severityRank[severity]) severity = change.severity;
		if (kind === 'leader-changed' && change.brokers.length === 0) lostLeader++;
		for (const broker of change.brokers) counts.set(broker, (counts.get(broker) ?? 0) + 1);
	}

	const parts = [...counts].sort(([a, x], [b, y]) => y - x || a - b).map(([broker, times]) => `broker ${broker} (${count(times)})`);
	const details = [
		...(parts.length > 0 ? [`${summaries[kind].brokers}: ${some(parts)}`] : []),
		...(lostLeader > 0 ? [`${plural(lostLeader, 'partition')} left without a leader`] : []),
	];
	return {at, kind, subject, severity, message: `${summaries[kind].did} ${where}; ${details.join('; ')}`};
}

function brokers(list: readonly number[]): string {
	return list.length === 1 ? `broker ${list[0]}` : `brokers ${list.join(', ')}`;
}
