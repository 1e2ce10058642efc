import {parseConnectString, parseHostPort} from '../cluster/zookeeper/connect-string.js';
import type {Connection} from '../model/reach.js';
import {type Discovery, discoverConnection} from './discover.js';

export type ConnectionFlags = {zookeeper: string | undefined; bootstrap: string | undefined};

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
	let zookeeper = nonEmpty(flags.zookeeper) ?? nonEmpty(env['KTOP_ZOOKEEPER']);
	let bootstrapRaw = nonEmpty(flags.bootstrap) ?? nonEmpty(env['KTOP_BOOTSTRAP']);
	let origin: string | undefined;
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
		return origin === undefined ? {zookeeper, bootstrap} : {zookeeper, bootstrap, origin};
	} catch (error) {
		throw new ConfigError((error as Error).message);
	}
}

function nonEmpty(value: string | undefined): string | undefined {
	return value === undefined || value.trim() === '' ? undefined : value.trim();
}
