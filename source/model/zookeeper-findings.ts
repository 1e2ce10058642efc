import {some} from './phrases.js';
import type {ClusterSnapshot, Finding, ZkServerSummary} from './types.js';

const downModes = new Set(['unreachable', 'not serving', 'read-only']);

/**
The ensemble's health. A lost quorum is one critical finding naming the servers that are down
(a finding per server would only repeat it); while the quorum holds, each server that is down
is a warning of its own. When servers whose mode is unknown (srvr refused) could make up the
difference, ktop says nothing about quorum or leader rather than guess: ZK_SERVER_LIMITED says why.
*/
export function zookeeperFindings(snapshot: ClusterSnapshot): Finding[] {
	const zookeeper = snapshot.zookeeper;
	if (!zookeeper) return [];
	const at = snapshot.takenAt;
	const {servers, quorum} = zookeeper;
	const findings: Finding[] = [];
	const down = servers.filter(server => downModes.has(server.mode));
	const unknown = servers.filter(server => server.mode === 'unknown');

	if (quorum.size > 0 && !quorum.hasQuorum && quorum.serving + unknown.length <= quorum.size / 2) {
		findings.push({
			severity: 'critical', code: 'ZK_QUORUM_LOST', subject: 'zookeeper', since: at,
			message: `${quorum.serving} of ${quorum.size} voting members serving; a majority (${Math.floor(quorum.size / 2) + 1}) is needed. Down: ${some(down.map(server => describeDown(server)))}`,
		});
	} else if (quorum.hasQuorum) {
		if (quorum.leaders.length > 1) {
			findings.push({
				severity: 'critical', code: 'ZK_NO_LEADER', subject: 'zookeeper', since: at,
				message: `${quorum.leaders.length} servers claim to lead (split brain): ${quorum.leaders.join(', ')}`,
			});
		} else if (quorum.leaders.length === 0 && unknown.length === 0) {
			findings.push({
				severity: 'critical', code: 'ZK_NO_LEADER', subject: 'zookeeper', since: at,
				message: `${quorum.serving} of ${quorum.size} voting members serving but none leads`,
			});
		}

		for (const server of down) {
			findings.push({severity: 'warning', code: 'ZK_SERVER_DOWN', subject: server.address, since: at, message: describeDown(server)});
		}
	}

	for (const server of servers) {
		const limits = [...server.limits, ...(server.mode === 'unknown' && server.error ? [server.error] : [])];
		if (limits.length === 0 && server.mode !== 'unknown') continue;
		findings.push({
			severity: 'info', code: 'ZK_SERVER_LIMITED', subject: server.address, since: at,
			message: limits.length > 0 ? limits.join('; ') : 'mode unknown',
		});
	}

	return findings;
}

function describeDown(server: ZkServerSummary): string {
	switch (server.mode) {
		case 'unreachable':
			return `${server.address} unreachable${server.error ? `: ${server.error}` : ''}`;
		case 'read-only':
			return `${server.address} read-only: cut off from the quorum`;
		default:
			return `${server.address} not serving requests`;
	}
}
