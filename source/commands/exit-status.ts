import type {ClusterSnapshot} from '../model/types.js';

/** The monitoring-plugin convention (Nagios): 0 OK, 1 warning, 2 critical, 3 unknown. */
export const exitStatus = {ok: 0, warning: 1, critical: 2, unknown: 3} as const;

/** Nothing reached: no ZooKeeper server answered and no broker answered metadata. */
export function reachedNothing(snapshot: ClusterSnapshot): boolean {
	const zkAnswered = snapshot.zookeeper?.servers.some(server => server.mode !== 'unreachable') ?? false;
	const brokersAnswered = snapshot.brokers.some(broker => broker.inMetadata && broker.reachable);
	return !zkAnswered && !brokersAnswered;
}

/**
Worst first: critical and warning findings stand whatever else is unknown. With nothing wrong
found, a ZooKeeper ktop meant to read and could not (refused, TLS only, not named by the
brokers) leaves its checks unjudged, and unknown is not OK: 3. --brokers-only asks for the
brokers' checks alone, so OK is 0 there, and the summary line says what was not judged.
*/
export function checkStatus(snapshot: ClusterSnapshot): number {
	if (reachedNothing(snapshot)) return exitStatus.unknown;
	if (snapshot.findings.some(finding => finding.severity === 'critical')) return exitStatus.critical;
	if (snapshot.findings.some(finding => finding.severity === 'warning')) return exitStatus.warning;
	if (snapshot.brokersOnly && !snapshot.brokersOnly.chosen && (snapshot.notJudged ?? []).length > 0) return exitStatus.unknown;
	return exitStatus.ok;
}
