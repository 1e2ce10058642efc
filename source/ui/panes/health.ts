import {heldNote} from '../../model/phrases.js';
import type {Finding, FindingCode, NotJudged} from '../../model/types.js';
import {sanitize} from '../../text/sanitize.js';
import {age} from '../format/duration.js';
import {severityCell, severityTone} from '../format/severity.js';
import type {Pane, Row, ViewRef} from './pane.js';

/** The "what is broken right now" screen: the model's findings, worst first, as it ordered them. */
export const healthPane: Pane = {
	id: 'health',
	title: () => 'health',
	aliases: ['health', 'h'],
	columns: [
		{title: 'SEV', width: 4, sortKey: 'S'},
		// 21 fits every code but the two longest info codes, which keep a recognisable prefix.
		{title: 'CODE', width: 21, sortKey: 'C'},
		{title: 'SUBJECT', width: 'flex', minWidth: 12, sortKey: 'U'},
		{title: 'MESSAGE', width: 'flex', minWidth: 20, sortKey: 'M'},
		{title: 'SINCE', width: 6, align: 'right', sortKey: 'A'},
	],
	rows({snapshot, now}) {
		const topics = new Set(snapshot.topics.map(topic => topic.name));
		const findings = snapshot.findings.map((finding): Row => {
			const row: Row = {
				key: `${finding.code}\u0000${finding.subject}`,
				tone: severityTone[finding.severity],
				cells: [
					severityCell(finding.severity),
					{text: finding.code},
					{text: sanitize(finding.subject)},
					{text: sanitize(`${finding.message}${heldNote(finding)}`)},
					// Sorting by how long it has lasted, so ascending reads like the text: newest first.
					{text: age(now - finding.since), sort: now - finding.since},
				],
			};
			const open = openFor(finding, topics);
			if (open) row.open = open;
			return row;
		});
		return [...findings, ...(snapshot.notJudged ?? []).map(notJudgedRow)];
	},
	summary({snapshot}) {
		const unjudged = snapshot.notJudged?.length ? `${snapshot.notJudged.length} checks cannot be judged without ZooKeeper (brokers only)` : undefined;
		if (snapshot.findings.length === 0) return unjudged;
		const count = (severity: Finding['severity']) => snapshot.findings.filter(finding => finding.severity === severity).length;
		return [`${count('critical')} CRIT, ${count('warning')} WARN, ${count('info')} INFO`, unjudged].filter(Boolean).join(' · ');
	},
	empty: 'no findings: the cluster looks healthy',
	defaultSort: {column: 0, descending: false},
};

/** A check brokers-only could not run: after every finding, `?` rather than a severity it has not got. */
function notJudgedRow(entry: NotJudged): Row {
	return {
		key: `not-judged\u0000${entry.code}`,
		tone: 'dim',
		cells: [
			{text: '?', sort: 9},
			{text: entry.code},
			{text: 'not judged'},
			{text: sanitize(`${entry.reason}; needs ${entry.needs}`)},
			{text: ''},
		],
	};
}

const partitionCodes = new Set<FindingCode>([
	'OFFLINE_PARTITION', 'UNDER_MIN_ISR', 'AT_MIN_ISR', 'UNDER_REPLICATED', 'METADATA_MISMATCH', 'TOPIC_DELETION_STUCK', 'REASSIGNMENT_IN_PROGRESS',
]);
const brokerCodes = new Set<FindingCode>(['BROKER_UNREACHABLE', 'BROKER_NOT_REGISTERED', 'NO_CONTROLLER', 'PREFERRED_LEADER_IMBALANCE']);

/**
Where Enter leads from a finding, decided by its code, since subjects take several shapes:
a partition ("orders-3"), a topic ("topic orders"), "cluster" for findings folded across
topics, a group ("group billing"), a broker, a ZooKeeper server. A topic is opened only when
the snapshot has it, which also settles "a-1-2" (topic "a-1", partition 2): Kafka topic names
may contain dashes, so the last "-N" is the partition.
*/
function openFor(finding: Finding, topics: ReadonlySet<string>): ViewRef | undefined {
	const {code, subject} = finding;
	if (partitionCodes.has(code)) {
		if (subject === 'cluster') return {view: 'topics'};
		const topic = subject.startsWith('topic ') ? subject.slice('topic '.length) : /^(.*)-\d+$/.exec(subject)?.[1];
		return topic !== undefined && topics.has(topic) ? {view: 'partitions', subject: topic} : undefined;
	}

	if (code.startsWith('GROUP_')) {
		return subject.startsWith('group ') ? {view: 'group', subject: subject.slice('group '.length)} : undefined;
	}

	if (code.startsWith('ZK_')) return {view: 'zookeeper'};
	if (brokerCodes.has(code)) return {view: 'brokers'};
	// SOURCE_FAILED: a read that failed has no pane of its own.
	return undefined;
}

