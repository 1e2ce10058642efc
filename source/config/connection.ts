import {parseConnectString} from '../cluster/zookeeper/connect-string.js';
import type {Connection} from '../model/reach.js';
import {brokerList, nonEmpty} from './broker-list.js';
import {ConfigError} from './config-error.js';
import {contextConnection, type ContextFlags, type ContextTarget, pickContext} from './context-connection.js';
import {type ContextsFile, loadContexts} from './contexts-file.js';
import {type Discovery, discoverConnection} from './discover.js';

export type ConnectionFlags = {zookeeper: string | undefined; bootstrap: string | undefined} & Partial<ContextFlags>;

export {ConfigError} from './config-error.js';

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
	contexts: () => ContextsFile | undefined = () => loadContexts(env),
): Connection {
	return resolveTarget(flags, env, discover, contexts).connection;
}

/** resolveConnection, with what a context adds besides the connection (its interval, the file's warnings). */
export function resolveTarget(
	flags: ConnectionFlags,
	env: NodeJS.ProcessEnv = process.env,
	discover: () => Discovery = () => discoverConnection({env}),
	contexts: () => ContextsFile | undefined = () => loadContexts(env),
): ContextTarget {
	const context = pickContext(flags, env, contexts);
	if (context) return contextConnection(context.file, context.settings, flags, context.implicit);
	return {connection: resolveAddresses(flags, env, discover), interval: undefined, warnings: []};
}

function resolveAddresses(flags: ConnectionFlags, env: NodeJS.ProcessEnv, discover: () => Discovery): Connection {
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
		const bootstrap = bootstrapRaw === undefined ? undefined : brokerList(bootstrapRaw);
		return origin === undefined ? {zookeeper, bootstrap} : {zookeeper, bootstrap, origin};
	} catch (error) {
		throw new ConfigError((error as Error).message);
	}
}
