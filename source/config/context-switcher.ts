import type {Connection} from '../model/reach.js';
import {ConfigError} from './config-error.js';
import {contextConnection} from './context-connection.js';
import {type ContextSummary, contextSummaries} from './context-summary.js';
import {contextsFilePath, findContext, loadContexts} from './contexts-file.js';

/** Seconds between refreshes when neither --interval nor the context sets it. */
export const defaultIntervalSeconds = 2;

/** A context chosen in the live view, ready to connect to. */
export type ContextChoice = {connection: Connection; intervalMs: number; readOnly: boolean; warnings: string[]};

/** What the live view's `:ctx` needs from the config layer; it reads the file anew each time, so edits show without a restart. */
export type ContextSwitcher = {
	/** The contexts as the file says now; throws a ConfigError (its message is for the operator) when the file is wrong. */
	list(): {file: string | undefined; contexts: ContextSummary[]};
	/**
	The connection of a context, as `--context <name>` alone gives it: the connection flags ktop
	started with (-z, -b, --command-config, -X) were for the first cluster and do not carry over;
	--interval and --read-only do (read-only only ever adds: a read-only context stays read-only).
	*/
	choose(name: string): ContextChoice;
};

export function contextSwitcher(options: {readOnly: boolean; intervalSeconds: number | undefined; env?: NodeJS.ProcessEnv}): ContextSwitcher {
	const env = options.env ?? process.env;
	return {
		list() {
			const file = loadContexts(env);
			return {file: file?.file, contexts: file ? contextSummaries(file) : []};
		},
		choose(name) {
			const file = loadContexts(env);
			if (!file) throw new ConfigError(`no config file at ${contextsFilePath(env).file}: no contexts to switch to`);
			const target = contextConnection(file, findContext(file, name), {zookeeper: undefined, bootstrap: undefined}, false);
			return {
				connection: target.connection,
				intervalMs: (options.intervalSeconds ?? target.interval ?? defaultIntervalSeconds) * 1000,
				readOnly: options.readOnly || target.connection.context?.readOnly === true,
				warnings: target.warnings,
			};
		},
	};
}
