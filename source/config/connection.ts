import {parseConnectString, parseHostPort} from '../cluster/zookeeper/connect-string.js';
import type {Connection} from '../model/reach.js';
import {type ClientProperties, permissionWarning, readClientProperties, securityFromProperties} from './client-properties.js';
import {type Discovery, discoverConnection, findClientProperties} from './discover.js';
import {parseZookeeperAuth} from './zookeeper-auth.js';

export type ConnectionFlags = {
	zookeeper: string | undefined;
	bootstrap: string | undefined;
	/** --command-config: a Kafka client properties file (env KTOP_COMMAND_CONFIG). */
	commandConfig?: string | undefined;
	/** -X key=value, repeatable: client properties set or overriding the file's. */
	property?: string[] | undefined;
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
	warn: (line: string) => void = line => process.stderr.write(`ktop: ${line}\n`),
	findProperties: () => {file: string | undefined; tried: string[]} = () => findClientProperties({env}),
): Connection {
	if (flags.brokersOnly && nonEmpty(flags.zookeeper) !== undefined) {
		throw new ConfigError('--brokers-only and --zookeeper exclude each other: --brokers-only never reads ZooKeeper');
	}

	const zookeeperAuth = zookeeperAuthOf(flags, env);
	let zookeeper = flags.brokersOnly ? undefined : nonEmpty(flags.zookeeper) ?? nonEmpty(env['KTOP_ZOOKEEPER']);
	let bootstrapRaw = nonEmpty(flags.bootstrap) ?? nonEmpty(env['KTOP_BOOTSTRAP']);
	let origin: string | undefined;
	let client = clientSecurity(nonEmpty(flags.commandConfig) ?? nonEmpty(env['KTOP_COMMAND_CONFIG']), flags.property ?? [], warn);
	if (zookeeper === undefined && bootstrapRaw === undefined && client?.bootstrap) bootstrapRaw = client.bootstrap.join(',');
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
		// The broker host's listener is secured and no client properties were given: the operator's own files for Kafka's scripts.
		if (found.bootstrap && found.listenerProtocol && found.listenerProtocol !== 'PLAINTEXT' && client === undefined) {
			const properties = findProperties();
			if (properties.file === undefined) {
				throw new ConfigError([
					`the broker listener ${found.bootstrap.join(',')} (${found.usedFiles.join(' and ')}) needs security.protocol=${found.listenerProtocol}, and no client properties were given.`,
					'  Pass --command-config <file> (the file kafka-topics.sh --command-config takes) or -X key=value, or set KTOP_COMMAND_CONFIG.',
					`  Looked for client properties in:\n${properties.tried.map(file => `    ${file}`).join('\n')}`,
				].join('\n'));
			}

			client = clientSecurity(properties.file, flags.property ?? [], warn);
			origin += `, listener ${found.listenerProtocol} with ${properties.file}`;
		}
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
			...(client === undefined ? {} : {security: client.security}),
			...(zookeeperAuth.length > 0 && !flags.brokersOnly ? {zookeeperAuth} : {}),
			...(flags.brokersOnly ? {brokersOnly: true} : {}),
		};
	} catch (error) {
		throw new ConfigError((error as Error).message);
	}
}

/** The client properties of --command-config (or KTOP_COMMAND_CONFIG) and -X, or undefined when neither is given. */
function clientSecurity(file: string | undefined, overrides: string[], warn: (line: string) => void): ClientProperties | undefined {
	if (file === undefined && overrides.length === 0) return undefined;
	const properties = file === undefined ? new Map<string, string>() : readClientProperties(file);
	if (file !== undefined) {
		const warning = permissionWarning(file, properties);
		if (warning) warn(warning);
	}

	for (const override of overrides) {
		const equals = override.indexOf('=');
		if (equals <= 0) throw new ConfigError(`-X ${override.split('=')[0]}: expected -X key=value (a Kafka client property, e.g. -X security.protocol=SASL_SSL)`);
		properties.set(override.slice(0, equals).trim(), override.slice(equals + 1).trim());
	}

	const origin = file === undefined ? '-X' : overrides.length > 0 ? `${file} with -X` : file;
	const result = securityFromProperties(properties, origin);
	for (const warning of result.warnings) warn(warning);
	return result;
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
