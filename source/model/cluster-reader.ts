import {describeSecurity, plaintext} from '../cluster/kafka/client-security.js';
import {type BrokerZookeeperSettings, readBrokerZookeeperSettings} from '../cluster/kafka/broker-zookeeper-connect.js';
import {createKafkaSource, type KafkaSource} from '../cluster/kafka/kafka-source.js';
import {LoadCounters, type LoadCounts} from '../cluster/load-counters.js';
import {notReadYetReason} from '../cluster/zookeeper/zookeeper-trouble.js';
import type {BrokerRegistration, KafkaView, SourceError} from '../cluster/types.js';
import {createZkSource, type ZkSource, type ZkSourceOptions} from '../cluster/zookeeper/zk-source.js';
import {type BrokerProbe, endpointOf} from './broker-summary.js';
import type {SnapshotInput} from './build-snapshot.js';
import type {Connection} from './reach.js';
import {aclHint, type BrokersOnly, chosenReason, notNamed, tlsRequired} from './zookeeper-access.js';

export type ClusterReaderOptions = {
	/** AdminServer ports by ZooKeeper client address ('host:port'), for servers whose 4lw whitelist is locked down. */
	adminPorts?: ZkSourceOptions['adminPorts'];
	now?: () => number;
};

export type ClusterReader = {
	/** One refresh's reads from every source. Never throws: a failing source becomes an error entry. */
	read(): Promise<SnapshotInput>;
	/**
	Why a ZooKeeper-mode broker would wait on ZooKeeper right now, by ktop's own view (no quorum,
	session not connected, ZooKeeper never read), or undefined. Requests that would make a broker
	wait are not sent while it gives a reason; writers built beside this reader take it too.
	*/
	zookeeperTrouble(): string | undefined;
	/** Requests sent so far, per broker and API, per ZooKeeper server and session. */
	load(): LoadCounts;
	close(): Promise<void>;
};

