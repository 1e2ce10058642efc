import type {ZkServer} from '../types.js';

/** The reason an action is refused while ZooKeeper has no quorum (the wording operators see). */
export const noQuorumReason = 'ZooKeeper has no quorum: the brokers cannot apply this; they would hold a request thread until it returns';

export const sessionDownReason = 'ktop\'s ZooKeeper session is not connected, so it cannot tell whether the brokers can reach ZooKeeper: a broker asked to apply this could hold a request thread until ZooKeeper returns';

export const noAnswerReason = 'no ZooKeeper server answered ktop\'s probes, so it cannot tell whether the brokers can reach ZooKeeper';

export const notReadYetReason = 'ktop has not read ZooKeeper yet, so it cannot tell whether the brokers can reach ZooKeeper';

/** Modes in which a server is part of a working quorum (a read-only server has lost it). */
const inQuorum = new Set(['leader', 'follower', 'observer', 'standalone']);

/**
Whether ktop's own view says a ZooKeeper-mode broker would wait on ZooKeeper now: why, or
undefined when ZooKeeper looks able to serve. The quorum comes from the last probes (`srvr`):
servers answered and none of them serves in a quorum. The session is checked as it is right
now: a server that loses the quorum closes its client connections at once, so ktop's session
drops within moments, before the next probe. Unknown counts as trouble: ktop holds back
rather than risk a broker's request threads.

'refused': ZooKeeper refuses ktop a session (auth), so the session says nothing of the quorum:
the probes alone decide, and a serving server is needed to say it can serve.
*/
export function zookeeperTrouble(servers: readonly ZkServer[] | undefined, sessionConnected: boolean | 'refused' | undefined): string | undefined {
	if (servers === undefined) return notReadYetReason;
	const answered = servers.filter(server => server.probe.state === 'serving' || server.probe.state === 'not-serving');
	const serving = servers.some(server => server.probe.state === 'serving' && inQuorum.has(server.probe.stats.mode));
	if (answered.length > 0 && !serving) return noQuorumReason;
	if (sessionConnected === 'refused') return serving ? undefined : noAnswerReason;
	if (sessionConnected !== true) return sessionDownReason;
	return undefined;
}
