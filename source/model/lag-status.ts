import type {LagWindows, PartitionHistory} from './lag-window.js';
import type {GroupPartitionLag, GroupSummary, LagStatus} from './types.js';

/**
How a consumer is doing, judged from a window of its commits rather than a lag threshold,
after Burrow (github.com/linkedin/Burrow/wiki/Consumer-Lag-Evaluation-Rules). Burrow's rules,
for a window of the last N commits, each with the lag when it was seen:
  1. Any lag of zero in the window: OK.
  2. The offset does not change over the window and lag is fixed or growing: STALLED (error).
  3. The offset moves but lag grows or stays the same between every pair of commits: LAGGING (warning).
  4. The time since the last commit is longer than the window spans: STOPPED (error),
     unless the consumer is at the head of the partition.

Burrow reads every commit from __consumer_offsets, including the same offset committed again;
ktop polls the committed offset, so it only sees the offset move. Rules 2 and 4 therefore
become times since the consumer last made progress (`progressAt`: its offset moved, or it had
no lag, which is Burrow's guard for quiet partitions where a message lands before the next
commit). Evaluated in this order, for a partition whose committed offset and watermark are known:
  - Lag now is zero: OK.
  - No progress for `stoppedAfterMs` (default 5 minutes, Kafka's max.poll.interval.ms, after
    which a consumer that is alive but stuck has been evicted from its group): STOPPED. Also
    STOPPED after only `stalledAfterMs` when no member owns the partition: nothing will move it.
  - No progress for `stalledAfterMs` (default 1 minute, twelve default auto-commit intervals):
    STALLED — the consumer is there but its offset is not moving while messages wait.
  - Any commit in the window at zero lag: OK (rule 1).
  - Fewer than two commits seen: UNKNOWN (one sample cannot tell lagging from catching up).
  - Lag at each commit never lower than at the one before: LAGGING (rule 3).
  - Otherwise lag went down at least once: OK, the consumer is catching up.
A partition without a committed offset is UNKNOWN and does not count towards its group.

Where this history cannot judge yet (UNKNOWN: one refresh, as `ktop check` takes by default, or
no commit seen to move), a judgement that needs no history takes over for a partition with lag:
  - The group has no members at all: STOPPED. Nobody is consuming; how long it has been behind
    is its time lag (the age of the first record not consumed), which grades the finding.
  - It has members and its time lag is at least `atRiskAfterMs` (default 5 minutes): AT_RISK —
    the consumer may be working, but the record it must read next has waited that long.
Once the history can judge, its status stands (a group without members whose offsets move is a
standalone consumer committing without joining, and is judged by its progress).
A group's status is the worst of its partitions' (STOPPED > STALLED > LAGGING > AT_RISK >
UNKNOWN > OK), and UNKNOWN when none of its partitions can be judged.
*/
export type LagRules = {stalledAfterMs: number; stoppedAfterMs: number; atRiskAfterMs?: number};

export const defaultLagRules: LagRules = {stalledAfterMs: 60_000, stoppedAfterMs: 300_000, atRiskAfterMs: 300_000};

export function partitionLagStatus(
	history: PartitionHistory | undefined,
	current: Pick<GroupPartitionLag, 'committed' | 'lag' | 'owner'>,
	now: number,
	rules: LagRules = defaultLagRules,
): LagStatus {
	if (current.committed === undefined || current.lag === undefined) return 'UNKNOWN';
	if (current.lag === 0) return 'OK';
	if (!history) return 'UNKNOWN';

	const stuckFor = now - history.progressAt;
	if (stuckFor >= rules.stoppedAfterMs) return 'STOPPED';
	if (stuckFor >= rules.stalledAfterMs) return current.owner === undefined ? 'STOPPED' : 'STALLED';

	const lags = history.samples.map(sample => Math.max(0, sample.highWatermark - sample.committed));
	if (lags.includes(0)) return 'OK';
	if (lags.length < 2) return 'UNKNOWN';
	for (let index = 1; index < lags.length; index++) {
		if (lags[index]! < lags[index - 1]!) return 'OK';
	}

	return 'LAGGING';
}

const rank: Record<LagStatus, number> = {OK: 0, UNKNOWN: 1, AT_RISK: 2, LAGGING: 3, STALLED: 4, STOPPED: 5};

export function worstLagStatus(statuses: Iterable<LagStatus>): LagStatus {
	let worst: LagStatus | undefined;
	for (const status of statuses) {
		if (worst === undefined || rank[status] > rank[worst]) worst = status;
	}

	return worst ?? 'UNKNOWN';
}

/** The groups with each partition's and each group's status filled in from the windows. */
export function evaluateLag(groups: readonly GroupSummary[], windows: LagWindows, now: number, rules: LagRules = defaultLagRules): GroupSummary[] {
	return groups.map(group => {
		const partitions = group.partitions.map(partition => {
			const judged = partitionLagStatus(windows.history(group.groupId, partition.topic, partition.partition), partition, now, rules);
			// A group whose description failed has no member list to go by: its members are not known to be none.
			return {...partition, status: judged === 'UNKNOWN' ? judgedAtOnce(partition, group.error === undefined ? group.members : undefined, rules) : judged};
		});
		const judged = partitions.filter(partition => partition.committed !== undefined).map(partition => partition.status);
		return {...group, partitions, status: worstLagStatus(judged)};
	});
}

/** The judgement without history (see above): STOPPED, AT_RISK, or still UNKNOWN. */
export function judgedAtOnce(partition: Pick<GroupPartitionLag, 'lag' | 'timeLagMs'>, members: number | undefined, rules: LagRules = defaultLagRules): LagStatus {
	if (partition.lag === undefined || partition.lag === 0 || members === undefined) return 'UNKNOWN';
	if (members === 0) return 'STOPPED';
	const atRiskAfterMs = rules.atRiskAfterMs ?? defaultLagRules.atRiskAfterMs!;
	return partition.timeLagMs !== undefined && partition.timeLagMs >= atRiskAfterMs ? 'AT_RISK' : 'UNKNOWN';
}
