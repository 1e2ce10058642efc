import type {BrokerRegistration, MetadataBroker} from '../cluster/types.js';
import {compareNumbers} from './natural-order.js';
import type {BrokerSummary, TopicSummary} from './types.js';

export type BrokerProbe = {reachable: boolean; error?: string; host?: string; port?: number};

/**
Every broker either source knows: registered in /brokers/ids, listed in the metadata, or both,
and any broker that replicas are assigned to although neither source lists it: a broker that
died or hung long enough to lose its ZooKeeper session is still the operator's problem.
`reachable` is the probe's answer when the broker was probed. Otherwise a broker in the metadata
counts as reachable (the controller lists only brokers it sees alive, and the metadata came
from a broker that answered), and one known only from ZooKeeper does not.
*/
export function summarizeBrokers(options: {
	registrations: readonly BrokerRegistration[];
	metadata: readonly MetadataBroker[];
	probes: ReadonlyMap<number, BrokerProbe> | undefined;
	controllerId: number | undefined;
	topics: readonly TopicSummary[];
}): BrokerSummary[] {
	const registrations = new Map(options.registrations.map(registration => [registration.id, registration]));
	const metadata = new Map(options.metadata.map(broker => [broker.id, broker]));
	const {leaders, replicas} = countPartitions(options.topics);
	const ids = [...new Set([...registrations.keys(), ...metadata.keys(), ...replicas.keys()])].sort(compareNumbers);
	return ids.map(id => {
		const registration = registrations.get(id);
		const broker = metadata.get(id);
		const probe = options.probes?.get(id);
		const endpoint = broker ?? endpointOf(registration) ?? (probe?.host === undefined ? undefined : {host: probe.host, port: probe.port ?? 0});
		const summary: BrokerSummary = {
			id,
			host: endpoint?.host,
			port: endpoint?.port,
			rack: broker?.rack ?? registration?.rack,
			endpoints: [...(registration?.endpoints ?? [])],
			registeredAt: registration?.registeredAt,
			jmxPort: registration?.jmxPort,
			registered: registration !== undefined,
			inMetadata: broker !== undefined,
			reachable: probe ? probe.reachable : broker !== undefined,
			isController: options.controllerId === id,
			leaderCount: leaders.get(id) ?? 0,
			replicaCount: replicas.get(id) ?? 0,
		};
		if (probe && !probe.reachable && probe.error !== undefined) summary.error = probe.error;
		return summary;
	});
}

function countPartitions(topics: readonly TopicSummary[]) {
	const leaders = new Map<number, number>();
	const replicas = new Map<number, number>();
	for (const topic of topics) {
		for (const partition of topic.partitions) {
			if (partition.leader >= 0) leaders.set(partition.leader, (leaders.get(partition.leader) ?? 0) + 1);
			for (const replica of partition.replicas) replicas.set(replica, (replicas.get(replica) ?? 0) + 1);
		}
	}

	return {leaders, replicas};
}

/** A registration's address: the first listener with the security protocol asked for (per its listener_security_protocol_map; PLAINTEXT by default), else the first. */
export function endpointOf(registration: BrokerRegistration | undefined, protocol = 'PLAINTEXT'): {host: string; port: number} | undefined {
	if (!registration) return undefined;
	const protocolOf = (endpoint: string) => {
		const name = endpoint.slice(0, Math.max(0, endpoint.indexOf('://')));
		return registration.securityProtocols?.[name] ?? name;
	};

	const endpoint = registration.endpoints.find(candidate => protocolOf(candidate) === protocol) ?? registration.endpoints[0];
	const match = endpoint === undefined ? null : /^[^:]+:\/\/\[?([^\]]*?)\]?:(\d+)$/.exec(endpoint);
	return match ? {host: match[1]!, port: Number(match[2])} : undefined;
}
