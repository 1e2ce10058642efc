import {findingKey} from './finding-order.js';
import {compareNatural} from './natural-order.js';
import {groupPresenceEvents} from './group-events.js';
import {partitionEvents} from './partition-events.js';
import {plural} from './phrases.js';
import type {BrokerSummary, ClusterEvent, ClusterSnapshot, ZkServerMode} from './types.js';

export type DiffOptions = {
	/** Partition changes of one kind past which they are summarised per topic, then per cluster. Default 20. */
	eventsPerKind?: number;
};

/**
What changed between two snapshots, as timeline events stamped with the newer snapshot's time.
Only real changes: a part of the cluster that the newer snapshot could not read (its source
failed) is not reported as gone. The order is deterministic: brokers, controller, ZooKeeper,
topics, partitions, groups, findings.
*/
export function diff(prev: ClusterSnapshot | undefined, next: ClusterSnapshot, options: DiffOptions = {}): ClusterEvent[] {
	if (!prev) return [];
	const at = next.takenAt;
	const events: ClusterEvent[] = [
		...brokerEvents(prev, next),
		...controllerEvents(prev, next),
		...zookeeperEvents(prev, next),
	];
	if (!blindToTopics(prev) && !blindToTopics(next)) {
		events.push(...topicEvents(prev, next), ...partitionEvents(prev, next, options.eventsPerKind ?? 20));
	}

	events.push(...groupPresenceEvents(prev, next, options.eventsPerKind ?? 20));
	const states = new Map(prev.groups.map(group => [group.groupId, group.state]));
	for (const group of next.groups) {
		const before = states.get(group.groupId);
		if (before === undefined || before === group.state) continue;
		events.push({
			at, kind: 'group-state-changed', subject: `group ${group.groupId}`,
			severity: group.state === 'Dead' || group.state === 'Empty' ? 'warning' : 'info',
			message: `group ${group.groupId} ${before} → ${group.state}`,
		});
	}

	const raised = new Set(prev.findings.map(finding => findingKey(finding)));
	const still = new Set(next.findings.map(finding => findingKey(finding)));
	for (const finding of next.findings) {
		if (!raised.has(findingKey(finding))) {
			events.push({at, kind: 'finding-raised', subject: finding.subject, severity: finding.severity, message: `${finding.code}: ${finding.message}`});
		}
	}

	for (const finding of prev.findings) {
		if (!still.has(findingKey(finding))) {
			events.push({at, kind: 'finding-cleared', subject: finding.subject, severity: 'info', message: `${finding.code} cleared`});
		}
	}

	return events;
}

/** No topic at all while a source failed: the topics were not read, not deleted. */
function blindToTopics(snapshot: ClusterSnapshot): boolean {
	return snapshot.topics.length === 0 && snapshot.errors.length > 0;
}

/**
Brokers are compared only through the sources both snapshots read: with ZooKeeper unreadable
now, a broker known before only by its registration has not left, ktop just cannot see it.
*/
function brokerEvents(prev: ClusterSnapshot, next: ClusterSnapshot): ClusterEvent[] {
	const registrations = prev.brokers.some(broker => broker.registered) && next.brokers.some(broker => broker.registered);
	const metadata = prev.brokers.some(broker => broker.inMetadata) && next.brokers.some(broker => broker.inMetadata);
	const present = (snapshot: ClusterSnapshot) => new Map(snapshot.brokers
		.filter(broker => (registrations && broker.registered) || (metadata && broker.inMetadata))
		.map(broker => [broker.id, broker]));
	const before = present(prev);
	const after = present(next);
	const events: ClusterEvent[] = [];
	for (const [id, broker] of after) {
		if (!before.has(id)) events.push({at: next.takenAt, kind: 'broker-joined', subject: `broker ${id}`, severity: 'info', message: `broker ${id}${where(broker)} joined`});
	}

	for (const [id, broker] of before) {
		if (!after.has(id)) events.push({at: next.takenAt, kind: 'broker-left', subject: `broker ${id}`, severity: 'warning', message: `broker ${id}${where(broker)} left`});
	}

	return events.sort((a, b) => compareNatural(a.subject, b.subject));
}

