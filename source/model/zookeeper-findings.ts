import {some} from './phrases.js';
import type {ClusterSnapshot, Finding, ZkServerSummary} from './types.js';

const downModes = new Set(['unreachable', 'not serving', 'read-only']);

/**
The ensemble's health, each finding only with evidence for it (see summarizeQuorum). A lost quorum
is one critical finding naming the servers that are down (a finding per server would only repeat
it); otherwise each server that is down is a warning of its own. Members ktop could not see are
said once (ZK_MEMBERS_UNPROBED, ZK_SERVER_LIMITED), never guessed up or down.
*/
export function zookeeperFindings(snapshot: ClusterSnapshot): Finding[] {
	const zookeeper = snapshot.zookeeper;
	if (!zookeeper) return [];
	const at = snapshot.takenAt;
	const {servers, quorum} = zookeeper;
	const findings: Finding[] = [];
	const down = servers.filter(server => downModes.has(server.mode));

	if (quorum.state === 'lost') {
		findings.push({
			severity: 'critical', code: 'ZK_QUORUM_LOST', subject: 'zookeeper', since: at,
			message: `${quorum.serving} of ${quorum.size} voting members serving; a majority (${Math.floor(quorum.size / 2) + 1}) is needed. Down: ${some(down.map(server => describeDown(server)))}`,
		});
	} else {
		if (quorum.leaderState === 'several') {
			findings.push({
				severity: 'critical', code: 'ZK_NO_LEADER', subject: 'zookeeper', since: at,
				message: `${quorum.leaders.length} servers claim to lead (split brain): ${quorum.leaders.join(', ')}`,
			});
		} else if (quorum.leaderState === 'none') {
			findings.push({
				severity: 'critical', code: 'ZK_NO_LEADER', subject: 'zookeeper', since: at,
				message: `every voting member answered and none leads: ${quorum.serving} of ${quorum.size} serving`,
			});
		}

		for (const server of down) {
			findings.push({severity: 'warning', code: 'ZK_SERVER_DOWN', subject: server.address, since: at, message: describeDown(server)});
		}
	}

	if (quorum.unprobed > 0) {
		findings.push({
			severity: 'info', code: 'ZK_MEMBERS_UNPROBED', subject: 'zookeeper', since: at,
			message: `${quorum.unprobed === 1 ? '1 member' : `${quorum.unprobed} members`} of ${quorum.size} not probed: no client address known; give ${quorum.unprobed === 1 ? 'it' : 'them'} with -z`,
		});
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
