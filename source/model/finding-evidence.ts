import type {ClusterSnapshot, Finding, FindingCode} from './types.js';

/**
The sources each family of findings is judged from, as SourceError names them. When one of them
failed in a refresh, a finding of that family that is absent may only be absent because its data
is: it is held, not cleared. ZooKeeper's four-letter words never fail as a whole (each server is
its own finding), and SOURCE_FAILED is about the sources themselves, so neither is listed.
*/
const evidence: Partial<Record<FindingCode, readonly string[]>> = {
	OFFLINE_PARTITION: ['kafka'],
	UNDER_MIN_ISR: ['kafka', 'kafka:configs'],
	AT_MIN_ISR: ['kafka', 'kafka:configs'],
	UNDER_REPLICATED: ['kafka'],
	PREFERRED_LEADER_IMBALANCE: ['kafka'],
	NO_CONTROLLER: ['zookeeper', 'kafka'],
	CONTROLLER_UNKNOWN: ['zookeeper', 'kafka'],
	CONTROLLER_UNREADABLE: ['zookeeper'],
	BROKER_UNREACHABLE: ['zookeeper'],
	BROKER_NOT_REGISTERED: ['zookeeper', 'kafka'],
	METADATA_MISMATCH: ['zookeeper', 'kafka'],
	TOPIC_DELETION_STUCK: ['zookeeper'],
	REASSIGNMENT_IN_PROGRESS: ['zookeeper'],
	GROUP_LAGGING: ['kafka', 'kafka:groups', 'kafka:watermarks'],
	GROUP_STALLED: ['kafka', 'kafka:groups', 'kafka:watermarks'],
	GROUP_STOPPED: ['kafka', 'kafka:groups', 'kafka:watermarks'],
};

/** Sources that failed in this snapshot, by the names findings are matched against. */
export function failedSources(snapshot: Pick<ClusterSnapshot, 'errors'>): ReadonlySet<string> {
	return new Set(snapshot.errors.map(error => error.source));
}

/**
The failed source that a finding's evidence comes from, or undefined when its evidence was read.
Beyond whole sources, a finding about one item is held when that item's own read failed:
'kafka:group:<id>' for 'group <id>', 'kafka:topic:<name>' for the topic and its partitions.
*/
export function missingEvidence(finding: Finding, failed: ReadonlySet<string>): string | undefined {
	if (failed.size === 0) return undefined;
	const whole = evidence[finding.code]?.find(source => failed.has(source));
	if (whole) return whole;
	if (finding.code.startsWith('GROUP_') && finding.subject.startsWith('group ')) {
		const source = `kafka:group:${finding.subject.slice('group '.length)}`;
		if (failed.has(source)) return source;
	}

	if (evidence[finding.code]?.includes('kafka') && !finding.code.startsWith('GROUP_')) {
		for (const source of failed) {
			if (!source.startsWith('kafka:topic:')) continue;
			const topic = source.slice('kafka:topic:'.length);
			// A partition's subject is Kafka's own name for it, <topic>-<n>.
			if (finding.subject === `topic ${topic}` || (finding.subject.startsWith(`${topic}-`) && /^\d+$/.test(finding.subject.slice(topic.length + 1)))) return source;
		}
	}

	return undefined;
}
