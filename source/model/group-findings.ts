import {count, partitionName, plural, some} from './phrases.js';
import type {ClusterSnapshot, Finding, FindingCode, LagStatus, Severity} from './types.js';

const byStatus: Partial<Record<LagStatus, {code: FindingCode; severity: Severity; word: string}>> = {
	LAGGING: {code: 'GROUP_LAGGING', severity: 'warning', word: 'lagging'},
	STALLED: {code: 'GROUP_STALLED', severity: 'warning', word: 'stalled'},
	STOPPED: {code: 'GROUP_STOPPED', severity: 'critical', word: 'stopped'},
};

/** One finding per group whose status (see lag-status.ts) is LAGGING, STALLED or STOPPED. */
export function groupFindings(snapshot: ClusterSnapshot): Finding[] {
	const findings: Finding[] = [];
	for (const group of snapshot.groups) {
		const kind = byStatus[group.status];
		if (!kind) continue;
		const worst = group.partitions
			.filter(partition => partition.status === group.status)
			.sort((a, b) => (b.lag ?? 0) - (a.lag ?? 0))
			.map(partition => `${partitionName(partition.topic, partition.partition)} (lag ${count(partition.lag ?? 0)})`);
		const members = group.members === 0 ? '; no members' : '';
		findings.push({
			severity: kind.severity, code: kind.code, subject: `group ${group.groupId}`, since: snapshot.takenAt,
			message: `total lag ${count(group.lag)}${members}; ${plural(worst.length, 'partition')} ${kind.word}: ${some(worst)}`,
		});
	}

	return findings;
}
