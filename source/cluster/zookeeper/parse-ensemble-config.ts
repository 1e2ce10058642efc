import type {HostPort, ZkEnsembleMember} from '../types.js';

export type EnsembleMember = ZkEnsembleMember;

/**
Parses `/zookeeper/config`, ZooKeeper's dynamic configuration:
  server.1=zk1:2888:3888:participant;0.0.0.0:2181
  server.4=zk4:2888:3888:observer;zk4:2181
  version=100000000
A wildcard client address (0.0.0.0) is replaced by the server's quorum host, which is
where a client on another machine would reach it.
*/
export function parseEnsembleConfig(text: string): EnsembleMember[] {
	const members: EnsembleMember[] = [];
	for (const line of text.split('\n')) {
		const match = /^server\.(\d+)=([^;]*)(?:;(.*))?$/.exec(line.trim());
		if (!match) continue;
		const [, id, quorumPart = '', clientPart] = match;
		// The host may be a bracketed IPv6 address, so it is split off before the port fields.
		const hostMatch = /^(\[[^\]]*\]|[^:]*)(.*)$/.exec(quorumPart)!;
		const quorumHost = unbracket(hostMatch[1]!);
		const role = hostMatch[2]!.split(':').includes('observer') ? 'observer' : 'participant';
		members.push({id: Number(id), role, quorumHost, client: parseClient(clientPart, quorumHost)});
	}

	return members.sort((a, b) => a.id - b.id);
}

function parseClient(clientPart: string | undefined, quorumHost: string): HostPort | undefined {
	if (!clientPart) return undefined;
	const colon = clientPart.lastIndexOf(':');
	const host = colon === -1 ? quorumHost : unbracket(clientPart.slice(0, colon));
	const port = Number(colon === -1 ? clientPart : clientPart.slice(colon + 1));
	if (!Number.isInteger(port) || port < 1 || port > 65_535) return undefined;
	const wildcard = host === '' || host === '0.0.0.0' || host === '::';
	return {host: wildcard ? quorumHost : host, port};
}

function unbracket(host: string): string {
	return host.replace(/^\[(.*)\]$/, '$1');
}
