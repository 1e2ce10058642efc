import fs from 'node:fs';
import {Kafka, type KafkaConfig, logLevel} from 'kafkajs';
import {sendFourLetterWord} from '../source/cluster/zookeeper/four-letter-word.js';
import {parseSrvr, type SrvrResult} from '../source/cluster/zookeeper/parse-srvr.js';
import {openZkSession} from '../source/cluster/zookeeper/session.js';
import {type ClusterLayout, type KafkaNode, type ZkNode, layoutOf, plainLayout, secureLayout} from './layout.js';
import {readSecurePasswords} from './secure-secrets.js';
import {Unready} from './wait-for.js';

/** Asks one ZooKeeper server `srvr`; an unreachable server is reported as such, not thrown. */
export async function srvr(node: ZkNode, timeoutMs = 1500): Promise<SrvrResult | {kind: 'unreachable'; error: string}> {
	const reply = await sendFourLetterWord('127.0.0.1', node.clientPort, 'srvr', timeoutMs);
	return reply.ok ? parseSrvr(reply.text) : {kind: 'unreachable', error: reply.error};
}

export function describeSrvr(result: Awaited<ReturnType<typeof srvr>>): string {
	switch (result.kind) {
		case 'serving': return result.stats.mode;
		case 'not-serving': return 'not serving';
		case 'not-whitelisted': return 'srvr not whitelisted';
		case 'unreachable': return `unreachable (${result.error})`;
		case 'unparsable': return 'unparsable srvr reply';
	}
}

/**
The ensemble is usable when every expected server serves and exactly one of them leads.
`expected` is the set of servers that should be up (a fault test may have stopped one).
*/
export async function probeQuorum(expected: ZkNode[]): Promise<{leader: string} | Unready> {
	const results = await Promise.all(expected.map(async node => ({node, result: await srvr(node)})));
	const notServing = results.filter(({result}) => result.kind !== 'serving');
	if (notServing.length > 0) {
		return new Unready(notServing.map(({node, result}) => `${node.name} ${describeSrvr(result)}`).join(', '));
	}

	// A standalone server (the secure cluster's) is its own leader.
	const leaders = results.filter(({result}) => result.kind === 'serving' && (result.stats.mode === 'leader' || result.stats.mode === 'standalone'));
	if (leaders.length !== 1) return new Unready(`${leaders.length} leaders among ${expected.map(n => n.name).join(', ')}`);
	return {leader: leaders[0]!.node.name};
}

export async function registeredBrokerIds(layout: ClusterLayout = plainLayout): Promise<number[]> {
	if (layout.kind === 'secure') return ephemeralBrokerIds(await adminServerDump(layout.zkNodes[0]!));
	const session = await openZkSession(layout.zookeeperConnect, 5000);
	try {
		const ids = await session.getChildren('/brokers/ids').catch(() => []);
		return ids.map(Number).sort((a, b) => a - b);
	} finally {
		session.close();
	}
}

/**
The secure ZooKeeper refuses unauthenticated sessions; its AdminServer's `dump` lists every
session's ephemeral znodes without one, /brokers/ids/<id> among them.
*/
async function adminServerDump(node: ZkNode): Promise<unknown> {
	const response = await fetch(`http://127.0.0.1:${node.adminPort}/commands/dump`, {signal: AbortSignal.timeout(3000)});
	if (!response.ok) throw new Error(`${node.name}'s AdminServer answered ${response.status} to /commands/dump`);
	return response.json();
}

/** The broker ids registered in a `dump` reply: `{session_id_to_ephemeral_paths: {<session>: [paths]}}`. */
export function ephemeralBrokerIds(dump: unknown): number[] {
	const sessions = (dump as {session_id_to_ephemeral_paths?: Record<string, string[]>} | null)?.session_id_to_ephemeral_paths;
	if (!sessions || typeof sessions !== 'object') throw new Error('the AdminServer\'s dump has no session_id_to_ephemeral_paths');
	const ids = Object.values(sessions).flat().flatMap(znode => /^\/brokers\/ids\/(\d+)$/.exec(String(znode))?.[1] ?? []);
	return ids.map(Number).sort((a, b) => a - b);
}

/** The secure cluster is probed on its SCRAM listener, which proves its certificates and users too. */
function clientSecurity(node: KafkaNode): Pick<KafkaConfig, 'ssl' | 'sasl'> {
	if (node.cluster !== 'secure') return {};
	const passwords = readSecurePasswords();
	return {
		ssl: {ca: [fs.readFileSync(secureLayout.tls.ca, 'utf8')]},
		sasl: {mechanism: 'scram-sha-512', username: secureLayout.clientUser, password: passwords.scram[secureLayout.clientUser]!},
	};
}

/** Metadata as one broker answers it: the broker ids it knows. */
export async function brokerIdsSeenBy(node: KafkaNode): Promise<number[]> {
	const kafka = new Kafka({
		clientId: 'ktop-cluster-harness',
		brokers: [`127.0.0.1:${node.port}`],
		...clientSecurity(node),
		logLevel: logLevel.NOTHING,
		connectionTimeout: 2000,
		requestTimeout: 5000,
		retry: {retries: 0},
	});
	const admin = kafka.admin();
	try {
		await admin.connect();
		const cluster = await admin.describeCluster();
		return cluster.brokers.map(broker => broker.nodeId).sort((a, b) => a - b);
	} finally {
		await admin.disconnect().catch(() => undefined);
	}
}

/**
Every expected broker is registered in ZooKeeper, and each one answers metadata that lists them all
(a broker's metadata cache lags its registration, so both are checked).
*/
export async function probeBrokers(expected: KafkaNode[]): Promise<true | Unready> {
	const registered = await registeredBrokerIds(layoutOf(expected[0]!));
	const missing = expected.filter(node => !registered.includes(node.id));
	if (missing.length > 0) return new Unready(`${missing.map(n => n.name).join(', ')} not in /brokers/ids (has [${registered.join(', ')}])`);

	for (const node of expected) {
		let seen: number[];
		try {
			seen = await brokerIdsSeenBy(node);
		} catch (error) {
			return new Unready(`${node.name} does not answer metadata: ${(error as Error).message}`);
		}

		const unseen = expected.filter(other => !seen.includes(other.id));
		if (unseen.length > 0) return new Unready(`${node.name}'s metadata lacks broker ${unseen.map(n => n.id).join(', ')}`);
	}

	return true;
}

