import type {ClusterSnapshot} from '../model/types.js';

/**
The snapshot as one JSON document. Absent values are written as null rather than dropped,
so a script can rely on every documented key being present.
*/
export function snapshotJson(snapshot: ClusterSnapshot): string {
	const document = {
		...snapshot,
		findings: snapshot.findings.map(finding => ({...finding, held: finding.held ?? null})),
		stale: snapshot.stale ?? [],
		brokersOnly: snapshot.brokersOnly ?? null,
		notJudged: snapshot.notJudged ?? [],
	};
	return JSON.stringify(document, (_key, value: unknown) => (value === undefined ? null : value), 2);
}
