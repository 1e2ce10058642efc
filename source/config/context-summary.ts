import {readClientProperties} from './client-properties.js';
import type {ContextSettings, ContextsFile} from './contexts-file.js';

/** What may be shown of a context anywhere (`ktop contexts`, the `:ctx` picker): never a secret. */
export type ContextSummary = {
	name: string;
	current: boolean;
	zookeeper: string | undefined;
	bootstrap: string | undefined;
	/** security.protocol from its inline properties, else its command-config file; PLAINTEXT when neither sets it. */
	protocol: string;
	/** ZooKeeper auth scheme(s), never the auth itself. */
	zookeeperAuth: string | undefined;
	readOnly: boolean;
	interval: number | undefined;
};

export function contextSummaries(file: ContextsFile): ContextSummary[] {
	return file.contexts.map(context => ({
		name: context.name,
		current: context.name === file.currentContext,
		zookeeper: context.zookeeper,
		bootstrap: context.bootstrap?.join(','),
		protocol: protocolOf(context),
		zookeeperAuth: context.zookeeperAuth?.map(entry => entry.scheme).join(','),
		readOnly: context.readOnly,
		interval: context.interval,
	}));
}

function protocolOf(context: ContextSettings): string {
	const inline = context.properties.get('security.protocol');
	if (inline !== undefined) return inline.toUpperCase();
	if (context.commandConfig === undefined) return 'PLAINTEXT';
	try {
		return readClientProperties(context.commandConfig).get('security.protocol')?.toUpperCase() ?? 'PLAINTEXT';
	} catch {
		// Listing must not fail for one context's missing file; using that context says why.
		return '? (command-config unreadable)';
	}
}
