import {liveness} from '../../model/broker-findings.js';
import {plural} from '../../model/phrases.js';
import type {PartitionSummary, TopicSummary} from '../../model/types.js';
import {sanitize} from '../../text/sanitize.js';
import {brokerList} from '../format/broker-list.js';
import {offsetCell} from '../format/cell.js';
import {exactDuration} from '../format/duration.js';
import {notApplicable, thousands, unknown} from '../format/number.js';
import {countPartitions, partitionState, stateTone} from './partition-state.js';
import type {Cell, Pane, PaneContext, Row} from './pane.js';

/**
The partitions of one topic (the subject). Replicas out of the ISR carry a "!" so they show
without colour; a leader on a broker that is down says so.
*/
export const partitionsPane: Pane = {
	id: 'partitions',
	title: subject => (subject === undefined ? 'partitions' : `partitions of ${sanitize(subject)}`),
	aliases: [],
	columns: [
		{title: 'PART', width: 5, align: 'right', sortKey: 'P'},
		{title: 'LEADER', width: 7, sortKey: 'L'},
		{title: 'REPLICAS', width: 'flex', minWidth: 9, sortKey: 'R'},
		{title: 'ISR', width: 'flex', minWidth: 7, sortKey: 'I'},
		{title: 'OFFLINE', width: 8, sortKey: 'O'},
		{title: 'PREF', width: 4, sortKey: 'F'},
		{title: 'LOW', width: 11, align: 'right', sortKey: 'W'},
		{title: 'HIGH', width: 11, align: 'right', sortKey: 'H'},
		{title: 'EPOCH', width: 5, align: 'right', sortKey: 'E'},
	],
	rows(context) {
		const topic = topicOf(context);
		if (!topic) return [];
		const live = liveness(context.snapshot);
		return topic.partitions.map(partition => partitionRow(partition, topic, live));
	},
	summary(context) {
		const topic = topicOf(context);
		if (context.subject === undefined) return undefined;
		if (!topic) return `topic ${sanitize(context.subject)} is not in the cluster (deleted, or not read)`;
		const counts = countPartitions(topic, liveness(context.snapshot));
		const configs = [
			`RF ${topic.replicationFactor}`,
			`min.insync.replicas ${topic.minInsyncReplicas ?? unknown}`,
			`cleanup.policy ${topic.cleanupPolicy === undefined ? unknown : sanitize(topic.cleanupPolicy)}`,
			`retention ${topic.retentionMs === undefined ? unknown : exactDuration(topic.retentionMs)}`,
			...(topic.internal ? ['internal'] : []),
			...(topic.pendingDeletion ? ['PENDING DELETION'] : []),
		];
		return `${configs.join(', ')} · ${plural(topic.partitions.length, 'partition')}: ${thousands(counts.offline)} offline, `
			+ `${thousands(counts.underMinIsr)} under min ISR, ${thousands(counts.underReplicated)} under-replicated · ! = out of ISR`;
	},
	empty: 'no partitions to show',
	defaultSort: {column: 0, descending: false},
};

function topicOf({snapshot, subject}: PaneContext): TopicSummary | undefined {
	return subject === undefined ? undefined : snapshot.topics.find(topic => topic.name === subject);
}

function partitionRow(partition: PartitionSummary, topic: TopicSummary, live: (broker: number) => boolean): Row {
	const tone = stateTone[partitionState(topic, partition, live)];
	// ISRs hold a handful of ids: a scan is cheaper than a Set per row at 10,000 rows.
	const inIsr = (replica: number) => partition.isr.includes(replica);
	const outOfIsr = !partition.replicas.every(replica => inIsr(replica));
	const row: Row = {
		key: String(partition.partition),
		// c consumes the whole topic: the consume view shows every partition, each row saying which.
		topic: topic.name,
		partition: partition.partition,
		cells: [
			{text: String(partition.partition), sort: partition.partition},
			leaderCell(partition.leader, live),
			{
				text: brokerList(partition.replicas, replica => (inIsr(replica) ? '' : '!')),
				sort: partition.replicas[0] ?? -1,
				...(outOfIsr ? {tone: 'warn' as const} : {}),
			},
			{text: brokerList(partition.isr), sort: partition.isr.length},
			partition.offlineReplicas.length > 0
				? {text: brokerList(partition.offlineReplicas), sort: partition.offlineReplicas.length, tone: 'bad'}
				: {text: notApplicable, sort: 0},
			preferredCell(partition),
			offsetCell(partition.lowWatermark),
			offsetCell(partition.highWatermark),
			offsetCell(partition.leaderEpoch),
		],
	};
	if (tone) row.tone = tone;
	return row;
}

/** -1 is Kafka's "no leader"; a leader whose broker is down is as good as none, and says which it was. */
function leaderCell(leader: number, live: (broker: number) => boolean): Cell {
	if (leader < 0) return {text: 'none', sort: -1, tone: 'bad'};
	if (!live(leader)) return {text: `${leader} down`, sort: leader, tone: 'bad'};
	return {text: String(leader), sort: leader};
}

/** Without a leader there is nothing to compare to the preferred (first) replica. */
function preferredCell(partition: PartitionSummary): Cell {
	if (partition.leader < 0 || partition.replicas.length === 0) return {text: notApplicable, sort: -1};
	return partition.preferredLeader ? {text: 'yes', sort: 1} : {text: 'NO', sort: 0, tone: 'warn'};
}
