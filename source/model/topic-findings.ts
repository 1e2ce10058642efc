import {compareNatural} from './natural-order.js';
import {ids, partitionName, plural, some} from './phrases.js';
import type {ClusterSnapshot, Finding} from './types.js';

/**
TOPIC_DELETION_STUCK is raised here for every topic in /admin/delete_topics; a healthy deletion
clears within seconds, so the finding tracker holds it back until it has lasted (see
finding-tracker.ts), and `since` then tells how long it has been stuck.
*/
export function deletionFindings(snapshot: ClusterSnapshot, live: (broker: number) => boolean): Finding[] {
	return snapshot.topics.filter(topic => topic.pendingDeletion).map(topic => {
		const down = new Set<number>();
		for (const partition of topic.partitions) {
			for (const replica of partition.replicas) if (!live(replica)) down.add(replica);
		}

		// The controller deletes a topic only when every replica's broker acknowledges: a broker
		// that is down is the usual reason a deletion waits.
		const why = down.size > 0 ? `; replicas on brokers ${ids([...down].sort((a, b) => a - b))}, which are down, must acknowledge first` : '';
		return {
			severity: 'warning' as const, code: 'TOPIC_DELETION_STUCK' as const, subject: `topic ${topic.name}`, since: snapshot.takenAt,
			message: `marked for deletion in /admin/delete_topics and not yet deleted${why}`,
		};
	});
}

/** One finding per topic being reassigned, naming where each partition moves. */
export function reassignmentFindings(snapshot: ClusterSnapshot, findingsPerCode: number): Finding[] {
	const byTopic = new Map<string, string[]>();
	for (const reassignment of snapshot.reassignments) {
		const moves = byTopic.get(reassignment.topic) ?? [];
		moves.push(`${partitionName(reassignment.topic, reassignment.partition)} → ${ids(reassignment.replicas)}`);
		byTopic.set(reassignment.topic, moves);
	}

	const at = snapshot.takenAt;
	if (byTopic.size > findingsPerCode) {
		const topics = [...byTopic.keys()].sort(compareNatural);
		return [{
			severity: 'info', code: 'REASSIGNMENT_IN_PROGRESS', subject: 'cluster', since: at,
			message: `reassigning ${plural(snapshot.reassignments.length, 'partition')} in ${plural(topics.length, 'topic')}: ${some(topics)}`,
		}];
	}

	return [...byTopic].map(([topic, moves]) => ({
		severity: 'info' as const, code: 'REASSIGNMENT_IN_PROGRESS' as const, subject: `topic ${topic}`, since: at,
		message: `reassigning ${plural(moves.length, 'partition')}: ${some(moves)}`,
	}));
}
