import {readBrokerRegistrations} from '../cluster/zookeeper/kafka-znodes.js';
import {openZkSession} from '../cluster/zookeeper/session.js';
import {refusalOf} from '../cluster/zookeeper/zookeeper-refusal.js';
import {endpointOf} from './broker-summary.js';
import {openConsumeSession, type ConsumeSessionOptions} from './consume-session.js';
import type {ConsumeSession, StartPosition} from './consume-types.js';
import type {Connection} from './reach.js';

/** What `ktop consume` was asked for (see config/consume-args.ts); the other options keep their defaults. */
export type ConsumeRequest = Pick<ConsumeSessionOptions, 'topic' | 'start' | 'partitions' | 'capacity'>;

/**
Opens consume sessions over a connection, for the TUI's consume view, from `start` when one is
given (`:consume orders beginning`, `b`). `initial` (from `ktop consume <topic> --from …`) applies
when its topic is opened: its partitions and buffer always, its start when none is given; any
other topic opens on all partitions, following new records unless given a start. The brokers come
from the connection, or from ZooKeeper's /brokers/ids when only --zookeeper was given (read once,
on first use).
*/
export function consumeOpener(connection: Connection, initial?: ConsumeRequest): (topic: string, start?: StartPosition) => Promise<ConsumeSession> {
	let bootstrap: Promise<string[]> | undefined;
	return async (topic, start) => {
		bootstrap ??= resolveBootstrap(connection);
		bootstrap.catch(() => {
			bootstrap = undefined;
		});
		const base: ConsumeRequest = initial?.topic === topic ? initial : {topic, start: {kind: 'end'}};
		const request: ConsumeRequest = start === undefined ? base : {...base, start};
		return openConsumeSession({...request, bootstrap: await bootstrap, security: connection.security});
	};
}

/** The connection's brokers, or those registered in ZooKeeper (their listener of the connection's security protocol first). */
export async function resolveBootstrap(connection: Connection, timeoutMs = 10_000): Promise<string[]> {
	if (connection.bootstrap && connection.bootstrap.length > 0) return connection.bootstrap;
	if (connection.zookeeper === undefined) throw new Error('no brokers to read from: give --bootstrap or --zookeeper');
	const auth = connection.zookeeperAuth ?? [];
	const session = await openZkSession(connection.zookeeper, timeoutMs, undefined, auth).catch((error: unknown) => {
		const refused = refusalOf(error, connection.zookeeper!, auth);
		throw refused === undefined ? error : new Error(`${refused}; or give the brokers with --bootstrap`);
	});
	try {
		const registrations = await readBrokerRegistrations(session);
		const bootstrap = registrations.flatMap(registration => {
			const address = endpointOf(registration, connection.security?.protocol);
			if (!address) return [];
			return [address.host.includes(':') ? `[${address.host}]:${address.port}` : `${address.host}:${address.port}`];
		});
		if (bootstrap.length === 0) throw new Error(`no brokers registered in /brokers/ids of ${connection.zookeeper}`);
		return bootstrap;
	} finally {
		session.close();
	}
}
