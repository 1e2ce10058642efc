import {brokerFindings, liveness} from './broker-findings.js';
import {controllerFindings} from './controller-findings.js';
import {compareFindings} from './finding-order.js';
import {groupFindings} from './group-findings.js';
import {partitionFindings} from './partition-findings.js';
import {sourceFindings} from './source-findings.js';
import {deletionFindings, reassignmentFindings} from './topic-findings.js';
import type {ClusterSnapshot, Finding} from './types.js';
import {zookeeperFindings} from './zookeeper-findings.js';

export type HealthOptions = {
	/** More affected partitions than this in one topic fold into one finding for the topic. Default 3. */
	partitionsPerTopic?: number;
	/** More findings than this for one code fold into one for the cluster. Default 50. */
	findingsPerCode?: number;
	/** Share of a broker's preferred partitions led elsewhere before it is reported. Default 0.1, Kafka's own. */
	leaderImbalanceRatio?: number;
};

/**
Everything worth an operator's attention in one snapshot, worst first. `since` is the snapshot's
time: the finding tracker replaces it with when each finding was first seen, and holds back the
ones that must last before they count (METADATA_MISMATCH, TOPIC_DELETION_STUCK).
*/
export function findingsFor(snapshot: ClusterSnapshot, options: HealthOptions = {}): Finding[] {
	const limits = {partitionsPerTopic: options.partitionsPerTopic ?? 3, findingsPerCode: options.findingsPerCode ?? 50};
	const live = liveness(snapshot);
	return [
		...sourceFindings(snapshot, limits.findingsPerCode),
		...zookeeperFindings(snapshot),
		...controllerFindings(snapshot),
		...brokerFindings(snapshot, live, options.leaderImbalanceRatio ?? 0.1),
		...partitionFindings(snapshot, live, limits),
		...deletionFindings(snapshot, live),
		...reassignmentFindings(snapshot, limits.findingsPerCode),
		...groupFindings(snapshot),
	].sort(compareFindings);
}
