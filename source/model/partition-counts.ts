import {liveness} from './broker-findings.js';
import {partitionCode} from './partition-findings.js';
import type {ClusterSnapshot} from './types.js';

export type PartitionCounts = {
	total: number;
	offline: number;
	underMinIsr: number;
	/** ISR smaller than the replica set, with a live leader: Kafka's own UnderReplicatedPartitions. */
	underReplicated: number;
};

/**
Partitions by state, judged exactly as the health findings judge them (same liveness, same
rules), but counted one by one where findings fold per topic: the header's "2 offline" must
be the number of partitions, not of findings. Topics pending deletion are skipped, as there.
*/
export function partitionCounts(snapshot: ClusterSnapshot): PartitionCounts {
	const live = liveness(snapshot);
	const counts: PartitionCounts = {total: 0, offline: 0, underMinIsr: 0, underReplicated: 0};
	for (const topic of snapshot.topics) {
		if (topic.pendingDeletion) continue;
		for (const partition of topic.partitions) {
			counts.total++;
			const code = partitionCode(topic, partition, live);
			if (code === 'OFFLINE_PARTITION') {
				counts.offline++;
				continue;
			}

			if (code === 'UNDER_MIN_ISR') counts.underMinIsr++;
			if (partition.isr.length < partition.replicas.length) counts.underReplicated++;
		}
	}

	return counts;
}
