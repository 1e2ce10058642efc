import {parseConnectString} from '../cluster/zookeeper/connect-string.js';
import type {Connection} from '../model/reach.js';
import {brokerList, nonEmpty} from './broker-list.js';
import {type ClientProperties, permissionWarning, propertyOverrides, readClientProperties, securityFromProperties} from './client-properties.js';
import {ConfigError} from './config-error.js';
import {contextConnection, type ContextFlags, type ContextTarget, pickContext} from './context-connection.js';
import {type ContextsFile, loadContexts} from './contexts-file.js';
import {type Discovery, discoverConnection, findClientProperties} from './discover.js';
import {parseZookeeperAuth} from './zookeeper-auth.js';

export type ConnectionFlags = {
	zookeeper: string | undefined;
	bootstrap: string | undefined;
	/** --zk-auth, each `scheme:auth`; else KTOP_ZK_AUTH. */
	zkAuth?: readonly string[] | undefined;
	/** --brokers-only: never look for ZooKeeper. */
	brokersOnly?: boolean | undefined;
} & Partial<ContextFlags>;

export {ConfigError} from './config-error.js';

type Warn = (line: string) => void;
type FindProperties = () => {file: string | undefined; tried: string[]};
const warnOnStderr: Warn = line => process.stderr.write(`ktop: ${line}\n`);

/**
Where the connection comes from: flags first, then a context named by --context, then
KTOP_ZOOKEEPER / KTOP_BOOTSTRAP, then the config file's current-context, then the broker host's
own configuration files. Addresses are validated here so a typo is reported before any
connection is tried.
*/
export function resolveConnection(
	flags: ConnectionFlags,
	env: NodeJS.ProcessEnv = process.env,
	discover: () => Discovery = () => discoverConnection({env}),
	warn: Warn = warnOnStderr,
	findProperties: FindProperties = () => findClientProperties({env}),
	contexts: () => ContextsFile | undefined = () => loadContexts(env),
): Connection {
	return resolveTarget(flags, env, discover, contexts, warn, findProperties).connection;
}

/** resolveConnection, with what a context adds besides the connection (its interval, the file's warnings). */
export function resolveTarget(
	flags: ConnectionFlags,
	env: NodeJS.ProcessEnv = process.env,
	discover: () => Discovery = () => discoverConnection({env}),
	contexts: () => ContextsFile | undefined = () => loadContexts(env),
	warn: Warn = warnOnStderr,
	findProperties: FindProperties = () => findClientProperties({env}),
): ContextTarget {
	if (flags.brokersOnly && nonEmpty(flags.zookeeper) !== undefined) {
		throw new ConfigError('--brokers-only and --zookeeper exclude each other: --brokers-only never reads ZooKeeper');
	}

	const context = pickContext(flags, env, contexts);
	if (!context) return {connection: resolveAddresses(flags, env, discover, warn, findProperties), interval: undefined, warnings: []};
	const target = contextConnection(context.file, context.settings, flags, context.implicit);
	// --zk-auth (or KTOP_ZK_AUTH) replaces the context's ZooKeeper auth; --brokers-only drops its ZooKeeper.
	const zookeeperAuth = zookeeperAuthOf(flags, env);
	if (zookeeperAuth.length > 0) target.connection.zookeeperAuth = zookeeperAuth;
	if (flags.brokersOnly) {
		if (target.connection.bootstrap === undefined) throw new ConfigError(`--brokers-only needs the brokers: context "${context.settings.name}" names none; pass --bootstrap host:9092[,…]`);
		target.connection = {...target.connection, zookeeper: undefined, zookeeperAuth: undefined, brokersOnly: true};
	}

	return target;
}

function resolveAddresses(flags: ConnectionFlags, env: NodeJS.ProcessEnv, discover: () => Discovery, warn: Warn, findProperties: FindProperties): Connection {
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
				'  or set KTOP_ZOOKEEPER / KTOP_BOOTSTRAP, or name a context (--context, ktop contexts).',
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
		const bootstrap = bootstrapRaw === undefined ? undefined : brokerList(bootstrapRaw);
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
function clientSecurity(file: string | undefined, overrides: readonly string[], warn: Warn): ClientProperties | undefined {
	if (file === undefined && overrides.length === 0) return undefined;
	const properties = file === undefined ? new Map<string, string>() : readClientProperties(file);
	if (file !== undefined) {
		const warning = permissionWarning(file, properties);
		if (warning) warn(warning);
	}

	for (const [key, value] of propertyOverrides(overrides)) properties.set(key, value);
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
