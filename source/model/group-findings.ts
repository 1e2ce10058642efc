import {age} from '../text/age.js';
import {defaultLagRules} from './lag-status.js';
import {count, partitionName, plural, some} from './phrases.js';
import type {ClusterSnapshot, Finding, FindingCode, GroupPartitionLag, GroupSummary, LagStatus, Severity} from './types.js';

const byStatus: Partial<Record<LagStatus, {code: FindingCode; severity: Severity; word: string}>> = {
	LAGGING: {code: 'GROUP_LAGGING', severity: 'warning', word: 'lagging'},
	STALLED: {code: 'GROUP_STALLED', severity: 'warning', word: 'stalled'},
	STOPPED: {code: 'GROUP_STOPPED', severity: 'critical', word: 'stopped'},
	AT_RISK: {code: 'GROUP_AT_RISK', severity: 'warning', word: 'at risk'},
};

/**
One finding per group whose status (see lag-status.ts) is LAGGING, STALLED, STOPPED or AT_RISK,
saying how far behind it is in records and in time (the age of the oldest record it has not
consumed). A STOPPED group is critical once it is `criticalAfterMs` behind (default 5 minutes,
the rules' stoppedAfterMs) or when how long cannot be told; less than that behind, a warning: a
group between two deployments of its consumers looks the same for a moment.
*/
export function groupFindings(snapshot: ClusterSnapshot, criticalAfterMs = defaultLagRules.stoppedAfterMs): Finding[] {
	const findings: Finding[] = [];
	for (const group of snapshot.groups) {
		const kind = byStatus[group.status];
		if (!kind) continue;
		const judged = group.partitions.filter(partition => partition.status === group.status);
		const worst = [...judged]
			.sort((a, b) => (b.timeLagMs ?? -1) - (a.timeLagMs ?? -1) || (b.lag ?? 0) - (a.lag ?? 0))
			.map(partition => `${partitionName(partition.topic, partition.partition)} (lag ${count(partition.lag ?? 0)}${partition.timeLagMs === undefined ? '' : `, ${age(partition.timeLagMs)}`})`);
		const behind = behindOf(judged);
		const severity = kind.code === 'GROUP_STOPPED' && behind.ms !== undefined && behind.ms < criticalAfterMs ? 'warning' : kind.severity;
		findings.push({
			severity, code: kind.code, subject: `group ${group.groupId}`, since: snapshot.takenAt,
			message: `${membersText(group)}; ${lagText(group)}, ${behind.text}; ${plural(worst.length, 'partition')} ${kind.word}: ${some(worst)}`,
		});
	}

	return findings;
}

function membersText(group: GroupSummary): string {
	return group.members === 0 ? 'no members' : plural(group.members, 'member');
}

/** "lag 600 on 3 partitions (+1 partition unknown)": unknown lag is counted, never added as 0. */
export function lagText(group: GroupSummary): string {
	const lagging = group.partitions.filter(partition => (partition.lag ?? 0) > 0).length;
	const unknown = group.unknownLagPartitions ?? 0;
	return `lag ${count(group.lag)} on ${plural(lagging, 'partition')}${unknown > 0 ? ` (+${plural(unknown, 'partition')} unknown)` : ''}`;
}

/** The largest time lag among the judged partitions, or why it is unknown. */
function behindOf(partitions: readonly GroupPartitionLag[]): {ms: number | undefined; text: string} {
	let ms: number | undefined;
	for (const partition of partitions) if (partition.timeLagMs !== undefined) ms = Math.max(ms ?? 0, partition.timeLagMs);
	if (ms !== undefined) return {ms, text: `behind ${age(ms)} (time lag: the oldest record not consumed)`};
	const reason = partitions.find(partition => partition.timeLagUnknown !== undefined)?.timeLagUnknown;
	return {ms: undefined, text: `time lag unknown${reason ? ` (${reason})` : ''}`};
}
