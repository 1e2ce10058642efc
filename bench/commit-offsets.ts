import {createRequire} from 'node:module';
import {kafkaNodes} from '../cluster/layout.js';
import {mapLimit} from '../source/cluster/map-limit.js';

export type GroupCommit = {groupId: string; topic: string; partitions: Array<{partition: number; offset: string}>};

type LowLevelBroker = {
	connect(): Promise<void>;
	disconnect(): Promise<void>;
	findGroupCoordinator(request: {groupId: string; coordinatorType: number}): Promise<{coordinator: {nodeId: number}}>;
	offsetCommit(request: {groupId: string; groupGenerationId: number; memberId: string; topics: Array<{topic: string; partitions: Array<{partition: number; offset: string}>}>}): Promise<unknown>;
};

/**
Commits offsets the way a standalone consumer does (generation -1, no member): one OffsetCommit
per group at its coordinator, through kafkajs' broker class. admin.setOffsets joins the group
with a throwaway consumer instead, about 0.4 s a group even sixteen at a time (40 groups took
16.7 s here), so 500 groups would take minutes. The same technique as
test/integration/kafka-source-measure.ts.
*/
export async function commitAsIdleGroups(commits: readonly GroupCommit[]): Promise<void> {
	const require = createRequire(import.meta.url);
	const Broker = require('kafkajs/src/broker') as new (options: object) => LowLevelBroker;
	const ConnectionPool = require('kafkajs/src/network/connectionPool') as new (options: object) => unknown;
	const logger = (require('kafkajs/src/loggers') as {createLogger: (options: object) => unknown}).createLogger({level: 0, logCreator: () => () => undefined});
	const socketFactory = (require('kafkajs/src/network/socketFactory') as () => unknown)();
	const brokers = new Map<number, Promise<LowLevelBroker>>();
	const brokerFor = async (id: number) => {
		let broker = brokers.get(id);
		if (!broker) {
			const port = kafkaNodes.find(node => node.id === id)?.port;
			if (port === undefined) throw new Error(`coordinator ${id} is not a broker of the local cluster`);
			const created = new Broker({
				connectionPool: new ConnectionPool({host: '127.0.0.1', port, clientId: 'ktop-bench', socketFactory, connectionTimeout: 3000, requestTimeout: 30_000, enforceRequestTimeout: true, logger}),
				logger, allowAutoTopicCreation: false,
			});
			broker = created.connect().then(() => created);
			brokers.set(id, broker);
		}

		return broker;
	};

	try {
		const any = await brokerFor(kafkaNodes[0]!.id);
		await mapLimit(commits, 16, async ({groupId, topic, partitions}) => retrying(async () => {
			const {coordinator} = await any.findGroupCoordinator({groupId, coordinatorType: 0});
			await (await brokerFor(coordinator.nodeId)).offsetCommit({groupId, groupGenerationId: -1, memberId: '', topics: [{topic, partitions}]});
		}));
	} finally {
		await Promise.all([...brokers.values()].map(async broker => (await broker).disconnect().catch(() => undefined)));
	}
}

/**
This broker class does not retry as kafkajs' clients do. On a fresh cluster the first
FindCoordinator creates __consumer_offsets and answers COORDINATOR_NOT_AVAILABLE until its
partitions have leaders: retriable errors are retried for up to a minute.
*/
async function retrying<T>(work: () => Promise<T>): Promise<T> {
	const deadline = Date.now() + 60_000;
	for (let attempt = 0; ; attempt++) {
		try {
			return await work();
		} catch (error) {
			if (!(error as {retriable?: boolean}).retriable || Date.now() > deadline) throw error;
			await new Promise(resolve => setTimeout(resolve, Math.min(200 * 2 ** attempt, 3000)));
		}
	}
}
