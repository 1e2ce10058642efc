import {parseConnectString, parseHostPort} from '../cluster/zookeeper/connect-string.js';
import type {Connection} from '../model/reach.js';
import {type Discovery, discoverConnection} from './discover.js';
import {parseZookeeperAuth} from './zookeeper-auth.js';

export type ConnectionFlags = {
	zookeeper: string | undefined;
	bootstrap: string | undefined;
	/** --zk-auth, each `scheme:auth`; else KTOP_ZK_AUTH. */
	zkAuth?: readonly string[] | undefined;
	/** --brokers-only: never look for ZooKeeper. */
	brokersOnly?: boolean | undefined;
};

export class ConfigError extends Error {}

/**
Where the connection comes from: flags first, then KTOP_ZOOKEEPER / KTOP_BOOTSTRAP, then the
broker host's own configuration files. Addresses are validated here so a typo is reported
before any connection is tried.
*/
export function resolveConnection(
	flags: ConnectionFlags,
	env: NodeJS.ProcessEnv = process.env,
	discover: () => Discovery = () => discoverConnection({env}),
): Connection {
	if (flags.brokersOnly && nonEmpty(flags.zookeeper) !== undefined) {
		throw new ConfigError('--brokers-only and --zookeeper exclude each other: --brokers-only never reads ZooKeeper');
	}

	const zookeeperAuth = zookeeperAuthOf(flags, env);
	let zookeeper = flags.brokersOnly ? undefined : nonEmpty(flags.zookeeper) ?? nonEmpty(env['KTOP_ZOOKEEPER']);
	let bootstrapRaw = nonEmpty(flags.bootstrap) ?? nonEmpty(env['KTOP_BOOTSTRAP']);
	let origin: string | undefined;
	if (flags.brokersOnly && bootstrapRaw === undefined) {
		const found = discover();
		bootstrapRaw = found.bootstrap?.join(',');
		if (bootstrapRaw === undefined) throw new ConfigError('--brokers-only needs the brokers: pass --bootstrap host:9092[,…] or set KTOP_BOOTSTRAP');
		origin = `found in ${found.usedFiles.join(' and ')}`;
	}

	if (zookeeper === undefined && bootstrapRaw === undefined) {
		const found = discover();
		if (!found.zookeeper && !found.bootstrap) {
			throw new ConfigError([
				'no cluster to connect to.',
				'  Pass --zookeeper host:2181[,host:2181…][/chroot] and/or --bootstrap host:9092[,…],',
				'  or set KTOP_ZOOKEEPER / KTOP_BOOTSTRAP.',
				`  No Kafka or ZooKeeper configuration was found either; looked for:\n${found.tried.map(file => `    ${file}`).join('\n')}`,
				'  The local demo cluster (npm run cluster -- up) is at -z 127.0.0.1:2181,127.0.0.1:2182,127.0.0.1:2183',
			].join('\n'));
		}

		zookeeper = found.zookeeper;
		bootstrapRaw = found.bootstrap?.join(',');
		origin = `found in ${found.usedFiles.join(' and ')}`;
	}

	try {
		if (zookeeper !== undefined) parseConnectString(zookeeper);
		const bootstrap = bootstrapRaw?.split(',').map(entry => {
			const {host, port} = parseHostPort(entry.trim(), 9092, 'broker');
			return `${host.includes(':') ? `[${host}]` : host}:${port}`;
		});
		return {
			zookeeper, bootstrap,
			...(origin === undefined ? {} : {origin}),
			...(zookeeperAuth.length > 0 && !flags.brokersOnly ? {zookeeperAuth} : {}),
			...(flags.brokersOnly ? {brokersOnly: true} : {}),
		};
	} catch (error) {
		throw new ConfigError((error as Error).message);
	}
}

/** The flags' auth, else the environment's: one `scheme:auth` in KTOP_ZK_AUTH. */
function zookeeperAuthOf(flags: ConnectionFlags, env: NodeJS.ProcessEnv) {
	const given = (flags.zkAuth ?? []).filter(value => value.trim() !== '');
	if (given.length > 0) return parseZookeeperAuth(given, '--zk-auth');
	const fromEnv = nonEmpty(env['KTOP_ZK_AUTH']);
	return fromEnv === undefined ? [] : parseZookeeperAuth([fromEnv], 'KTOP_ZK_AUTH');
}

function nonEmpty(value: string | undefined): string | undefined {
	return value === undefined || value.trim() === '' ? undefined : value.trim();
}
