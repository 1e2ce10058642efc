import fs from 'node:fs';
import path from 'node:path';
import {parseProperties} from './properties.js';

/**
Zero-configuration on a broker host, ktop's home: find `server.properties` (and `zoo.cfg`)
where operators put them, and take `zookeeper.connect` and the broker's own listener from it.
*/

export type Discovery = {
	zookeeper: string | undefined;
	bootstrap: string[] | undefined;
	/** Files the values came from, to tell the operator. */
	usedFiles: string[];
	/** Every place looked at, for the error when nothing is found. */
	tried: string[];
	/** The security protocol of the broker listener chosen (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL), when one was. */
	listenerProtocol?: string;
};

type Options = {env?: NodeJS.ProcessEnv; root?: string};

function serverPropertiesCandidates(env: NodeJS.ProcessEnv, root: string): string[] {
	return unique([
		...(env['KAFKA_HOME'] ? [path.join(env['KAFKA_HOME'], 'config', 'server.properties')] : []),
		'/etc/kafka/server.properties',
		'/etc/kafka/conf/server.properties',
		...globDirs(root, '/opt', /^kafka/).map(dir => path.join(dir, 'config', 'server.properties')),
		...globDirs(root, '/usr/local', /^kafka/).map(dir => path.join(dir, 'config', 'server.properties')),
	]);
}

function zooCfgCandidates(env: NodeJS.ProcessEnv, root: string): string[] {
	return unique([
		...(env['ZOOKEEPER_HOME'] ? [path.join(env['ZOOKEEPER_HOME'], 'conf', 'zoo.cfg')] : []),
		'/etc/zookeeper/zoo.cfg',
		'/etc/zookeeper/conf/zoo.cfg',
		...globDirs(root, '/opt', /^(apache-)?zookeeper/).map(dir => path.join(dir, 'conf', 'zoo.cfg')),
		...globDirs(root, '/usr/local', /^(apache-)?zookeeper/).map(dir => path.join(dir, 'conf', 'zoo.cfg')),
		...(env['KAFKA_HOME'] ? [path.join(env['KAFKA_HOME'], 'config', 'zookeeper.properties')] : []),
		...globDirs(root, '/usr/local', /^kafka/).map(dir => path.join(dir, 'config', 'zookeeper.properties')),
		...globDirs(root, '/opt', /^kafka/).map(dir => path.join(dir, 'config', 'zookeeper.properties')),
	]);
}

/** Directories under `parent` whose names match, newest name last (kafka_2.13-3.9.1 after kafka_2.12-2.8.0). */
function globDirs(root: string, parent: string, pattern: RegExp): string[] {
	try {
		return fs.readdirSync(path.join(root, parent), {withFileTypes: true})
			.filter(entry => (entry.isDirectory() || entry.isSymbolicLink()) && pattern.test(entry.name))
			.map(entry => path.join(parent, entry.name))
			.sort();
	} catch {
		return [];
	}
}

function unique(paths: string[]): string[] {
	return [...new Set(paths)];
}

function readIfFile(root: string, file: string): string | undefined {
	try {
		return fs.readFileSync(path.join(root, file), 'utf8');
	} catch {
		return undefined;
	}
}

export function discoverConnection(options: Options = {}): Discovery {
	const env = options.env ?? process.env;
	const root = options.root ?? '/';
	const tried: string[] = [];
	const usedFiles: string[] = [];
	let zookeeper: string | undefined;
	let bootstrap: string[] | undefined;
	let listenerProtocol: string | undefined;

	for (const file of serverPropertiesCandidates(env, root)) {
		tried.push(file);
		const text = readIfFile(root, file);
		if (text === undefined) continue;
		const properties = parseProperties(text);
		zookeeper = properties.get('zookeeper.connect') || undefined;
		const listener = brokerListenerFrom(properties);
		bootstrap = listener ? [listener.address] : undefined;
		listenerProtocol = listener?.protocol;
		if (zookeeper || bootstrap) {
			usedFiles.push(file);
			break;
		}
	}

	if (!zookeeper) {
		for (const file of zooCfgCandidates(env, root)) {
			tried.push(file);
			const text = readIfFile(root, file);
			if (text === undefined) continue;
			zookeeper = connectStringFromZooCfg(parseProperties(text));
			if (zookeeper) {
				usedFiles.push(file);
				break;
			}
		}
	}

	return {zookeeper, bootstrap, usedFiles, tried, ...(listenerProtocol === undefined ? {} : {listenerProtocol})};
}

