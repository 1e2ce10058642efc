import type {GroupSummary} from '../../source/model/types.js';

export type PartitionAt = {topic?: string; partition?: number; committed: number | undefined; highWatermark: number | undefined; owner?: string | undefined};

/** A group as build-snapshot would give it, from committed offsets and watermarks. */
export function groupAt(groupId: string, partitions: PartitionAt[], extra: Partial<GroupSummary> = {}): GroupSummary {
	// `owner: undefined` means unowned, so the default applies only when the key is absent.
	const list = partitions.map(({topic = 'orders', partition = 0, committed, highWatermark, ...rest}) => ({
		topic, partition, committed, highWatermark, owner: 'owner' in rest ? rest.owner : 'member-1', status: 'UNKNOWN' as const,
		lag: committed !== undefined && highWatermark !== undefined ? Math.max(0, highWatermark - committed) : undefined,
	}));
	return {
		groupId, state: 'Stable', protocolType: 'consumer', protocol: 'range', members: 1, memberDetails: [],
		lag: list.reduce((total, partition) => total + (partition.lag ?? 0), 0), status: 'UNKNOWN', partitions: list, error: undefined, ...extra,
	};
}
