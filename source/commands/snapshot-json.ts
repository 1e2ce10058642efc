import type {ClusterSnapshot} from '../model/types.js';

/**
The snapshot as one JSON document. Absent values are written as null rather than dropped,
so a script can rely on every documented key being present.
*/
export function snapshotJson(snapshot: ClusterSnapshot): string {
	return JSON.stringify(snapshot, (_key, value: unknown) => (value === undefined ? null : value), 2);
}
