import {compareNatural, compareNumbers} from './natural-order.js';
import {minIsrStanding} from './min-isr.js';
import {count, ids, partitionName, plural, some} from './phrases.js';
import type {ClusterSnapshot, Finding, FindingCode, PartitionSummary, Severity, TopicSummary} from './types.js';

export type FoldLimits = {
	/** More affected partitions than this in one topic become one finding for the topic. */
	partitionsPerTopic: number;
	/** More findings than this for one code become one finding for the whole cluster. */
	findingsPerCode: number;
};

/**
Partition health: each partition gets at most one of OFFLINE_PARTITION, UNDER_MIN_ISR,
AT_MIN_ISR, UNDER_REPLICATED (the worst that applies: each implies or outranks the next),
plus METADATA_MISMATCH when ZooKeeper and the brokers disagree. Topics pending deletion are
skipped: their partitions are going away, and TOPIC_DELETION_STUCK speaks for them.
Findings fold per topic and then per cluster (see `fold`), so a dead broker under 10,000
partitions yields a handful of findings, not thousands.
*/
export function partitionFindings(snapshot: ClusterSnapshot, live: (broker: number) => boolean, limits: FoldLimits): Finding[] {
	const issues = new Map<string, Issue[]>();
	const add = (code: FindingCode, issue: Issue) => {
		// One fold per code and severity: AT_MIN_ISR is a warning once replicas were lost, info by design.
		const key = `${code}\u0000${issue.severity ?? describe[code]!.severity}`;
		const list = issues.get(key);
		if (list) list.push(issue);
		else issues.set(key, [issue]);
	};

	for (const topic of snapshot.topics) {
		if (topic.pendingDeletion) continue;
		for (const partition of topic.partitions) {
			const health = partitionHealth(topic, partition, live);
			if (health) add(health.code, {code: health.code, topic: topic.name, partition: partition.partition, message: health.message, outOfIsr: outOfIsr(partition), ...(health.severity ? {severity: health.severity} : {})});
			const zk = partition.zkStateMismatch;
			if (zk) {
				add('METADATA_MISMATCH', {
					code: 'METADATA_MISMATCH',
					topic: topic.name,
					partition: partition.partition,
					message: `ZooKeeper's state says leader ${zk.leader}, ISR ${ids(zk.isr)}; the brokers' metadata says leader ${partition.leader}, ISR ${ids(partition.isr)}`,
					outOfIsr: [],
				});
			}
		}
	}

	const totals = new Map(snapshot.topics.map(topic => [topic.name, topic.partitions.length]));
	return [...issues.values()].flatMap(list => fold(list[0]!.code, list, totals, snapshot.takenAt, limits));
}

type Issue = {code: FindingCode; topic: string; partition: number; message: string; outOfIsr: number[]; severity?: Severity};

const describe: Record<string, {severity: Severity; phrase: string}> = {
	OFFLINE_PARTITION: {severity: 'critical', phrase: 'offline'},
	UNDER_MIN_ISR: {severity: 'critical', phrase: 'under min.insync.replicas'},
	AT_MIN_ISR: {severity: 'warning', phrase: 'at min.insync.replicas (one replica lost refuses writes with acks=all)'},
	UNDER_REPLICATED: {severity: 'warning', phrase: 'under-replicated'},
	METADATA_MISMATCH: {severity: 'warning', phrase: 'where ZooKeeper and the brokers disagree'},
};

/** The four partition states a finding can name, worst first. */
export type PartitionCode = 'OFFLINE_PARTITION' | 'UNDER_MIN_ISR' | 'AT_MIN_ISR' | 'UNDER_REPLICATED';

/**
Which state applies to a partition, if any: partitionHealth's judgement without its message.
Counting asks this of every partition on every refresh (the header, the topics pane): it builds
no strings.
*/
export function partitionCode(topic: TopicSummary, partition: PartitionSummary, live: (broker: number) => boolean): PartitionCode | undefined {
	const {leader, replicas, isr} = partition;
	if (leader < 0 || !live(leader) || (replicas.length > 0 && !replicas.some(replica => live(replica)))) return 'OFFLINE_PARTITION';
	const standing = minIsrStanding(topic.minInsyncReplicas, partition);
	if (standing.underMinIsr) return 'UNDER_MIN_ISR';
	// As kafka-topics --at-min-isr-partitions: replication factor = min.insync.replicas counts too.
	if (standing.atMinIsr) return 'AT_MIN_ISR';
	if (isr.length < replicas.length) return 'UNDER_REPLICATED';
	return undefined;
}

