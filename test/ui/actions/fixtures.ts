/** A snapshot with a consumer group, for opening actions from the real panes. */
import type {ClusterSnapshot, GroupSummary} from '../../../source/model/types.js';
import {paneForAlias, panes} from '../../../source/ui/panes/index.js';
import type {PaneRegistry} from '../../../source/ui/pane-registry.js';
import {healthySnapshot} from '../snapshots.js';

/** The real panes: the rows they build are what carries the topic, partition and group to an action. */
export const realRegistry: PaneRegistry = {panes, paneForAlias};

export function billingGroup(extra: Partial<GroupSummary> = {}): GroupSummary {
	return {
		groupId: 'billing', state: 'Empty', protocolType: 'consumer', protocol: 'range', members: 0, memberDetails: [],
		lag: 4, status: 'OK', error: undefined,
		partitions: [0, 1, 2].map(partition => ({topic: 'orders', partition, committed: 98, highWatermark: 100, lag: 2, owner: undefined, status: 'OK' as const})),
		...extra,
	};
}

export function snapshotWithGroup(extra: Partial<ClusterSnapshot> = {}): ClusterSnapshot {
	return healthySnapshot({groups: [billingGroup()], ...extra});
}
