import {render} from 'ink';
import React from 'react';
import {describeSecurity} from '../cluster/kafka/client-security.js';
import {createClusterWriter} from '../cluster/kafka/writer/cluster-writer.js';
import {withTimeout} from '../cluster/with-timeout.js';
import type {ClusterWriter} from '../cluster/write-types.js';
import {traceActions} from '../model/actions/action-trace.js';
import {createActionFactory} from '../model/actions/catalog.js';
import type {ActionFactory} from '../model/actions/types.js';
import {openClusterReader} from '../model/cluster-reader.js';
import {consumeOpener, type ConsumeRequest} from '../model/consume-opener.js';
import {startPoller} from '../model/poller.js';
import {securityWords} from '../model/security-words.js';
import type {Connection} from '../model/reach.js';
import {createStore} from '../model/store.js';
import type {ClusterSnapshot} from '../model/types.js';
import {App} from './app.js';
import {trackSessions} from './consume/track-sessions.js';
import {buildKeymap} from './keymap.js';
import {openDiagnosticsLog} from './log-file.js';
import {paneForAlias, panes} from './panes/index.js';
import {guardTerminal, notATerminalMessage} from './terminal.js';

export type TuiOptions = {
	connection: Connection;
	adminPorts: Record<string, number> | undefined;
	intervalMs: number;
	readOnly: boolean;
	logFile: string | undefined;
	/** `ktop consume <topic> --from …`: open straight into that topic's consume view (Esc goes to topics). */
	consume?: ConsumeRequest | undefined;
};

/**
`ktop` on a terminal: the cluster reader, the store and the poller wired to the UI, on the
alternate screen. Data flows one way (reader -> store -> <App/>); the UI gets the store and a
`refreshNow` and nothing else, plus a `consume` factory wired to the consume engine and an
`actions` factory wired to the cluster writer, so neither the consume view nor an action's dialog
touches the network itself; each applied action comes back through `onActionDone` to be recorded. Returns the exit status: 0 after q or Ctrl-C, 2 without a terminal.
*/
export async function runTui(options: TuiOptions): Promise<number> {
	const refusal = notATerminalMessage(process.stdin, process.stdout);
	if (refusal) {
		process.stderr.write(refusal);
		return 2;
	}

	const log = openDiagnosticsLog(options.logFile);
	const reader = openClusterReader(options.connection, {adminPorts: options.adminPorts});
	// The engine reads with no consumer group and commits nothing; `initial` applies to its own topic.
	const sessions = trackSessions(consumeOpener(options.connection, options.consume), line => log.write(line));
	const store = createStore();
	// --read-only unbinds every action key, and the writer refuses writes itself as well.
	const actions = clusterActions(options.connection, options.readOnly, () => store.getSnapshot(), () => reader.zookeeperTrouble());
	let started = 0;
	const poller = startPoller({
		intervalMs: options.intervalMs,
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

	// Nothing may write to the terminal Ink draws on; stray console output goes to the log instead.
	const restoreConsole = redirectConsole(line => log.write(`console: ${line}`));
	const terminal = guardTerminal({
		stdout: process.stdout,
		stderr: process.stderr,
		stdin: process.stdin,
		process,
		onAbort(reason) {
			poller.stop();
			log.write(`ended: ${reason}`);
			log.close();
		},
	});

	const security = securityWords(options.connection.security ? describeSecurity(options.connection.security) : undefined);
	const target = `${options.connection.zookeeper ?? options.connection.bootstrap?.join(',') ?? 'the cluster'}${security ? ` (${security})` : ''}`;
	try {
		const app = render(
			<App
				store={store}
				refreshNow={() => poller.refreshNow()}
				consume={sessions.open}
				actions={actions.factory}
				// Every write ktop makes, and every one it tried, goes on the timeline and into --log-file.
				onActionDone={traceActions(store, log)}
				initialStack={options.consume ? [{view: 'topics'}, {view: 'consume', subject: options.consume.topic}] : undefined}
				registry={{panes, paneForAlias}}
				keymap={buildKeymap({readOnly: options.readOnly})}
				intervalMs={options.intervalMs}
				target={target}
			/>,
			// Ctrl-C is a keymap command (quit), so it restores the terminal like q does. Incremental
			// rendering stays off: with Ink 6.8 and a fixed-height frame it redrew one line low in tmux,
			// leaving the first frame's top line behind; the frame is small, so a full redraw is cheap.
			{exitOnCtrlC: false, patchConsole: false, maxFps: 30},
		);
		await app.waitUntilExit();
	} finally {
		poller.stop();
		terminal.restore();
		restoreConsole();
		log.write('ended: quit');
		log.close();
	}

	// The screen is already back; a client that is slow to disconnect must not hold the prompt.
	await Promise.all([
		withTimeout(reader.close(), 2000).catch(() => undefined),
		withTimeout(sessions.closeAll(), 2000).catch(() => undefined),
		withTimeout(actions.close(), 2000).catch(() => undefined),
	]);
	return 0;
}

/** `ktop consume <topic>` on a terminal: the live view, opened on the topic's records (see TuiOptions.consume). */
export async function runConsumeTui(options: Omit<TuiOptions, 'consume'>, request: ConsumeRequest): Promise<number> {
	return runTui({...options, consume: request});
}

/**
The actions over a cluster writer made on first use: with only a ZooKeeper address given, the
brokers' addresses are known once a refresh has read their registrations (the snapshot's).
*/
function clusterActions(connection: Connection, readOnly: boolean, snapshot: () => ClusterSnapshot | undefined, zookeeperTrouble: () => string | undefined): {factory: ActionFactory; close(): Promise<void>} {
	let writer: ClusterWriter | undefined;
	let factory: ActionFactory | undefined;
	return {
		factory(id, subject) {
			if (!factory) {
				const bootstrap = connection.bootstrap ?? snapshot()?.connection.bootstrap ?? [];
				if (bootstrap.length === 0) return {unavailable: 'no broker address known yet: wait for a refresh that finds the brokers'};
				writer = createClusterWriter(bootstrap, {readOnly, zookeeperTrouble, security: connection.security});
				factory = createActionFactory({snapshot, writer});
			}

			return factory(id, subject);
		},
		async close() {
			await writer?.close();
		},
	};
}

function redirectConsole(write: (line: string) => void): () => void {
	const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
	const saved = methods.map(method => console[method]);
	for (const method of methods) console[method] = (...args: unknown[]) => write(args.map(String).join(' '));
	return () => {
		for (const [index, method] of methods.entries()) console[method] = saved[index]!;
	};
}
