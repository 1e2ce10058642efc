import {controllerSource} from './controller-findings.js';
import {plural, some} from './phrases.js';
import type {ClusterSnapshot, Finding} from './types.js';

/** A whole source gone leaves ktop blind to half the cluster; a part of one (configs, groups) is less. */
const wholeSources = new Set(['zookeeper', 'kafka']);

/**
One finding per failed source, its distinct messages joined. Failures of a single ZooKeeper server
are left to ZK_SERVER_DOWN, which says the same thing in the ensemble's terms. Sources can be
per item ('kafka:topic:orders', 'kafka:group:app', 'zookeeper:/brokers/ids/1'), so past
`findingsPerCode` they fold into one finding per family ('kafka:topic:*'), keeping the count bounded
when, say, every topic's configs failed to read.
*/
export function sourceFindings(snapshot: ClusterSnapshot, findingsPerCode: number): Finding[] {
	const zkServers = new Set((snapshot.zookeeper?.servers ?? []).map(server => `zookeeper:${server.address}`));
	const bySource = new Map<string, Set<string>>();
	for (const error of snapshot.errors) {
		// An unreadable /controller is CONTROLLER_UNREADABLE, which says what it means for the cluster.
		if (zkServers.has(error.source) || error.source === controllerSource) continue;
		const messages = bySource.get(error.source) ?? new Set();
		messages.add(error.message);
		bySource.set(error.source, messages);
	}

	const at = snapshot.takenAt;
	if (bySource.size <= findingsPerCode) {
		return [...bySource].map(([source, messages]) => ({
			severity: wholeSources.has(source) ? 'critical' as const : 'warning' as const,
			code: 'SOURCE_FAILED' as const, subject: source, message: [...messages].join('; '), since: at,
		}));
	}

	const families = new Map<string, string[]>();
	for (const source of bySource.keys()) {
		const family = wholeSources.has(source) ? source : `${source.slice(0, Math.max(source.lastIndexOf(':'), 0)) || source}:*`;
		families.set(family, [...(families.get(family) ?? []), source]);
	}

	return [...families].map(([family, sources]) => ({
		severity: wholeSources.has(family) ? 'critical' as const : 'warning' as const,
		code: 'SOURCE_FAILED' as const, subject: family, since: at,
		message: sources.length === 1
			? [...bySource.get(sources[0]!)!].join('; ')
			: `${plural(sources.length, 'read')} failed: ${some(sources)}; the first said: ${[...bySource.get(sources[0]!)!][0]}`,
	}));
}
