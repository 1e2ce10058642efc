import {parseConnectString, parseHostPort} from '../cluster/zookeeper/connect-string.js';
import type {Connection} from '../model/reach.js';

export type ConnectionFlags = {zookeeper: string | undefined; bootstrap: string | undefined};

export class ConfigError extends Error {}

/**
Where the connection comes from: flags first, then KTOP_ZOOKEEPER / KTOP_BOOTSTRAP.
Addresses are validated here so a typo is reported before any connection is tried.
*/
export function resolveConnection(flags: ConnectionFlags, env: NodeJS.ProcessEnv = process.env): Connection {
	const zookeeper = nonEmpty(flags.zookeeper) ?? nonEmpty(env['KTOP_ZOOKEEPER']);
	const bootstrapRaw = nonEmpty(flags.bootstrap) ?? nonEmpty(env['KTOP_BOOTSTRAP']);
	if (zookeeper === undefined && bootstrapRaw === undefined) {
		throw new ConfigError([
			'no cluster to connect to.',
			'  Pass --zookeeper host:2181[,host:2181…][/chroot] and/or --bootstrap host:9092[,…],',
			'  or set KTOP_ZOOKEEPER / KTOP_BOOTSTRAP.',
			'  The local demo cluster (npm run cluster -- up) is at -z 127.0.0.1:2181,127.0.0.1:2182,127.0.0.1:2183',
		].join('\n'));
	}

	try {
		if (zookeeper !== undefined) parseConnectString(zookeeper);
		const bootstrap = bootstrapRaw?.split(',').map(entry => {
			const {host, port} = parseHostPort(entry.trim(), 9092, 'broker');
			return `${host.includes(':') ? `[${host}]` : host}:${port}`;
		});
		return {zookeeper, bootstrap};
	} catch (error) {
		throw new ConfigError((error as Error).message);
	}
}

function nonEmpty(value: string | undefined): string | undefined {
	return value === undefined || value.trim() === '' ? undefined : value.trim();
}
