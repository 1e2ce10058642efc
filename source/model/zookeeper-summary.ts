import type {ZkServer} from '../cluster/types.js';
import {compareNatural} from './natural-order.js';
import type {QuorumSummary, ZkServerMode, ZkServerSummary} from './types.js';

/**
The ensemble as an operator reads it: one line per server and the quorum they form.
A server whose mode cannot be known (srvr refused, reply not understood) is 'unknown',
never guessed; its `limits` say why.
*/
export function summarizeZookeeper(servers: readonly ZkServer[]): {servers: ZkServerSummary[]; quorum: QuorumSummary} {
	const summaries = servers.map(server => summarizeServer(server)).sort((a, b) => compareNatural(a.address, b.address));
	const quorum = summarizeQuorum(summaries);
	const leader = quorum.leader === undefined ? undefined : servers.find(server => server.address === quorum.leader);
	const leaderZxid = leader?.probe.state === 'serving' ? leader.probe.stats.zxid : undefined;
	if (leaderZxid !== undefined) {
		for (const summary of summaries) {
			const server = servers.find(candidate => candidate.address === summary.address);
			if (server?.probe.state === 'serving') summary.zxidLag = zxidLag(leaderZxid, server.probe.stats.zxid);
		}
	}

	return {servers: summaries, quorum};
}

function summarizeServer(server: ZkServer): ZkServerSummary {
	const base: ZkServerSummary = {
		address: server.address,
		id: server.id,
		role: server.role,
		inConnectString: server.inConnectString,
		mode: 'unknown',
		zxid: undefined,
		zxidLag: undefined,
		latency: undefined,
		connections: undefined,
		outstanding: undefined,
		nodeCount: undefined,
		version: undefined,
		monitor: server.monitor,
		monitorSource: server.monitorSource,
		limits: [...server.limits],
		error: undefined,
	};
	const {probe} = server;
	switch (probe.state) {
		case 'serving': {
			const {stats} = probe;
			return {
				...base,
				mode: stats.mode,
				zxid: `0x${stats.zxid.toString(16)}`,
				latency: {...stats.latency},
				connections: stats.connections,
				outstanding: stats.outstanding,
				nodeCount: stats.nodeCount,
				version: stats.version,
			};
		}

		case 'not-serving':
			return {...base, mode: 'not serving'};
		case 'unreachable':
			return {...base, mode: 'unreachable', error: probe.error};
		case 'srvr-refused':
			// The whitelist, not the server, hides the mode; say so rather than show a letter like zktop's "U".
			return {...base, limits: withLimit(base.limits, 'srvr not whitelisted')};
		case 'unparsable':
			return {...base, error: 'srvr reply not understood'};
	}
}

function withLimit(limits: string[], limit: string): string[] {
	return limits.includes(limit) ? limits : [...limits, limit];
}

const servingModes = new Set<ZkServerMode>(['leader', 'follower', 'standalone']);
const leadingModes = new Set<ZkServerMode>(['leader', 'standalone']);

/**
Voting members are the servers /zookeeper/config lists as participants; when no role is known
(the config could not be read) every server that does not say it observes is counted.
A read-only server is not counted as serving: it answers reads because it lost the quorum.
A standalone server counts as its own leader, so a one-server ensemble is healthy.
*/
export function summarizeQuorum(servers: readonly ZkServerSummary[]): QuorumSummary {
	const rolesKnown = servers.some(server => server.role !== undefined);
	const participants = servers.filter(server => (rolesKnown ? server.role === 'participant' : server.mode !== 'observer'));
	const serving = participants.filter(server => servingModes.has(server.mode)).length;
	const leaders = servers.filter(server => leadingModes.has(server.mode)).map(server => server.address);
	return {
		size: participants.length,
		serving,
		leader: leaders.length === 1 ? leaders[0] : undefined,
		leaders,
		hasQuorum: participants.length > 0 && serving > participants.length / 2,
	};
}

/**
Transactions a server is behind the leader. Only within one epoch (the zxid's upper 32 bits):
across an election the counter restarts, so the difference would mean nothing. The two replies
are read moments apart, so a follower can look ahead; that is no lag, not a negative one.
*/
export function zxidLag(leader: bigint, server: bigint): number | undefined {
	if (leader >> 32n !== server >> 32n) return undefined;
	const behind = leader - server;
	return behind > 0n ? Number(behind) : 0;
}
