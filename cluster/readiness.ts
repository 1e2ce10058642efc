import {Kafka, logLevel} from 'kafkajs';
import {sendFourLetterWord} from '../source/cluster/zookeeper/four-letter-word.js';
import {parseSrvr, type SrvrResult} from '../source/cluster/zookeeper/parse-srvr.js';
import {openZkSession} from '../source/cluster/zookeeper/session.js';
import {type KafkaNode, type ZkNode, zookeeperConnect} from './layout.js';
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

	const leaders = results.filter(({result}) => result.kind === 'serving' && result.stats.mode === 'leader');
	if (leaders.length !== 1) return new Unready(`${leaders.length} leaders among ${expected.map(n => n.name).join(', ')}`);
	return {leader: leaders[0]!.node.name};
}

export async function registeredBrokerIds(): Promise<number[]> {
	const session = await openZkSession(zookeeperConnect, 5000);
	try {
		const ids = await session.getChildren('/brokers/ids').catch(() => []);
		return ids.map(Number).sort((a, b) => a - b);
	} finally {
		session.close();
	}
}

/** Metadata as one broker answers it: the broker ids it knows. */
export async function brokerIdsSeenBy(node: KafkaNode): Promise<number[]> {
	const kafka = new Kafka({
		clientId: 'ktop-cluster-harness',
		brokers: [`127.0.0.1:${node.port}`],
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
	const registered = await registeredBrokerIds();
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

