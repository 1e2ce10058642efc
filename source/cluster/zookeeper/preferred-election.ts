import type {ZookeeperAuth} from '../types.js';
import {preferredElectionPath} from '../write-types.js';
import {openZkSession, type OpenedZkSession} from './session.js';

/** How a preferred election through ZooKeeper can go before any partition moves. */
export type ZnodeElection = {requested: true} | {requested: false; reason: string};

export type ZnodeElectionOptions = {
	/** Refused before a session is opened (the writer refuses too: enforced at both layers). */
	readOnly: boolean;
	/** Why ZooKeeper cannot take a write now (no quorum, ktop's session down), or undefined. */
	zookeeperTrouble?: () => string | undefined;
	auth?: readonly ZookeeperAuth[];
	timeoutMs?: number;
	/** Test hook: opens the session (default: openZkSession). */
	open?: (connect: string, timeoutMs: number, auth: readonly ZookeeperAuth[]) => Promise<Pick<OpenedZkSession, 'createIfAbsent' | 'getData' | 'close'>>;
};

async function withSession<T>(connect: string, options: ZnodeElectionOptions, work: (session: Pick<OpenedZkSession, 'createIfAbsent' | 'getData'>) => Promise<T>): Promise<T> {
	const open = options.open ?? (async (address, ms, auth) => openZkSession(address, ms, undefined, auth));
	const session = await open(connect, options.timeoutMs ?? 10_000, options.auth ?? []);
	try {
		return await work(session);
	} finally {
		session.close();
	}
}

/** Whether an election is running (its znode is there): checked before the preview, so none is offered over it. A read: allowed in read-only mode. */
export async function preferredElectionRunning(connect: string, options: ZnodeElectionOptions): Promise<boolean> {
	return withSession(connect, options, async session => (await session.getData(preferredElectionPath)) !== undefined);
}

/**
The znode's content as kafka-preferred-replica-election.sh (Kafka 0.8-2.x) writes it: exactly the
partitions to elect, each once.
*/
export function preferredElectionJson(partitions: ReadonlyArray<{topic: string; partition: number}>): string {
	const seen = new Set<string>();
	const unique = partitions.filter(({topic, partition}) => {
		const key = `${topic}\u0000${partition}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
	return JSON.stringify({version: 1, partitions: unique.map(({topic, partition}) => ({topic, partition}))});
}

/**
Asks the controller for a preferred leader election of `partitions` by creating the election
znode, only when none is there: one that exists is an election still running (the controller
deletes it when done), and overwriting it would change what that election does. A session of its
own, opened for the write and closed after it.
*/
export async function requestPreferredElection(connect: string, partitions: ReadonlyArray<{topic: string; partition: number}>, options: ZnodeElectionOptions): Promise<ZnodeElection> {
	if (options.readOnly) return {requested: false, reason: 'ktop is read-only: nothing was written to ZooKeeper'};
	if (partitions.length === 0) return {requested: false, reason: 'no partition to elect: nothing was written'};
	const trouble = options.zookeeperTrouble?.();
	if (trouble !== undefined) return {requested: false, reason: `${trouble}: nothing was written to ZooKeeper`};
	const created = await withSession(connect, options, async session => session.createIfAbsent(preferredElectionPath, preferredElectionJson(partitions)));
	return created ? {requested: true} : {requested: false, reason: runningText};
}

const runningText = `${preferredElectionPath} exists: a preferred leader election is already running; nothing was written (wait for it to finish, then try again)`;