/**
Client properties an operator keeps on a broker host for Kafka's scripts, for a listener that is
secured: the file named in KTOP_COMMAND_CONFIG, then Kafka's usual places. The first that exists,
and every place looked at.
*/
export function findClientProperties(options: Options = {}): {file: string | undefined; tried: string[]} {
	const env = options.env ?? process.env;
	const root = options.root ?? '/';
	const candidates = unique([
		...(env['KTOP_COMMAND_CONFIG'] ? [env['KTOP_COMMAND_CONFIG']] : []),
		...(env['KAFKA_HOME'] ? [path.join(env['KAFKA_HOME'], 'config', 'client.properties')] : []),
		'/etc/kafka/client.properties',
	]);
	const tried: string[] = [];
	for (const file of candidates) {
		tried.push(file);
		if (readIfFile(root, file) !== undefined) return {file: path.join(root, file), tried};
	}

	return {file: undefined, tried};
}

/**
The broker's own address: advertised.listeners (what clients are told) before listeners,
a PLAINTEXT listener first, and a wildcard or empty host replaced by the loopback address,
since ktop runs on that very broker.
*/
export function brokerAddressFrom(properties: Map<string, string>): string[] | undefined {
	const listener = brokerListenerFrom(properties);
	return listener ? [listener.address] : undefined;
}

/** The listener brokerAddressFrom picks, with its security protocol (per listener.security.protocol.map). */
export function brokerListenerFrom(properties: Map<string, string>): {address: string; protocol: string} | undefined {
	const protocolMap = parseProtocolMap(properties.get('listener.security.protocol.map'));
	for (const key of ['advertised.listeners', 'listeners']) {
		const raw = properties.get(key);
		if (!raw) continue;
		const listeners = raw.split(',').map(entry => entry.trim()).flatMap(entry => {
			const match = /^([A-Za-z0-9_]+):\/\/(\[[^\]]*\]|[^:]*):(\d+)$/.exec(entry);
			return match ? [{name: match[1]!.toUpperCase(), host: match[2]!, port: match[3]!}] : [];
		});
		const plaintext = listeners.find(listener => (protocolMap.get(listener.name) ?? listener.name) === 'PLAINTEXT');
		const chosen = plaintext ?? listeners[0];
		if (!chosen) continue;
		const wildcard = chosen.host === '' || chosen.host === '0.0.0.0' || chosen.host === '[::]';
		return {address: `${wildcard ? '127.0.0.1' : chosen.host}:${chosen.port}`, protocol: protocolMap.get(chosen.name) ?? chosen.name};
	}

	return undefined;
}

function parseProtocolMap(raw: string | undefined): Map<string, string> {
	const map = new Map<string, string>();
	for (const pair of (raw ?? '').split(',')) {
		const [name, protocol] = pair.split(':').map(part => part.trim().toUpperCase());
		if (name && protocol) map.set(name, protocol);
	}

	return map;
}

/** `server.N=host:2888:3888[;clientHost:]clientPort` lines plus `clientPort` make the connect string. */
export function connectStringFromZooCfg(properties: Map<string, string>): string | undefined {
	const clientPort = properties.get('clientPort');
	const servers: string[] = [];
	for (const [key, value] of properties) {
		if (!/^server\.\d+$/.test(key)) continue;
		const [quorum = '', client] = value.split(';');
		const host = quorum.split(':')[0];
		if (!host) continue;
		if (client) {
			const colon = client.lastIndexOf(':');
			const clientHost = colon === -1 ? host : client.slice(0, colon);
			const port = colon === -1 ? client : client.slice(colon + 1);
			servers.push(`${clientHost === '0.0.0.0' || clientHost === '' ? host : clientHost}:${port}`);
		} else if (clientPort) {
			servers.push(`${host}:${clientPort}`);
		}
	}

	if (servers.length === 0 && clientPort) return `127.0.0.1:${clientPort}`;
	return servers.length > 0 ? servers.join(',') : undefined;
}
