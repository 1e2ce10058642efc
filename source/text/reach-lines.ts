import type {ZkServerProbe} from '../cluster/types.js';
import type {ClusterReach} from '../model/reach.js';
import {sanitize} from './sanitize.js';

export type Tone = 'ok' | 'warn' | 'bad' | 'plain';
export type ReachLine = {text: string; tone: Tone};

/**
The connection report as lines, shared by the printed report and the live view.
Every string that came from the cluster passes through `sanitize`.
*/
export function reachLines(reach: ClusterReach, now = Date.now()): ReachLine[] {
	const lines: ReachLine[] = [];
	const zk = reach.zookeeper;
	const clusterId = zk?.clusterId ?? reach.kafka.view?.clusterId;
	lines.push({text: `cluster ${clusterId ? sanitize(clusterId) : '(id unknown)'}`, tone: clusterId ? 'plain' : 'warn'});

	if (zk) {
		const serving = zk.servers.filter(server => server.state === 'serving');
		const leaders = serving.filter(server => server.state === 'serving' && server.stats.mode === 'leader');
		const quorumTone: Tone = serving.length * 2 > zk.servers.length && leaders.length === 1 ? 'ok' : 'bad';
		lines.push({text: `zookeeper ${sanitize(zk.connect)}: ${serving.length}/${zk.servers.length} serving, ${leaders.length === 1 ? `leader ${address(leaders[0]!)}` : `${leaders.length} leaders`}`, tone: quorumTone});
		for (const server of zk.servers) lines.push(zkServerLine(server));
		if (zk.error) {
			// Without a session the znodes are unknown, not empty: say so rather than "none" or "0".
			lines.push({text: `  session: ${sanitize(zk.error)}`, tone: 'bad'});
			lines.push({text: 'controller and registered brokers unknown (no ZooKeeper session)', tone: 'bad'});
		} else {
			lines.push({text: `controller ${zk.controllerId === undefined ? 'none' : `broker ${zk.controllerId}`}`, tone: zk.controllerId === undefined ? 'bad' : 'plain'});
			lines.push({text: `registered brokers (/brokers/ids): ${zk.registrations.length}`, tone: 'plain'});
		}

		for (const broker of zk.registrations) {
			const since = broker.registeredAt === undefined ? '' : `, registered ${ago(now - broker.registeredAt)} ago`;
			lines.push({text: `  ${broker.id}  ${sanitize(broker.endpoints.join(' '))}${broker.rack ? `  rack ${sanitize(broker.rack)}` : ''}${since}`, tone: 'plain'});
		}
	}

	const {view, error, bootstrap} = reach.kafka;
	if (view) {
		lines.push({text: `brokers answering metadata via ${sanitize(bootstrap.join(','))}: ${view.brokers.map(b => b.id).join(', ')}; ${view.topicCount} topics`, tone: 'ok'});
	} else {
		lines.push({text: `brokers: ${sanitize(error ?? 'not reached')}`, tone: 'bad'});
	}

	return lines;
}

function zkServerLine(server: ZkServerProbe): ReachLine {
	const where = address(server);
	switch (server.state) {
		case 'serving': {
			const {stats} = server;
			return {text: `  ${where}  ${stats.mode.padEnd(9)} zxid 0x${stats.zxid.toString(16)}  latency ${stats.latency.avg} ms avg  ${stats.connections} conns  ${stats.nodeCount} znodes`, tone: 'ok'};
		}

		case 'not-serving': return {text: `  ${where}  not serving (no quorum reached from this server)`, tone: 'bad'};
		case 'unreachable': return {text: `  ${where}  unreachable: ${sanitize(server.error)}`, tone: 'bad'};
		case 'srvr-refused': return {text: `  ${where}  srvr not whitelisted (4lw.commands.whitelist)`, tone: 'warn'};
		case 'unparsable': return {text: `  ${where}  unrecognised srvr reply`, tone: 'warn'};
	}
}

function address(server: {host: string; port: number}): string {
	return sanitize(`${server.host}:${server.port}`);
}

export function ago(ms: number): string {
	const seconds = Math.max(0, Math.round(ms / 1000));
	if (seconds < 90) return `${seconds}s`;
	const minutes = Math.round(seconds / 60);
	if (minutes < 90) return `${minutes}m`;
	const hours = Math.round(minutes / 60);
	return hours < 48 ? `${hours}h` : `${Math.round(hours / 24)}d`;
}
