import type {LoadCounters} from '../load-counters.js';
import type {HostPort, SourceError, ZkEnsembleMember, ZkKafkaView, ZkServer} from '../types.js';
import {parseConnectString} from './connect-string.js';
import {createKafkaReader, type KafkaReaderOptions} from './kafka-reader.js';
import {ensembleTargets, formatAddress, probeTargets, type ProbeOptions} from './probe-ensemble.js';
import {parseEnsembleConfig} from './parse-ensemble-config.js';
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
	/** Every server ktop could probe, each with its own probe state and limits. */
	servers: ZkServer[];
	/**
	The members /zookeeper/config names (the last config read), probed or not; undefined when it was
	never read. Members without a client address count in the quorum though none of `servers` is them.
	*/
	members: ZkEnsembleMember[] | undefined;
	/** Undefined when no session could read Kafka's znodes; `errors` says why. */
	kafka: ZkKafkaView | undefined;
	/** The session and the znodes that failed. A server that is down says so in its own probe. */
	errors: SourceError[];
	/** ZooKeeper refuses ktop's session (see KafkaRead.refused): why, and what to do. The probes still ran. */
	refused?: string;
	stats: {fullRead: boolean; znodesRead: number; elapsedMs: number};
};

export type ZkSource = {
	read(): Promise<ZkSourceRead>;
	/**
	Why a ZooKeeper-mode broker would wait on ZooKeeper now (no quorum in the last probes, ktop's
	session not connected right now), or undefined. See zookeeper-trouble.ts.
	*/
	trouble(): string | undefined;
	/**
	Another client's connect string for the same ensemble (the brokers' zookeeper.connect): its
	servers are probed too, which is how members whose config lines carry no client address are
	reached. Ignored unless it names at least one server of ktop's own connect string, so a
	different ensemble is never mixed in. Returns whether it added any server.
	*/
	learn(otherConnect: string): boolean;
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
	let refused = false;
	let learned: HostPort[] = [];
	const own = new Set(parseConnectString(connect).servers.map(server => formatAddress(server)));

	return {
		async read() {
			const started = performance.now();
			const [kafka, probed] = await Promise.all([
				reader.read(),
				probeTargets(ensembleTargets(connect, ensembleConfig, learned), probeOptions),
			]);
			ensembleConfig = kafka.ensembleConfig ?? ensembleConfig;

			const targets = ensembleTargets(connect, ensembleConfig, learned);
			const byAddress = new Map(probed.map(server => [server.address, server]));
			const added = await probeTargets(targets.filter(target => !byAddress.has(target.address)), probeOptions);
			for (const server of added) byAddress.set(server.address, server);
			// The config read now may name (or renumber) members the probes were sent to before it.
			const servers = targets.map(target => ({...byAddress.get(target.address)!, id: target.id, role: target.role, inConnectString: target.inConnectString}));
			lastServers = servers;
			refused = kafka.refused !== undefined;
			options.counters?.count('zookeeper session', 'reads', kafka.znodesRead);

			return {
				servers,
				members: ensembleConfig === undefined ? undefined : parseEnsembleConfig(ensembleConfig),
				kafka: kafka.kafka,
				errors: kafka.errors,
				...(kafka.refused === undefined ? {} : {refused: kafka.refused}),
				stats: {fullRead: kafka.fullRead, znodesRead: kafka.znodesRead, elapsedMs: Math.round(performance.now() - started)},
			};
		},
		trouble: () => zookeeperTrouble(lastServers, refused ? 'refused' : reader.connected()),
		learn(otherConnect) {
			let servers: HostPort[];
			try {
				servers = parseConnectString(otherConnect).servers;
			} catch {
				return false;
			}

			if (!servers.some(server => own.has(formatAddress(server)))) return false;
			const added = servers.filter(server => !own.has(formatAddress(server)) && !learned.some(known => formatAddress(known) === formatAddress(server)));
			learned = [...learned, ...added];
			return added.length > 0;
		},
		close() {
			reader.close();
		},
	};
}
