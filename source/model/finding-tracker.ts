import {compareFindings, findingKey} from './finding-order.js';
import type {Finding, FindingCode} from './types.js';

/** How long a finding must last before it is raised: seen in this many snapshots in a row, and for this long. */
export type Hold = {snapshots?: number; ms?: number};

/**
METADATA_MISMATCH must be seen twice: ZooKeeper and the brokers are read moments apart, and a
leader that moved in between is not a disagreement. A topic deletion normally completes within
seconds, so TOPIC_DELETION_STUCK waits five minutes.
*/
export const defaultHolds: Partial<Record<FindingCode, Hold>> = {
	METADATA_MISMATCH: {snapshots: 2},
	TOPIC_DELETION_STUCK: {ms: 5 * 60_000},
};

export type FindingTracker = {
	/**
	Takes one snapshot's findings and returns those raised, each with `since` set to when it was
	first seen (held ones included: their `since` is when the condition began). Findings absent
	from this snapshot are forgotten, so one that returns starts over.
	*/
	track(findings: readonly Finding[], at: number): Finding[];
};

export function createFindingTracker(options: {holds?: Partial<Record<FindingCode, Hold>>} = {}): FindingTracker {
	const holds = options.holds ?? defaultHolds;
	let seen = new Map<string, {since: number; times: number}>();
	return {
		track(findings, at) {
			const next = new Map<string, {since: number; times: number}>();
			const raised: Finding[] = [];
			for (const finding of findings) {
				const key = findingKey(finding);
				// Two findings with one key in one snapshot are one condition: the first one speaks for it.
				if (next.has(key)) continue;
				const before = seen.get(key);
				const entry = before ? {since: before.since, times: before.times + 1} : {since: at, times: 1};
				next.set(key, entry);
				const hold = holds[finding.code];
				if ((hold?.snapshots ?? 1) > entry.times || (hold?.ms ?? 0) > at - entry.since) continue;
				raised.push({...finding, since: entry.since});
			}

			seen = next;
			return raised.sort(compareFindings);
		},
	};
}
