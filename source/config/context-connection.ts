import {parseConnectString} from '../cluster/zookeeper/connect-string.js';
import type {Connection} from '../model/reach.js';
import {brokerList, nonEmpty} from './broker-list.js';
import {permissionWarning, propertyOverrides, readClientProperties, securityFromProperties} from './client-properties.js';
import {ConfigError} from './config-error.js';
import {type ContextSettings, type ContextsFile, contextsFilePath, findContext, loadContexts} from './contexts-file.js';

/** The flags that choose or override a context, besides -z and -b. */
export type ContextFlags = {
	context: string | undefined;
	/** --command-config: a Kafka client properties file; replaces the context's (its file and inline properties). */
	commandConfig: string | undefined;
	/** -X key=value, repeatable (kafka-security's flag, same name and shape): overrides any client property, the context's included. */
	property: readonly string[] | undefined;
};

export type ContextTarget = {
	connection: Connection;
	/** The context's refresh interval in seconds, when it sets one (--interval wins). */
	interval: number | undefined;
	/** For stderr: a config or properties file others can read that holds secrets. Never a secret. */
	warnings: string[];
};

type Flags = {zookeeper: string | undefined; bootstrap: string | undefined} & Partial<ContextFlags>;

/**
The context to use: the one --context names (the config file must have it), else the file's
current-context, but only when nothing else says where the cluster is (-z, -b, KTOP_ZOOKEEPER,
KTOP_BOOTSTRAP, --command-config, KTOP_COMMAND_CONFIG, -X), and before the broker host's own files
are looked at.
*/
export function pickContext(
	flags: Flags,
	env: NodeJS.ProcessEnv,
	load: () => ContextsFile | undefined = () => loadContexts(env),
): {file: ContextsFile; settings: ContextSettings; implicit: boolean} | undefined {
	const name = nonEmpty(flags.context);
	if (name !== undefined) {
		const file = load();
		if (!file) throw new ConfigError(`--context ${name}: there is no config file at ${contextsFilePath(env).file}; create it, or name one with KTOP_CONFIG`);
		return {file, settings: findContext(file, name), implicit: false};
	}

	const given = [flags.zookeeper, flags.bootstrap, env['KTOP_ZOOKEEPER'], env['KTOP_BOOTSTRAP'], flags.commandConfig, env['KTOP_COMMAND_CONFIG']]
		.some(value => nonEmpty(value) !== undefined);
	if (given || (flags.property?.length ?? 0) > 0) return undefined;
	const file = load();
	if (file?.currentContext === undefined) return undefined;
	return {file, settings: findContext(file, file.currentContext), implicit: true};
}

/**
A context's connection, each of its values replaced by the flag that gives one: -z, -b,
--command-config (with the context's inline properties), -X per property. Read-only is the
exception: a read-only context stays read-only (`connection.context.readOnly`), whatever the flags.
*/
export function contextConnection(file: ContextsFile, settings: ContextSettings, flags: Flags, implicit: boolean): ContextTarget {
	const label = `context "${settings.name}" (${file.file})`;
	const zookeeper = nonEmpty(flags.zookeeper) ?? settings.zookeeper;
	let bootstrap: string[] | undefined;
	try {
		if (nonEmpty(flags.zookeeper) !== undefined) parseConnectString(zookeeper!);
		const flagBootstrap = nonEmpty(flags.bootstrap);
		bootstrap = flagBootstrap === undefined ? settings.bootstrap : brokerList(flagBootstrap);
	} catch (error) {
		throw new ConfigError((error as Error).message);
	}

	const commandConfig = nonEmpty(flags.commandConfig);
	const properties = new Map<string, string>([
		...(commandConfig === undefined
			? [...(settings.commandConfig === undefined ? [] : readClientProperties(settings.commandConfig)), ...settings.properties]
			: readClientProperties(commandConfig)),
		...propertyOverrides(flags.property ?? []),
	]);
	const connection: Connection = {zookeeper, bootstrap, context: {name: settings.name, readOnly: settings.readOnly}};
	const warnings = [...file.warnings];
	const propertiesFile = commandConfig ?? settings.commandConfig;
	const readable = propertiesFile === undefined ? undefined : permissionWarning(propertiesFile, properties);
	if (readable) warnings.push(readable);
	if (properties.size > 0) {
		const secured = securityFromProperties(properties, commandConfig ?? `${label}${settings.commandConfig === undefined ? '' : ` with ${settings.commandConfig}`}`);
		connection.security = secured.security;
		warnings.push(...secured.warnings);
		if (bootstrap === undefined && secured.bootstrap !== undefined) {
			try {
				connection.bootstrap = brokerList(secured.bootstrap.join(','));
			} catch (error) {
				throw new ConfigError(`${label}: bootstrap.servers: ${(error as Error).message}`);
			}
		}
	}

	if (connection.zookeeper === undefined && connection.bootstrap === undefined) {
		throw new ConfigError(`${label} says where no cluster is: give it zookeeper or bootstrap (or bootstrap.servers in its client properties)`);
	}

	if (settings.zookeeperAuth !== undefined) connection.zookeeperAuth = settings.zookeeperAuth;
	if (implicit) connection.origin = `from context ${settings.name} (current-context of ${file.file})`;
	return {connection, interval: settings.interval, warnings};
}
