import type {HostPort} from '../types.js';

export type ParsedConnectString = {servers: HostPort[]; chroot: string | undefined};

/**
Splits a ZooKeeper connect string, `host1:2181,host2:2181/chroot`, into servers and chroot.
The chroot follows the last server, as ZooKeeper's client reads it.
*/
export function parseConnectString(connect: string): ParsedConnectString {
	const trimmed = connect.trim();
	if (trimmed === '') throw new Error('the ZooKeeper connect string is empty; expected host:port[,host:port…][/chroot]');
	const slash = trimmed.indexOf('/');
	const hostPart = slash === -1 ? trimmed : trimmed.slice(0, slash);
	const chroot = slash === -1 ? undefined : trimmed.slice(slash).replace(/\/+$/, '') || undefined;
	const servers = hostPart.split(',').map(entry => parseHostPort(entry.trim(), 2181, 'ZooKeeper server'));
	return {servers, chroot};
}

export function parseHostPort(entry: string, defaultPort: number, what: string): HostPort {
	const match = /^(\[[^\]]+\]|[^:\s]+)(?::(\d+))?$/.exec(entry);
	if (!match) throw new Error(`"${entry}" is not a valid ${what} address; expected host:port`);
	const port = match[2] === undefined ? defaultPort : Number(match[2]);
	if (port < 1 || port > 65_535) throw new Error(`"${entry}": port ${port} is out of range 1-65535`);
	return {host: match[1]!.replace(/^\[|\]$/g, ''), port};
}
