import {liveness} from '../../model/broker-findings.js';
import {plural} from '../../model/phrases.js';
import type {ClusterSnapshot, TopicSummary} from '../../model/types.js';
import {sanitize} from '../../text/sanitize.js';
import {countCell} from '../format/cell.js';
import {thousands, unknown} from '../format/number.js';
import {countPartitions, stateTone, type TopicCounts} from './partition-state.js';
import type {Cell, Pane, Row, Tone} from './pane.js';

/** Every topic with its partitions' health counted; Enter opens its partitions. */
export const topicsPane: Pane = {
	id: 'topics',
	title: () => 'topics',
	aliases: ['topics', 't'],
	columns: [
		{title: 'NAME', width: 'flex', minWidth: 16, sortKey: 'N'},
		{title: 'PARTS', width: 5, align: 'right', sortKey: 'P'},
		{title: 'RF', width: 3, align: 'right', sortKey: 'R'},
		{title: 'MINISR', width: 6, align: 'right', sortKey: 'I'},
		{title: 'OFFLINE', width: 7, align: 'right', sortKey: 'O'},
		{title: '<MIN', width: 5, align: 'right', sortKey: 'B'},
		{title: 'URP', width: 5, align: 'right', sortKey: 'U'},
		{title: 'MESSAGES', width: 13, align: 'right', sortKey: 'M'},
		{title: 'FLAGS', width: 9, sortKey: 'F'},
	],
	rows({snapshot}) {
		const countsOf = topicCounts(snapshot);
		return snapshot.topics.map((topic, index): Row => {
			const counts = countsOf[index]!;
			const tone: Tone | undefined = stateTone[counts.worst] ?? (topic.internal ? 'dim' : undefined);
			const row: Row = {
				key: topic.name,
				cells: [
					{text: sanitize(topic.name)},
					countCell(topic.partitions.length),
					countCell(topic.replicationFactor),
					countCell(topic.minInsyncReplicas),
					countCell(counts.offline, counts.offline > 0 ? 'bad' : undefined),
					countCell(counts.underMinIsr, counts.underMinIsr > 0 ? 'bad' : undefined),
					countCell(counts.underReplicated, counts.underReplicated > 0 ? 'warn' : undefined),
					messagesCell(topic),
					flagsCell(topic),
				],
				open: {view: 'partitions', subject: topic.name},
				topic: topic.name,
			};
			if (tone) row.tone = tone;
			return row;
		});
	},
	summary({snapshot}) {
		let partitions = 0;
		let offline = 0;
		let underMinIsr = 0;
		let underReplicated = 0;
		const countsOf = topicCounts(snapshot);
		for (const [index, topic] of snapshot.topics.entries()) {
			const counts = countsOf[index]!;
			partitions += topic.partitions.length;
			offline += counts.offline;
			underMinIsr += counts.underMinIsr;
			underReplicated += counts.underReplicated;
		}

		const internal = snapshot.topics.filter(topic => topic.internal).length;
		return `${plural(snapshot.topics.length, 'topic')} (${internal} internal), ${plural(partitions, 'partition')}: `
			+ `${thousands(offline)} offline, ${thousands(underMinIsr)} under min ISR (<MIN), ${thousands(underReplicated)} under-replicated (URP)`;
	},
	empty: 'no topics',
};

const countsBySnapshot = new WeakMap<ClusterSnapshot, TopicCounts[]>();

/** Each topic's partitions counted (in snapshot.topics' order) once per snapshot: the rows and the summary line both need them. */
function topicCounts(snapshot: ClusterSnapshot): TopicCounts[] {
	let counts = countsBySnapshot.get(snapshot);
	if (!counts) {
		const live = liveness(snapshot);
		counts = snapshot.topics.map(topic => countPartitions(topic, live));
		countsBySnapshot.set(snapshot, counts);
	}

	return counts;
}

/**
Messages held: high minus low watermark, summed. A partition whose watermarks were not read
leaves the sum a lower bound, shown with "≥"; none read at all is unknown.
*/
function messagesCell(topic: TopicSummary): Cell {
	let sum = 0;
	let read = 0;
	for (const partition of topic.partitions) {
		if (partition.highWatermark === undefined || partition.lowWatermark === undefined) continue;
		sum += Math.max(0, partition.highWatermark - partition.lowWatermark);
		read++;
	}

	if (read === 0 && topic.partitions.length > 0) return {text: unknown, sort: -1, tone: 'dim'};
	return {text: `${read < topic.partitions.length ? '≥' : ''}${thousands(sum)}`, sort: sum};
}

function flagsCell(topic: TopicSummary): Cell {
	if (topic.pendingDeletion) return {text: topic.internal ? 'int,DEL' : 'DELETING', tone: 'warn'};
	return {text: topic.internal ? 'internal' : ''};
}
