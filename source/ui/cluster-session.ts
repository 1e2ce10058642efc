import {createClusterWriter, type ClusterWriterOptions} from '../cluster/kafka/writer/cluster-writer.js';
import {withTimeout} from '../cluster/with-timeout.js';
import type {ClusterWriter} from '../cluster/write-types.js';
import {createActionFactory} from '../model/actions/catalog.js';
import type {ActionFactory} from '../model/actions/types.js';
import {openClusterReader} from '../model/cluster-reader.js';
import {consumeOpener, type ConsumeRequest} from '../model/consume-opener.js';
import {startPoller} from '../model/poller.js';
import type {Connection} from '../model/reach.js';
import {createStore, type Store} from '../model/store.js';
import type {ClusterSnapshot} from '../model/types.js';
import {type TrackedFactory, trackSessions} from './consume/track-sessions.js';
import type {DiagnosticsLog} from './log-file.js';

export type ClusterSessionSettings = {
	connection: Connection;
	adminPorts: Record<string, number> | undefined;
	intervalMs: number;
	/** --read-only; a read-only context (connection.context.readOnly) is read-only whatever this says. */
	readOnly: boolean;
	/** `ktop consume <topic> --from …`: how that topic's session opens. */
	consume?: ConsumeRequest | undefined;
};

/** Everything the live view holds for one cluster: the store it shows and what reads and writes it. */
export type ClusterSession = {
	connection: Connection;
	readOnly: boolean;
	intervalMs: number;
	store: Store;
	consume: TrackedFactory['open'];
	actions: ActionFactory;
	refreshNow(): void;
	/** Stops the refresh loop at once, then closes the reader, every consume session and the writer, each within 2 s. */
	close(): Promise<void>;
};

/** Whether writes are refused: a read-only context always, --read-only too. Nothing turns a read-only context writable. */
export function writesRefused(connection: Connection, readOnlyFlag: boolean): boolean {
	return readOnlyFlag || connection.context?.readOnly === true;
}

/**
The one place a live view's cluster is composed from a Connection: the reader, the refresh loop
and a fresh store, the consume engine and the action writer. ktop's start and a `:ctx` switch both
come here, so a switch rebuilds exactly what a start builds and carries nothing of the old cluster.
*/
export function openClusterSession(settings: ClusterSessionSettings, log: DiagnosticsLog): ClusterSession {
	const {connection} = settings;
	const readOnly = writesRefused(connection, settings.readOnly);
	const reader = openClusterReader(connection, {adminPorts: settings.adminPorts});
	// The engine reads with no consumer group and commits nothing; `consume` applies to its own topic.
	const sessions = trackSessions(consumeOpener(connection, settings.consume), line => log.write(line));
	const store = createStore();
	// A read-only keymap binds no action key, and the writer refuses writes itself as well.
	const actions = clusterActions(connection, readOnly, () => store.getSnapshot(), () => reader.zookeeperTrouble());
	let started = 0;
	const poller = startPoller({
		intervalMs: settings.intervalMs,
		async task() {
			started = Date.now();
			return reader.read();
		},
		onResult(input) {
			log.write(`refresh ok in ${Date.now() - started} ms${input.errors.length > 0 ? `; ${input.errors.length} source error(s)` : ''}`);
			for (const error of input.errors) log.write(`  ${error.source}: ${error.message}`);
			store.update(input);
		},
		onError(error, failures) {
			log.write(`refresh failed after ${Date.now() - started} ms (${failures} in a row): ${error.stack ?? error.message}`);
			store.recordError(error);
		},
	});

	let closing: Promise<void> | undefined;
	return {
		connection,
		readOnly,
		intervalMs: settings.intervalMs,
		store,
		consume: sessions.open,
		actions: actions.factory,
		refreshNow: () => poller.refreshNow(),
		close() {
			poller.stop();
			// A client that is slow to disconnect must not hold the prompt, nor the next cluster.
			closing ??= Promise.all([
				withTimeout(reader.close(), 2000).catch(() => undefined),
				withTimeout(sessions.closeAll(), 2000).catch(() => undefined),
				withTimeout(actions.close(), 2000).catch(() => undefined),
			]).then(() => undefined);
			return closing;
		},
	};
}

type WriterFactory = (bootstrap: string[], options: ClusterWriterOptions) => ClusterWriter;

/**
The actions over a cluster writer made on first use: with only a ZooKeeper address given, the
brokers' addresses are known once a refresh has read their registrations (the snapshot's).
*/
export function clusterActions(
	connection: Connection,
	readOnly: boolean,
	snapshot: () => ClusterSnapshot | undefined,
	zookeeperTrouble: () => string | undefined,
	createWriter: WriterFactory = createClusterWriter,
): {factory: ActionFactory; close(): Promise<void>} {
	let writer: ClusterWriter | undefined;
	let factory: ActionFactory | undefined;
	return {
		factory(id, subject) {
			if (!factory) {
				const bootstrap = connection.bootstrap ?? snapshot()?.connection.bootstrap ?? [];
				if (bootstrap.length === 0) return {unavailable: 'no broker address known yet: wait for a refresh that finds the brokers'};
				const readOnlyContext = connection.context?.readOnly ? connection.context.name : undefined;
				const zookeeper = connection.zookeeper === undefined ? undefined : {connect: connection.zookeeper, auth: connection.zookeeperAuth};
				writer = createWriter(bootstrap, {readOnly: writesRefused(connection, readOnly), readOnlyContext, zookeeperTrouble, zookeeper});
				factory = createActionFactory({snapshot, writer});
			}

			return factory(id, subject);
		},
		async close() {
			await writer?.close();
		},
	};
}
