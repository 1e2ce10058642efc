import {parseHostPort} from '../cluster/zookeeper/connect-string.js';
import {ConfigError} from './connection.js';

/**
`--zk-admin 127.0.0.1:2183=8183[,host:2181=8080…]`: which ZooKeeper servers have an AdminServer,
and on which port. The admin port cannot be derived from the client port, so it is stated.
*/
export function parseAdminPorts(raw: string | undefined): Record<string, number> | undefined {
	if (raw === undefined || raw.trim() === '') return undefined;
	const ports: Record<string, number> = {};
	for (const entry of raw.split(',')) {
		const match = /^(.+)=(\d+)$/.exec(entry.trim());
		if (!match) throw new ConfigError(`--zk-admin "${entry}": expected host:clientPort=adminPort, e.g. 127.0.0.1:2183=8183`);
		let server;
		try {
			server = parseHostPort(match[1]!, 2181, 'ZooKeeper server');
		} catch (error) {
			throw new ConfigError(`--zk-admin: ${(error as Error).message}`);
		}

		const port = Number(match[2]);
		if (port < 1 || port > 65_535) throw new ConfigError(`--zk-admin "${entry}": port ${port} is out of range 1-65535`);
		ports[`${server.host}:${server.port}`] = port;
	}

	return ports;
}
