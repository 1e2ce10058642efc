import type {LoadCounters} from '../load-counters.js';
import type {HostPort, ZkMonitorStats, ZkServer, ZkServerProbe} from '../types.js';
import {fetchAdminCommand} from './admin-server.js';
import {parseConnectString} from './connect-string.js';
import {sendFourLetterWord, type FourLetterReply} from './four-letter-word.js';
import {parseAdminJson, parseAdminMntr, parseAdminSrvr} from './parse-admin-server.js';
import {parseEnsembleConfig} from './parse-ensemble-config.js';
import {parseMntr} from './parse-mntr.js';
import {probeFromReply, probeFromSrvr} from './probe-server.js';

export type ProbeOptions = {
	/** Limit for each four-letter word and each AdminServer request; default 2000 ms. */
	timeoutMs?: number;
	/** AdminServer port per server, keyed by the server's client address `host:clientPort`. */
	adminPorts?: Record<string, number>;
	/** AdminServer port to try on servers missing from adminPorts (ZooKeeper's default is 8080); none unless given. */
	defaultAdminPort?: number;
	/** Counts each word and AdminServer command sent, as 'zookeeper host:port'. */
	counters?: LoadCounters;
};

/** A server to probe: where to reach it and what the ensemble config says of it. */
export type EnsembleTarget = HostPort & Pick<ZkServer, 'address' | 'id' | 'role' | 'inConnectString'>;

/**
Probes every server of the ensemble at once: the connect string's servers and the members
of /zookeeper/config (`ensembleConfigText`, undefined when no session could read it).
Each reports `srvr`, `mntr` where the whitelist allows it, and the AdminServer's replies
where the whitelist refuses a word and an admin port is known. Never throws; each request has
a time limit, so a hung server comes back as unreachable instead of holding up the others.
*/
export async function probeEnsemble(connect: string, ensembleConfigText: string | undefined, options: ProbeOptions = {}): Promise<ZkServer[]> {
	return probeTargets(ensembleTargets(connect, ensembleConfigText), options);
}

/**
The connect string's servers in their order, then members only the config names, sorted by id,
then `learned` servers (another client's connect string, such as the brokers' zookeeper.connect).
A member without a client address in the config (a pre-3.5 line) cannot be probed and is left out:
the caller counts it from the config instead.
*/
export function ensembleTargets(connect: string, ensembleConfigText: string | undefined, learned: readonly HostPort[] = []): EnsembleTarget[] {
	const members = parseEnsembleConfig(ensembleConfigText ?? '');
	const byAddress = new Map(members.flatMap(member => (member.client ? [[formatAddress(member.client), member] as const] : [])));
	const targets: EnsembleTarget[] = parseConnectString(connect).servers.map(server => {
		const member = byAddress.get(formatAddress(server));
		return {...server, address: formatAddress(server), id: member?.id, role: member?.role, inConnectString: true};
	});
	const known = new Set(targets.map(target => target.address));
	for (const server of learned) {
		if (known.has(formatAddress(server))) continue;
		known.add(formatAddress(server));
		const member = byAddress.get(formatAddress(server));
		targets.push({...server, address: formatAddress(server), id: member?.id, role: member?.role, inConnectString: false});
	}

	for (const member of members) {
		if (!member.client || known.has(formatAddress(member.client))) continue;
		known.add(formatAddress(member.client));
		targets.push({...member.client, address: formatAddress(member.client), id: member.id, role: member.role, inConnectString: false});
	}

	return targets;
}

export async function probeTargets(targets: EnsembleTarget[], options: ProbeOptions = {}): Promise<ZkServer[]> {
	return Promise.all(targets.map(async target => probeTarget(target, options)));
}

/** `host:port`, with an IPv6 host in brackets. */
export function formatAddress(server: HostPort): string {
	return server.host.includes(':') ? `[${server.host}]:${server.port}` : `${server.host}:${server.port}`;
}

