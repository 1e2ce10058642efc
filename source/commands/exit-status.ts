import type {ClusterSnapshot} from '../model/types.js';

/** The monitoring-plugin convention (Nagios): 0 OK, 1 warning, 2 critical, 3 unknown. */
export const exitStatus = {ok: 0, warning: 1, critical: 2, unknown: 3} as const;

/** Nothing reached: no ZooKeeper server answered and no broker answered metadata. */
export function reachedNothing(snapshot: ClusterSnapshot): boolean {
	const zkAnswered = snapshot.zookeeper?.servers.some(server => server.mode !== 'unreachable') ?? false;
	const brokersAnswered = snapshot.brokers.some(broker => broker.inMetadata && broker.reachable);
	return !zkAnswered && !brokersAnswered;
}

export function checkStatus(snapshot: ClusterSnapshot): number {
	if (reachedNothing(snapshot)) return exitStatus.unknown;
	if (snapshot.findings.some(finding => finding.severity === 'critical')) return exitStatus.critical;
	if (snapshot.findings.some(finding => finding.severity === 'warning')) return exitStatus.warning;
	return exitStatus.ok;
}
