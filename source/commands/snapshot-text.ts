import type {ClusterSnapshot, Finding} from '../model/types.js';
import {heldNote} from '../model/phrases.js';
import {quorumWords} from '../model/quorum-words.js';
import {age} from '../text/age.js';
import {sanitize} from '../text/sanitize.js';

/** `ktop snapshot`: the whole cluster in a screenful, worst news first. */
export function snapshotText(snapshot: ClusterSnapshot): string[] {
	const lines: string[] = [];
	const {zookeeper, controller} = snapshot;
	lines.push(`cluster ${snapshot.clusterId ? sanitize(snapshot.clusterId) : '(id unknown)'}  taken ${new Date(snapshot.takenAt).toISOString()}`);
	if (zookeeper) {
		const {quorum} = zookeeper;
		const words = quorumWords(quorum, sanitize);
		lines.push(`zookeeper ${words.count} serving, ${words.leader}`);
		for (const server of zookeeper.servers) {
			const details = [
				server.zxid ? `zxid ${server.zxid}${server.zxidLag ? ` (${server.zxidLag} behind)` : ''}` : undefined,
				server.latency ? `latency ${server.latency.min}/${server.latency.avg}/${server.latency.max} ms` : undefined,
				server.connections === undefined ? undefined : `${server.connections} conns`,
				server.nodeCount === undefined ? undefined : `${server.nodeCount} znodes`,
				server.monitor?.watchCount === undefined ? undefined : `${server.monitor.watchCount} watches`,
				server.error ? sanitize(server.error) : undefined,
				...server.limits.map(limit => sanitize(limit)),
			].filter(Boolean);
			lines.push(`  ${sanitize(server.address).padEnd(22)} ${server.mode.padEnd(12)} ${details.join('  ')}`);
		}
	}

	if (snapshot.brokersOnly) lines.push(`zookeeper not read, brokers only: ${sanitize(snapshot.brokersOnly.reason)}`);
	lines.push(`controller ${controller ? `broker ${controller.brokerId}${controller.epoch === undefined ? '' : ` (epoch ${controller.epoch})`}` : 'NONE'}`);
	// Brokers-only, registrations are not read: "0 registered" and NOT REGISTERED would be guesses.
	const registrations = snapshot.brokersOnly ? 'registrations not read' : `${snapshot.brokers.filter(b => b.registered).length} registered`;
	lines.push(`brokers ${snapshot.brokers.filter(b => b.reachable).length} reachable / ${registrations}`);
	for (const broker of snapshot.brokers) {
		const flags = [
			broker.isController ? 'controller' : undefined,
			broker.registered || snapshot.brokersOnly ? undefined : 'NOT REGISTERED',
			broker.reachable ? undefined : 'UNREACHABLE',
		].filter(Boolean).join(', ');
		const address = broker.host === undefined ? '?' : `${broker.host}:${broker.port}`;
		lines.push(`  ${String(broker.id).padStart(4)}  ${sanitize(address).padEnd(22)} rack ${sanitize(broker.rack ?? '-').padEnd(8)} ${broker.leaderCount} leaders, ${broker.replicaCount} replicas${flags ? `  [${flags}]` : ''}`);
	}

	const partitions = snapshot.topics.flatMap(topic => topic.partitions.map(partition => ({topic, partition})));
	const offline = partitions.filter(({partition}) => partition.leader < 0).length;
	const underReplicated = partitions.filter(({partition}) => partition.isr.length < partition.replicas.length).length;
	const underMinIsr = partitions.filter(({topic, partition}) => topic.minInsyncReplicas !== undefined && partition.isr.length < topic.minInsyncReplicas).length;
	lines.push(`topics ${snapshot.topics.length} (${snapshot.topics.filter(t => !t.internal).length} user), partitions ${partitions.length}: ${offline} offline, ${underMinIsr} under min ISR, ${underReplicated} under-replicated`);
	const lagging = snapshot.groups.filter(group => group.status !== 'OK');
	lines.push(`consumer groups ${snapshot.groups.length}, ${lagging.length} not OK`);
	for (const group of lagging.slice(0, 10)) {
		const unknownLag = group.unknownLagPartitions ? ` (+${group.unknownLagPartitions} unknown)` : '';
		const behind = group.timeLagMs === undefined ? '' : `  behind ${age(group.timeLagMs)}`;
		const coordinator = group.coordinator ? `  coordinator ${group.coordinator.id}` : '';
		lines.push(`  ${sanitize(group.groupId).padEnd(30)} ${sanitize(group.state).padEnd(12)} ${group.members} members  lag ${group.lag}${unknownLag}${behind}${coordinator}  ${group.status}`);
	}

	lines.push(`findings ${snapshot.findings.length}`);
	for (const finding of snapshot.findings) lines.push(`  ${findingLine(finding)}`);
	const unjudged = notJudgedLine(snapshot);
	if (unjudged) lines.push(`  ${unjudged}`);
	for (const error of snapshot.errors) lines.push(`error ${sanitize(error.source)}: ${sanitize(error.message)}`);
	return lines;
}

/**
The checks a brokers-only snapshot could not run, on one line in the findings' shape, so a script
reading `SEVERITY CODE subject: message` sees them: `UNKNOWN NOT_JUDGED zookeeper: …`.
*/
export function notJudgedLine(snapshot: ClusterSnapshot): string | undefined {
	const entries = snapshot.notJudged ?? [];
	if (entries.length === 0) return undefined;
	return `${'UNKNOWN'.padEnd(8)} ${'NOT_JUDGED'.padEnd(26)} zookeeper: ${sanitize(entries[0]!.reason)}: ${entries.map(entry => entry.code).join(', ')}`;
}

/** One finding per line, tab-free so `cut`/`awk` and monitoring plugins can read it. */
export function findingLine(finding: Finding): string {
	return `${finding.severity.toUpperCase().padEnd(8)} ${finding.code.padEnd(26)} ${sanitize(finding.subject)}: ${sanitize(finding.message)}${sanitize(heldNote(finding))}`;
}