async function probeTarget(target: EnsembleTarget, options: ProbeOptions): Promise<ZkServer> {
	const timeoutMs = options.timeoutMs ?? 2000;
	const hostPort = {host: target.host, port: target.port};
	const adminPort = options.adminPorts?.[target.address] ?? options.adminPorts?.[`${target.host}:${target.port}`] ?? options.defaultAdminPort;

	const counted = `zookeeper ${target.address}`;
	options.counters?.count(counted, '4lw srvr');
	options.counters?.count(counted, '4lw mntr');
	// Both words at once: a hung server then costs one time limit, not two.
	const [srvrReply, mntrReply] = await Promise.all([
		sendFourLetterWord(target.host, target.port, 'srvr', timeoutMs),
		sendFourLetterWord(target.host, target.port, 'mntr', timeoutMs),
	]);

	const limits: string[] = [];
	let probe = probeFromReply(hostPort, srvrReply);
	const monitor = monitorFrom4lw(probe, mntrReply, limits);
	const needSrvr = probe.state === 'srvr-refused';
	const needMntr = monitor === undefined && limits.includes('mntr not whitelisted');
	if (needSrvr) limits.unshift('srvr not whitelisted');

	const server = (probe: ZkServerProbe, monitor: ZkMonitorStats | undefined, monitorSource: ZkServer['monitorSource']): ZkServer => ({
		...target, probe, monitor, monitorSource, limits,
	});
	if (adminPort === undefined || (!needSrvr && !needMntr)) return server(probe, monitor, monitor ? '4lw' : undefined);

	if (needSrvr) options.counters?.count(counted, 'admin srvr');
	if (needMntr) options.counters?.count(counted, 'admin mntr');
	const [adminSrvr, adminMntr] = await Promise.all([
		needSrvr ? fetchAdminCommand(target.host, adminPort, 'srvr', timeoutMs) : undefined,
		needMntr ? fetchAdminCommand(target.host, adminPort, 'mntr', timeoutMs) : undefined,
	]);
	const unreachable = [adminSrvr, adminMntr].find(reply => reply && !reply.ok);
	if (unreachable && !unreachable.ok) limits.push(`AdminServer unreachable: ${unreachable.error}`);

	if (adminSrvr?.ok) {
		const parsed = parseAdminSrvr(adminSrvr.text);
		if (parsed.kind === 'unparsable') limits.push(adminProblem('srvr', adminSrvr.text));
		else probe = probeFromSrvr(hostPort, parsed);
	}

	if (adminMntr?.ok) {
		const parsed = parseAdminMntr(adminMntr.text);
		if (parsed.kind === 'stats') return server(probe, parsed.stats, 'admin-server');
		if (parsed.kind === 'unparsable') limits.push(adminProblem('mntr', adminMntr.text));
	}

	return server(probe, monitor, monitor ? '4lw' : undefined);
}

/** What was wrong with an AdminServer reply that did not parse: its own error when it gave one. */
function adminProblem(command: string, text: string): string {
	const json = parseAdminJson(text);
	return json.ok ? `AdminServer ${command} reply unparsable` : `AdminServer refused ${command}: ${json.error}`;
}

/** mntr's stats, or the reason there are none pushed onto `limits` (nothing for a server that is down). */
function monitorFrom4lw(probe: ZkServerProbe, reply: FourLetterReply, limits: string[]): ZkMonitorStats | undefined {
	if (probe.state === 'unreachable' || probe.state === 'not-serving') return undefined;
	if (!reply.ok) {
		limits.push(`mntr failed: ${reply.error}`);
		return undefined;
	}

	const parsed = parseMntr(reply.text);
	switch (parsed.kind) {
		case 'stats': return parsed.stats;
		case 'not-whitelisted': {
			limits.push('mntr not whitelisted');
			return undefined;
		}

		case 'unparsable': {
			limits.push('mntr reply unparsable');
			return undefined;
		}

		case 'not-serving': return undefined;
	}
}
