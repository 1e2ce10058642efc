import {render} from 'ink';
import React from 'react';
import {describeSecurity} from '../cluster/kafka/client-security.js';
import type {ContextSwitcher} from '../config/context-switcher.js';
import {securityWords} from '../model/security-words.js';
import {traceActions} from '../model/actions/action-trace.js';
import type {ConsumeRequest} from '../model/consume-opener.js';
import type {Connection} from '../model/reach.js';
import {sanitize} from '../text/sanitize.js';
import {App} from './app.js';
import {type ClusterSession, openClusterSession} from './cluster-session.js';
import type {ContextsControl} from './contexts/contexts-control.js';
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
	/** The config file's contexts, for `:ctx`; without it `:ctx` says there are none. */
	contexts?: ContextSwitcher | undefined;
};

/**
`ktop` on a terminal: a cluster session (reader, store, poller, consume engine, writer; see
cluster-session.ts) wired to the UI, on the alternate screen. Data flows one way (reader -> store
-> <App/>); the UI gets the store and a `refreshNow` and nothing else, plus a `consume` factory
and an `actions` factory, so neither the consume view nor an action's dialog touches the network
itself; each applied action comes back through `onActionDone` to be recorded. `:ctx <name>`
closes the session and opens the context's: the App is mounted anew over it, so no view, cursor,
consume session or event of the old cluster survives. Returns the exit status: 0 after q or
Ctrl-C, 2 without a terminal.
*/
export async function runTui(options: TuiOptions): Promise<number> {
	const refusal = notATerminalMessage(process.stdin, process.stdout);
	if (refusal) {
		process.stderr.write(refusal);
		return 2;
	}

	const log = openDiagnosticsLog(options.logFile);
	let session = openClusterSession(options, log);
	let generation = 0;
	const closing = new Set<Promise<void>>();

	// Nothing may write to the terminal Ink draws on; stray console output goes to the log instead.
	const restoreConsole = redirectConsole(line => log.write(`console: ${line}`));
	const terminal = guardTerminal({
		stdout: process.stdout,
		stderr: process.stderr,
		stdin: process.stdin,
		process,
		onAbort(reason) {
			void session.close();
			log.write(`ended: ${reason}`);
			log.close();
		},
	});

	const contexts: ContextsControl | undefined = options.contexts && {
		list: () => listContexts(options.contexts!),
		switchTo(name) {
			let choice;
			try {
				choice = options.contexts!.choose(name);
			} catch (error) {
				// A wrong file or an unknown name: stay where we are and say why.
				return (error as Error).message;
			}

			const from = session.connection.context?.name;
			log.write(`switching to context ${sanitize(name)}${from === undefined ? '' : ` from ${sanitize(from)}`}`);
			for (const warning of choice.warnings) log.write(`warning: ${warning}`);
			const old = session;
			const closed = old.close().finally(() => closing.delete(closed));
			closing.add(closed);
			session = openClusterSession({connection: choice.connection, adminPorts: options.adminPorts, intervalMs: choice.intervalMs, readOnly: choice.readOnly}, log);
			session.store.record({
				at: Date.now(), kind: 'context-switched', subject: name, severity: 'info',
				message: `switched to context ${name}${from === undefined ? '' : ` from ${from}`}; nothing of the previous cluster is shown`,
			});
			generation++;
			app.rerender(view());
			return undefined;
		},
	};

	const view = () => (
		<App
			// A new key mounts a new App: every view state, cursor and consume session of the old cluster goes.
			key={generation}
			store={session.store}
			refreshNow={session.refreshNow}
			consume={session.consume}
			actions={session.actions}
			// Every write ktop makes, and every one it tried, goes on the timeline and into --log-file.
			onActionDone={traceActions(session.store, log)}
			initialStack={options.consume && generation === 0 ? [{view: 'topics'}, {view: 'consume', subject: options.consume.topic}] : undefined}
			registry={{panes, paneForAlias}}
			keymap={buildKeymap({readOnly: session.readOnly})}
			intervalMs={session.intervalMs}
			target={targetOf(session)}
			context={session.connection.context}
			contexts={contexts}
		/>
	);

	// Ctrl-C is a keymap command (quit), so it restores the terminal like q does. Incremental
	// rendering stays off: with Ink 6.8 and a fixed-height frame it redrew one line low in tmux,
	// leaving the first frame's top line behind; the frame is small, so a full redraw is cheap.
	let app: ReturnType<typeof render>;
	try {
		app = render(view(), {exitOnCtrlC: false, patchConsole: false, maxFps: 30});
		await app.waitUntilExit();
	} finally {
		const last = session.close();
		terminal.restore();
		restoreConsole();
		log.write('ended: quit');
		log.close();
		// The screen is already back; each close is bounded (cluster-session.ts).
		await Promise.all([last, ...closing]);
	}

	return 0;
}

/** `ktop consume <topic>` on a terminal: the live view, opened on the topic's records (see TuiOptions.consume). */
export async function runConsumeTui(options: Omit<TuiOptions, 'consume'>, request: ConsumeRequest): Promise<number> {
	return runTui({...options, consume: request});
}

function targetOf(session: ClusterSession): string {
	const {connection} = session;
	const security = securityWords(connection.security ? describeSecurity(connection.security) : undefined);
	return `${connection.zookeeper ?? connection.bootstrap?.join(',') ?? 'the cluster'}${security ? ` (${security})` : ''}`;
}

function listContexts(switcher: ContextSwitcher): ReturnType<ContextsControl['list']> {
	try {
		return switcher.list();
	} catch (error) {
		return {error: (error as Error).message};
	}
}

function redirectConsole(write: (line: string) => void): () => void {
	const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
	const saved = methods.map(method => console[method]);
	for (const method of methods) console[method] = (...args: unknown[]) => write(args.map(String).join(' '));
	return () => {
		for (const [index, method] of methods.entries()) console[method] = saved[index]!;
	};
}
