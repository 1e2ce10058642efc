import type {ZkEnsembleMember, ZkServer} from '../cluster/types.js';
import {compareNatural} from './natural-order.js';
import type {QuorumSummary, ZkServerMode, ZkServerSummary} from './types.js';

/**
The ensemble as an operator reads it: one line per server and the quorum they form.
A server whose mode cannot be known (srvr refused, reply not understood) is 'unknown',
never guessed; its `limits` say why.
*/
export function summarizeZookeeper(servers: readonly ZkServer[], members?: readonly ZkEnsembleMember[]): {servers: ZkServerSummary[]; quorum: QuorumSummary} {
	const summaries = servers.map(server => summarizeServer(server)).sort((a, b) => compareNatural(a.address, b.address));
	const quorum = summarizeQuorum(summaries, members);
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
The quorum from every piece of evidence ktop has: the servers it probed, the members
/zookeeper/config names (`members`, undefined when never read), and the leader's own count of
synced followers. Voting members are the config's participants; when the config names none, every
probed server that does not say it observes. A server the config could not be matched to (its
line has no client address) counts as a participant unless it observes.

A member ktop cannot see (mode unknown, or no client address to probe it at) may be serving or
leading, so it is never counted as down nor as up: a follower that serves is evidence of a leader
and a quorum, a leader that serves of a quorum, and "lost" or "no leader" needs every member that could change it seen.
A read-only server is not counted as serving: it answers reads because it lost the quorum.
A standalone server counts as its own leader, so a one-server ensemble is healthy.
*/
export function summarizeQuorum(servers: readonly ZkServerSummary[], members?: readonly ZkEnsembleMember[]): QuorumSummary {
	const everyMemberAddressed = members !== undefined && members.length > 0 && members.every(member => member.client !== undefined);
	const participants = servers.filter(server => (everyMemberAddressed
		? server.role === 'participant'
		: server.role === 'participant' || (server.role === undefined && server.mode !== 'observer')));
	const configured = (members ?? []).filter(member => member.role === 'participant').length;
	const size = Math.max(configured, participants.length);
	const unprobed = size - participants.length;
	const leaders = servers.filter(server => leadingModes.has(server.mode)).map(server => server.address);
	const leaderServer = leaders.length === 1 ? servers.find(server => server.address === leaders[0]) : undefined;
	const probedServing = participants.filter(server => servingModes.has(server.mode)).length;
	// The leader counts the followers in sync with it, including those ktop could not probe.
	const synced = leaderServer?.mode === 'leader' ? leaderServer.monitor?.syncedFollowers : undefined;
	const serving = Math.min(size, Math.max(probedServing, synced === undefined ? 0 : synced + 1));
	const hidden = Math.max(0, unprobed + participants.filter(server => server.mode === 'unknown').length - (serving - probedServing));
	const followerServes = participants.some(server => server.mode === 'follower');
	// A leader leads, and a follower follows, only while a majority is in sync with the leader.
	const inQuorum = followerServes || participants.some(server => server.mode === 'leader');
	const state = size === 0 ? 'unknown'
		: serving > size / 2 || (inQuorum && hidden > 0) ? 'ok'
			: serving + hidden <= size / 2 ? 'lost' : 'unknown';
	const leaderState = leaders.length > 1 ? 'several'
		: leaders.length === 1 ? 'one'
			: hidden === 0 ? 'none'
				: followerServes ? 'unseen' : 'unknown';
	return {
		size,
		serving,
		leader: leaders.length === 1 ? leaders[0] : undefined,
		leaders,
		hasQuorum: state === 'ok',
		state,
		leaderState,
		unprobed,
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
