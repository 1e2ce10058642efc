import {readBrokerView, type BrokerView} from '../cluster/kafka/admin-client.js';
import type {KafkaSecurity} from '../cluster/kafka/client-security.js';
import type {BrokerRegistration, HostPort, ZkServerProbe, ZookeeperAuth} from '../cluster/types.js';
import {parseConnectString} from '../cluster/zookeeper/connect-string.js';
import {parseEnsembleConfig} from '../cluster/zookeeper/parse-ensemble-config.js';
import {readBrokerRegistrations, readClusterId, readControllerId} from '../cluster/zookeeper/kafka-znodes.js';
import {probeZkServer} from '../cluster/zookeeper/probe-server.js';
import {openZkSession} from '../cluster/zookeeper/session.js';
import {refusalOf} from '../cluster/zookeeper/zookeeper-refusal.js';

export type Connection = {
	zookeeper: string | undefined;
	bootstrap: string[] | undefined;
	/** Where the addresses came from when not given explicitly ("found in /etc/kafka/server.properties"). */
	origin?: string;
	/** TLS and SASL for the brokers (absent: PLAINTEXT). */
	security?: KafkaSecurity;
	/** ZooKeeper auth sent on every session (addAuthInfo), e.g. {scheme: 'digest', auth: 'user:password'}. */
	zookeeperAuth?: ZookeeperAuth[];
	/**
	--brokers-only: ZooKeeper is neither given nor looked for (AWS MSK with ZooKeeper access off,
	a ZooKeeper ktop cannot speak to): everything comes from the brokers, and what needs ZooKeeper is
	listed as not judged.
	*/
	brokersOnly?: boolean;
	/** The named context this came from (config file), shown in the header; a read-only context is never written to. */
	context?: {name: string; readOnly: boolean};
};

/**
What ktop reached: each ZooKeeper server's state, Kafka's registrations in ZooKeeper, and
the brokers' own metadata. A source that fails leaves its error in place of its data,
so one dead part never hides what the others say.
*/
export type ClusterReach = {
	takenAt: number;
	zookeeper: undefined | {
		connect: string;
		servers: ZkServerProbe[];
		clusterId: string | undefined;
		controllerId: number | undefined;
		registrations: BrokerRegistration[];
		error: string | undefined;
	};
	kafka: {
		bootstrap: string[];
		view: BrokerView | undefined;
		error: string | undefined;
	};
};

export async function reachCluster(connection: Connection): Promise<ClusterReach> {
	const zookeeper = connection.zookeeper === undefined ? undefined : await reachZookeeper(connection.zookeeper, connection.zookeeperAuth ?? []);
	const bootstrap = connection.bootstrap ?? bootstrapFromRegistrations(zookeeper?.registrations ?? []);
	let view: BrokerView | undefined;
	let error: string | undefined;
	if (bootstrap.length === 0) {
		error = zookeeper?.error ? 'no brokers known: ZooKeeper could not be read' : 'no brokers registered in /brokers/ids';
	} else {
		try {
			view = await readBrokerView(bootstrap, {security: connection.security});
		} catch (failure) {
			error = (failure as Error).message;
		}
	}

	return {takenAt: Date.now(), zookeeper, kafka: {bootstrap, view, error}};
}

async function reachZookeeper(connect: string, auth: readonly ZookeeperAuth[]): Promise<NonNullable<ClusterReach['zookeeper']>> {
	const {servers} = parseConnectString(connect);
	let members: HostPort[] = [];
	const result = {
		connect, servers: [] as ZkServerProbe[], clusterId: undefined as string | undefined,
		controllerId: undefined as number | undefined, registrations: [] as BrokerRegistration[], error: undefined as string | undefined,
	};
	try {
		const session = await openZkSession(connect, 5000, undefined, auth);
		try {
			let config: string;
			[result.clusterId, result.controllerId, result.registrations, config] = await Promise.all([
				readClusterId(session), readControllerId(session), readBrokerRegistrations(session),
				session.getConfig().catch(() => ''),
			]);
			members = parseEnsembleConfig(config).flatMap(member => (member.client ? [member.client] : []));
		} finally {
			session.close();
		}
	} catch (error) {
		result.error = refusalOf(error, connect, auth) ?? (error as Error).message;
	}

	// Members missing from the connect string are still shown: an operator wants the whole ensemble.
	const known = new Set(servers.map(key));
	const all = [...servers, ...members.filter(member => !known.has(key(member)))];
	result.servers = await Promise.all(all.map(async server => probeZkServer(server)));
	return result;
}

function key(server: HostPort): string {
	return `${server.host}:${server.port}`;
}

/** Prefers a PLAINTEXT endpoint; a broker host's own listener is what an operator would use. */
function bootstrapFromRegistrations(registrations: BrokerRegistration[]): string[] {
	return registrations.flatMap(registration => {
		const endpoint = registration.endpoints.find(e => e.startsWith('PLAINTEXT://')) ?? registration.endpoints[0];
		return endpoint ? [endpoint.replace(/^[A-Z_]+:\/\//, '')] : [];
	});
}
