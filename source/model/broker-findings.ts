import {plural} from './phrases.js';
import type {BrokerSummary, ClusterSnapshot, Finding} from './types.js';

/**
Whether a broker is alive, as far as this snapshot can tell: its ZooKeeper registration is an
ephemeral znode (gone with its session), and reachable means it answered. With no broker known
at all nothing can be judged, so every broker counts as alive rather than every partition as offline.
*/
export function liveness(snapshot: ClusterSnapshot): (broker: number) => boolean {
	if (snapshot.brokers.length === 0) return () => true;
	const live = new Set(snapshot.brokers.filter(broker => broker.registered || broker.reachable).map(broker => broker.id));
	return broker => live.has(broker);
}

/** Controller, reachability, registration and leadership balance. */
export function brokerFindings(snapshot: ClusterSnapshot, live: (broker: number) => boolean, leaderImbalanceRatio: number): Finding[] {
	const at = snapshot.takenAt;
	const findings: Finding[] = [];
	if (!snapshot.controller && snapshot.brokers.length > 0) {
		findings.push({severity: 'critical', code: 'NO_CONTROLLER', subject: 'cluster', since: at, message: 'no broker is the active controller: leaders cannot move and topics cannot change'});
	}

	// Without a single registration, a failed ZooKeeper read cannot be told from an empty
	// /brokers/ids, so "not registered" would be a guess.
	const registrationsRead = snapshot.brokers.some(broker => broker.registered);
	for (const broker of snapshot.brokers) {
		const subject = `broker ${broker.id}`;
		if (broker.registered && !broker.reachable) {
			findings.push({
				severity: 'critical', code: 'BROKER_UNREACHABLE', subject, since: at,
				message: `${address(broker)} is registered in ZooKeeper but did not answer${broker.error ? `: ${broker.error}` : ''}`,
			});
		}

		if (!broker.registered && !broker.inMetadata && !broker.reachable && broker.replicaCount > 0) {
			findings.push({
				severity: 'critical', code: 'BROKER_UNREACHABLE', subject, since: at,
				message: `holds ${plural(broker.replicaCount, 'replica')} but is neither registered in ZooKeeper nor in the metadata${broker.host === undefined ? '' : `; ${address(broker)} did not answer${broker.error ? `: ${broker.error}` : ''}`}`,
			});
		}

		if (broker.inMetadata && !broker.registered && registrationsRead) {
			findings.push({
				severity: 'warning', code: 'BROKER_NOT_REGISTERED', subject, since: at,
				message: `${address(broker)} is in the brokers' metadata but has no registration in /brokers/ids (ZooKeeper session lost?)`,
			});
		}
	}

	findings.push(...imbalanceFindings(snapshot, live, leaderImbalanceRatio));
	return findings;
}

/**
Per broker, as Kafka's own auto leader rebalance measures it: of the partitions a broker is the
preferred (first) replica for, the share another broker leads. Reported above the ratio Kafka
acts on (leader.imbalance.per.broker.percentage, 10% by default). Brokers that are down are left
out: their leadership moved for a reason that other findings report.
*/
function imbalanceFindings(snapshot: ClusterSnapshot, live: (broker: number) => boolean, ratio: number): Finding[] {
	const preferred = new Map<number, {total: number; elsewhere: number}>();
	for (const topic of snapshot.topics) {
		if (topic.pendingDeletion) continue;
		for (const partition of topic.partitions) {
			const first = partition.replicas[0];
			if (first === undefined || partition.leader < 0) continue;
			const counts = preferred.get(first) ?? {total: 0, elsewhere: 0};
			counts.total++;
			if (partition.leader !== first) counts.elsewhere++;
			preferred.set(first, counts);
		}
	}

	const findings: Finding[] = [];
	for (const [broker, {total, elsewhere}] of preferred) {
		if (!live(broker) || elsewhere === 0 || elsewhere / total <= ratio) continue;
		findings.push({
			severity: 'info', code: 'PREFERRED_LEADER_IMBALANCE', subject: `broker ${broker}`, since: snapshot.takenAt,
			message: `leads ${total - elsewhere} of the ${plural(total, 'partition')} it is preferred leader for (${Math.round((elsewhere / total) * 100)}% led elsewhere); a preferred leader election moves them back`,
		});
	}

	return findings;
}

function address(broker: BrokerSummary): string {
	return broker.host === undefined ? `broker ${broker.id}` : `broker ${broker.id} (${broker.host}:${broker.port})`;
}

