import type {LoadCounters} from '../load-counters.js';
import type {SourceError, ZkKafkaView, ZkServer} from '../types.js';
import {parseConnectString} from './connect-string.js';
import {createKafkaReader, type KafkaReaderOptions} from './kafka-reader.js';
import {ensembleTargets, probeTargets, type ProbeOptions} from './probe-ensemble.js';
import {zookeeperTrouble} from './zookeeper-trouble.js';

export type ZkSourceOptions = KafkaReaderOptions & {
	/** Limit for each four-letter word and AdminServer request; default 2000 ms. */
	probeTimeoutMs?: number;
	adminPorts?: ProbeOptions['adminPorts'];
	defaultAdminPort?: ProbeOptions['defaultAdminPort'];
	/** Counts words sent per server and znodes read by the session (the benchmark's load figures). */
	counters?: LoadCounters;
};

export type ZkSourceRead = {
	/** Every member of the ensemble, each with its own probe state and limits. */
	servers: ZkServer[];
	/** Undefined when no session could read Kafka's znodes; `errors` says why. */
	kafka: ZkKafkaView | undefined;
	/** The session and the znodes that failed. A server that is down says so in its own probe. */
	errors: SourceError[];
	stats: {fullRead: boolean; znodesRead: number; elapsedMs: number};
};

export type ZkSource = {
	read(): Promise<ZkSourceRead>;
	/**
	Why a ZooKeeper-mode broker would wait on ZooKeeper now (no quorum in the last probes, ktop's
	session not connected right now), or undefined. See zookeeper-trouble.ts.
	*/
	trouble(): string | undefined;
	close(): void;
};

/**
ZooKeeper as one of ktop's sources: the ensemble's servers, probed one by one over four-letter
words, and Kafka's znodes, read through a watched session. The probes do not wait for the
session: they go to the servers the last read knew of, and members that this read's
/zookeeper/config adds are probed after it. read() never throws and never hangs.

Throws at once only for a malformed connect string, which is the caller's mistake, not the cluster's.
*/
export function createZkSource(connect: string, options: ZkSourceOptions = {}): ZkSource {
	parseConnectString(connect);
	const reader = createKafkaReader(connect, options);
	const probeOptions: ProbeOptions = {timeoutMs: options.probeTimeoutMs, adminPorts: options.adminPorts, defaultAdminPort: options.defaultAdminPort, counters: options.counters};
	let ensembleConfig: string | undefined;
	let lastServers: ZkServer[] | undefined;

	return {
		async read() {
			const started = performance.now();
			const [kafka, probed] = await Promise.all([
				reader.read(),
				probeTargets(ensembleTargets(connect, ensembleConfig), probeOptions),
			]);
			ensembleConfig = kafka.ensembleConfig ?? ensembleConfig;

			const targets = ensembleTargets(connect, ensembleConfig);
			const byAddress = new Map(probed.map(server => [server.address, server]));
			const added = await probeTargets(targets.filter(target => !byAddress.has(target.address)), probeOptions);
			for (const server of added) byAddress.set(server.address, server);
			// The config read now may name (or renumber) members the probes were sent to before it.
			const servers = targets.map(target => ({...byAddress.get(target.address)!, id: target.id, role: target.role, inConnectString: target.inConnectString}));
			lastServers = servers;
			options.counters?.count('zookeeper session', 'reads', kafka.znodesRead);

			return {
				servers,
				kafka: kafka.kafka,
				errors: kafka.errors,
				stats: {fullRead: kafka.fullRead, znodesRead: kafka.znodesRead, elapsedMs: Math.round(performance.now() - started)},
			};
		},
		trouble: () => zookeeperTrouble(lastServers, reader.connected()),
		close() {
			reader.close();
		},
	};
}
