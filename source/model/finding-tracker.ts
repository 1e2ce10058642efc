import {compareFindings, findingKey} from './finding-order.js';
import type {Finding, FindingCode} from './types.js';

/** How long a finding must last before it is raised: seen in this many snapshots in a row, and for this long. */
export type Hold = {snapshots?: number; ms?: number};

/**
METADATA_MISMATCH must be seen twice: ZooKeeper and the brokers are read moments apart, and a
leader that moved in between is not a disagreement. So must CONTROLLER_UNKNOWN: /controller and
/brokers/ids are read apart too, and a controller may register and win in between. A topic deletion normally completes within
seconds, so TOPIC_DELETION_STUCK waits five minutes.
*/
export const defaultHolds: Partial<Record<FindingCode, Hold>> = {
	METADATA_MISMATCH: {snapshots: 2},
	CONTROLLER_UNKNOWN: {snapshots: 2},
	TOPIC_DELETION_STUCK: {ms: 5 * 60_000},
};

export type FindingTracker = {
	/**
	Takes one snapshot's findings and returns those raised, each with `since` set to when it was
	first seen (held ones included: their `since` is when the condition began). A finding raised
	before and absent now is kept, marked `held`, while `missing` names a failed source its evidence
	comes from: its absence proves nothing, so it is neither cleared nor, when its evidence returns,
	raised again with a new `since`. Other absent findings are forgotten, so one that returns starts over.
	*/
	track(findings: readonly Finding[], at: number, missing?: (finding: Finding) => string | undefined): Finding[];
};

export function createFindingTracker(options: {holds?: Partial<Record<FindingCode, Hold>>} = {}): FindingTracker {
	const holds = options.holds ?? defaultHolds;
	let seen = new Map<string, {since: number; times: number}>();
	let raisedBefore: Finding[] = [];
	return {
		track(findings, at, missing = () => undefined) {
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

			for (const before of raisedBefore) {
				const key = findingKey(before);
				if (next.has(key)) continue;
				const source = missing(before);
				if (source === undefined) continue;
				next.set(key, seen.get(key)!);
				raised.push({...before, held: before.held ?? {since: at, source}});
			}

			seen = next;
			raisedBefore = raised;
			return raised.sort(compareFindings);
		},
	};
}