function where(broker: BrokerSummary): string {
	return broker.host === undefined ? '' : ` (${broker.host}:${broker.port})`;
}

function controllerEvents(prev: ClusterSnapshot, next: ClusterSnapshot): ClusterEvent[] {
	const was = prev.controller;
	const now = next.controller;
	const at = next.takenAt;
	if (was && now) {
		if (was.brokerId !== now.brokerId) {
			return [{at, kind: 'controller-moved', subject: `broker ${now.brokerId}`, severity: 'warning', message: `controller moved from broker ${was.brokerId} to broker ${now.brokerId}${epoch(now.epoch)}`}];
		}

		if (was.epoch !== undefined && now.epoch !== undefined && was.epoch !== now.epoch) {
			return [{at, kind: 'controller-moved', subject: `broker ${now.brokerId}`, severity: 'info', message: `controller re-elected on broker ${now.brokerId} (epoch ${was.epoch} → ${now.epoch})`}];
		}

		return [];
	}

	if (now) return [{at, kind: 'controller-moved', subject: `broker ${now.brokerId}`, severity: 'info', message: `broker ${now.brokerId} became controller${epoch(now.epoch)}`}];
	// A snapshot that saw no broker at all could not have seen a controller either.
	if (was && next.brokers.length > 0) {
		return [{at, kind: 'controller-moved', subject: `broker ${was.brokerId}`, severity: 'critical', message: `no active controller (was broker ${was.brokerId})`}];
	}

	return [];
}

function epoch(value: number | undefined): string {
	return value === undefined ? '' : ` (epoch ${value})`;
}

const downModes = new Set<ZkServerMode>(['unreachable', 'not serving', 'read-only', 'unknown']);

function zookeeperEvents(prev: ClusterSnapshot, next: ClusterSnapshot): ClusterEvent[] {
	if (!prev.zookeeper || !next.zookeeper) return [];
	const at = next.takenAt;
	const modes = new Map(prev.zookeeper.servers.map(server => [server.address, server.mode]));
	const events: ClusterEvent[] = [];
	for (const server of next.zookeeper.servers) {
		const before = modes.get(server.address);
		if (before === undefined || before === server.mode) continue;
		events.push({
			at, kind: 'zk-mode-changed', subject: server.address, severity: downModes.has(server.mode) ? 'warning' : 'info',
			message: `${server.address} ${before} → ${server.mode}${server.error ? `: ${server.error}` : ''}`,
		});
	}

	const was = prev.zookeeper.quorum.leader;
	const now = next.zookeeper.quorum.leader;
	if (now !== undefined && now !== was) {
		events.push({at, kind: 'zk-leader-elected', subject: now, severity: 'info', message: `${now} leads the ensemble${was === undefined ? '' : ` (was ${was})`}`});
	}

	return events;
}

function topicEvents(prev: ClusterSnapshot, next: ClusterSnapshot): ClusterEvent[] {
	const at = next.takenAt;
	const before = new Map(prev.topics.map(topic => [topic.name, topic]));
	const after = new Set(next.topics.map(topic => topic.name));
	const events: ClusterEvent[] = [];
	for (const topic of next.topics) {
		const old = before.get(topic.name);
		if (!old) {
			events.push({at, kind: 'topic-created', subject: `topic ${topic.name}`, severity: 'info', message: `topic ${topic.name} created with ${plural(topic.partitions.length, 'partition')}, replication factor ${topic.replicationFactor}`});
		} else if (topic.partitions.length > old.partitions.length) {
			events.push({at, kind: 'partitions-added', subject: `topic ${topic.name}`, severity: 'info', message: `topic ${topic.name} grew from ${old.partitions.length} to ${topic.partitions.length} partitions`});
		}
	}

	for (const topic of prev.topics) {
		if (!after.has(topic.name)) events.push({at, kind: 'topic-deleted', subject: `topic ${topic.name}`, severity: 'info', message: `topic ${topic.name} deleted`});
	}

	return events;
}