export function partitionHealth(topic: TopicSummary, partition: PartitionSummary, live: (broker: number) => boolean): {code: PartitionCode; message: string; severity?: Severity} | undefined {
	const code = partitionCode(topic, partition, live);
	if (code === undefined) return undefined;
	const {leader, replicas, isr} = partition;
	const minIsr = topic.minInsyncReplicas;
	const state = `ISR ${ids(isr)} of replicas ${ids(replicas)}`;
	const withMin = minIsr === undefined ? state : `${state}; min.insync.replicas=${minIsr}`;
	switch (code) {
		case 'OFFLINE_PARTITION': {
			if (leader < 0) return {code, message: `no leader; ${state}`};
			if (!live(leader)) return {code, message: `leader ${leader} is down; ${state}`};
			return {code, message: `no replica is alive; ${state}`};
		}

		case 'UNDER_MIN_ISR': return {code, message: `${withMin}: writes with acks=all are refused`};
		case 'AT_MIN_ISR': {
			if (isr.length < replicas.length) return {code, message: `${withMin}; out of ISR: ${ids(outOfIsr(partition))}; one more replica lost refuses writes with acks=all`};
			// At its minimum by design: nothing is wrong now, but no replica may be lost (info, not a warning).
			return {code, severity: 'info', message: `${withMin}: replication factor ${replicas.length} leaves no spare replica, so any one replica lost refuses writes with acks=all`};
		}
		case 'UNDER_REPLICATED': return {code, message: `${withMin}; out of ISR: ${ids(outOfIsr(partition))}`};
	}
}

function outOfIsr(partition: PartitionSummary): number[] {
	const inSync = new Set(partition.isr);
	return partition.replicas.filter(replica => !inSync.has(replica)).sort(compareNumbers);
}

/**
Up to `partitionsPerTopic` affected partitions of a topic are reported one by one; past that the
topic gets one finding with the count. Past `findingsPerCode` findings, the code gets one finding
for the whole cluster naming the most affected topics. Either way the brokers out of ISR are
counted, since that is usually the cause an operator is looking for.
*/
function fold(code: FindingCode, issues: Issue[], totals: ReadonlyMap<string, number>, at: number, limits: FoldLimits): Finding[] {
	const {phrase} = describe[code]!;
	const severity = issues[0]!.severity ?? describe[code]!.severity;
	const byTopic = new Map<string, Issue[]>();
	for (const issue of issues) {
		const list = byTopic.get(issue.topic);
		if (list) list.push(issue);
		else byTopic.set(issue.topic, [issue]);
	}

	const findings: Finding[] = [];
	for (const [topic, list] of byTopic) {
		if (list.length <= limits.partitionsPerTopic) {
			for (const issue of list) findings.push({severity, code, subject: partitionName(topic, issue.partition), message: issue.message, since: at});
			continue;
		}

		const names = list.sort((a, b) => a.partition - b.partition).map(issue => partitionName(topic, issue.partition));
		findings.push({
			severity, code, subject: `topic ${topic}`, since: at,
			message: `${count(list.length)} of ${plural(totals.get(topic) ?? list.length, 'partition')} ${phrase}: ${some(names)}${brokersOutOfIsr(list)}`,
		});
	}

	if (findings.length <= limits.findingsPerCode) return findings;
	const topics = [...byTopic].sort(([a, x], [b, y]) => y.length - x.length || compareNatural(a, b)).map(([topic, list]) => `${topic} (${count(list.length)})`);
	return [{
		severity, code, subject: 'cluster', since: at,
		message: `${plural(issues.length, 'partition')} in ${plural(byTopic.size, 'topic')} ${phrase}; most affected: ${some(topics)}${brokersOutOfIsr(issues)}`,
	}];
}

function brokersOutOfIsr(issues: readonly Issue[]): string {
	const counts = new Map<number, number>();
	for (const issue of issues) {
		for (const broker of issue.outOfIsr) counts.set(broker, (counts.get(broker) ?? 0) + 1);
	}

	if (counts.size === 0) return '';
	const brokers = [...counts].sort(([a, x], [b, y]) => y - x || a - b).map(([broker, partitions]) => `broker ${broker} (${plural(partitions, 'partition')})`);
	return `; out of ISR: ${some(brokers)}`;
}