/**
Both sources behind one read: ZooKeeper (servers, Kafka's znodes) and the brokers (metadata,
watermarks, configs, groups), then a direct probe of every broker either of them names or
that was seen earlier in this session, so a broker that hung or died long enough to drop out
of /brokers/ids and the metadata is still probed and reported.
Given only ZooKeeper, the brokers are found from their registrations; given only brokers,
ZooKeeper is found from their `zookeeper.connect`.
*/
export function openClusterReader(connection: Connection, options: ClusterReaderOptions = {}): ClusterReader {
	const now = options.now ?? Date.now;
	const counters = new LoadCounters();
	let zookeeper = connection.zookeeper;
	const openZk = (connect: string) => createZkSource(connect, {adminPorts: options.adminPorts, counters, auth: connection.zookeeperAuth});
	let zk: ZkSource | undefined = zookeeper === undefined ? undefined : openZk(zookeeper);
	/** Why ZooKeeper is not read at all (chosen, not named by the brokers, TLS only). */
	let noZookeeper: BrokersOnly | undefined = connection.brokersOnly ? {reason: chosenReason, chosen: true} : undefined;
	// Brokers-only, ktop cannot see the brokers' ZooKeeper: holding requests back for it would hold them forever.
	const zookeeperTrouble = () => (zk ? zk.trouble() : noZookeeper ? undefined : notReadYetReason);
	const openKafka = (brokers: string[]) => createKafkaSource(brokers, {counters, zookeeperTrouble, security: connection.security});
	let kafka: KafkaSource | undefined = connection.bootstrap ? openKafka(connection.bootstrap) : undefined;
	let bootstrap = connection.bootstrap ?? [];
	const seen = new Map<number, {host: string; port: number}>();

	// The brokers' ZooKeeper settings, asked once (a broker config, served from memory).
	let settings: Promise<{brokerId: number | undefined; settings?: BrokerZookeeperSettings; error?: string}> | undefined;
	const brokerSettings = async (view: KafkaView) => {
		settings ??= (async () => {
			const brokerId = view.controllerId ?? view.brokers[0]?.id;
			if (brokerId === undefined) return {brokerId};
			try {
				return {brokerId, settings: await readBrokerZookeeperSettings(bootstrap, brokerId, {security: connection.security})};
			} catch (error) {
				return {brokerId, error: `could not ask broker ${brokerId} for zookeeper.connect: ${(error as Error).message}`};
			}
		})();
		return settings;
	};

	return {
		async read() {
			const takenAt = now();
			const errors: SourceError[] = [];
			let zkRead = zk ? await zk.read() : undefined;
			if (zkRead) errors.push(...zkRead.errors);

			if (!kafka) {
				bootstrap = bootstrapFrom(zkRead?.kafka?.registrations ?? [], connection.security?.protocol);
				if (bootstrap.length > 0) kafka = openKafka(bootstrap);
			}

			let view: KafkaView | undefined;
			if (kafka) {
				try {
					view = await kafka.read();
					errors.push(...view.errors);
				} catch (error) {
					errors.push({source: 'kafka', message: (error as Error).message});
				}
			} else if (zkRead?.kafka) {
				errors.push({source: 'kafka', message: 'no brokers registered in /brokers/ids, so none could be asked'});
			} else if (zkRead?.refused) {
				errors.push({source: 'kafka', message: 'no brokers to ask: ZooKeeper refused ktop, so their registrations in /brokers/ids could not be read; give the brokers with --bootstrap'});
			}

			// Given only brokers, ZooKeeper is found from their own configuration, once; not when
			// they reach it over TLS, which ktop's client cannot speak.
			if (!zk && !noZookeeper && view) {
				const asked = await brokerSettings(view);
				const tls = tlsRequired(asked.settings);
				if (asked.error !== undefined || tls !== undefined || !asked.settings?.connect) {
					noZookeeper = {reason: asked.error ?? tls ?? notNamed(asked.brokerId), chosen: false};
				} else {
					zookeeper = asked.settings.connect;
					zk = openZk(zookeeper);
					zkRead = await zk.read();
					errors.push(...zkRead.errors);
				}
			}

			// ZooKeeper given but not read: the brokers' settings may say why (TLS), then ktop stops trying.
			if (zk && zkRead && !zkRead.kafka && view) {
				const tls = tlsRequired((await brokerSettings(view)).settings);
				if (tls !== undefined) {
					zk.close();
					zk = undefined;
					zkRead = undefined;
					noZookeeper = {reason: tls, chosen: false};
					errors.splice(0, errors.length, ...errors.filter(error => !error.source.startsWith('zookeeper')));
				}
			}

			// Members whose config lines carry no client address can only be probed at an address
			// someone gives: the brokers' own zookeeper.connect.
			if (zk && zkRead && view && zkRead.members?.some(member => !member.client)) {
				const theirs = (await brokerSettings(view)).settings?.connect;
				// Only a way to reach more members: without it they stay "not probed", which says why.
				if (theirs && zk.learn(theirs)) zkRead = {...zkRead, ...await zk.read()};
			}

			const refused = zkRead?.refused === undefined ? undefined
				: [zkRead.refused, view ? aclHint((await brokerSettings(view)).settings) : undefined].filter(Boolean).join('; ');
			const brokersOnly: BrokersOnly | undefined = noZookeeper ?? (refused === undefined ? undefined : {reason: refused, chosen: false});

			for (const registration of zkRead?.kafka?.registrations ?? []) {
				const address = endpointOf(registration, connection.security?.protocol);
				if (address) seen.set(registration.id, address);
			}

			for (const broker of view?.brokers ?? []) seen.set(broker.id, {host: broker.host, port: broker.port});
			const brokerProbes = kafka ? await probe(kafka, seen) : undefined;

			return {
				takenAt,
				connection: {
					zookeeper, bootstrap, ...describeSecurity(connection.security ?? plaintext),
					context: connection.context?.name, readOnly: connection.context?.readOnly,
				},
				zkServers: zkRead?.servers,
				zkMembers: zkRead?.members,
				zkKafka: zkRead?.kafka,
				kafka: view,
				brokerProbes,
				errors,
				...(brokersOnly ? {brokersOnly} : {}),
			};
		},
		zookeeperTrouble,
		load: () => counters.snapshot(),
		async close() {
			zk?.close();
			await kafka?.close();
		},
	};
}

async function probe(kafka: KafkaSource, seen: Map<number, {host: string; port: number}>): Promise<Map<number, BrokerProbe>> {
	const targets = [...seen].map(([id, address]) => ({id, ...address}));
	const results = await kafka.probeBrokers(targets);
	const probes = new Map<number, BrokerProbe>();
	for (const [id, result] of results) {
		const address = seen.get(id);
		probes.set(id, {reachable: result.reachable, ...(result.error === undefined ? {} : {error: result.error}), ...address});
	}

	return probes;
}

function bootstrapFrom(registrations: BrokerRegistration[], protocol: string | undefined): string[] {
	return registrations.flatMap(registration => {
		const address = endpointOf(registration, protocol);
		if (!address) return [];
		return [address.host.includes(':') ? `[${address.host}]:${address.port}` : `${address.host}:${address.port}`];
	});
}
