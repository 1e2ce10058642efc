/** Rendering the shell for tests: a fake store, named keys, a sized fake terminal. */
import {EventEmitter} from 'node:events';
import {render as inkRender} from 'ink';
import {render} from 'ink-testing-library';
import React from 'react';
import type {Stale} from '../../source/model/store.js';
import type {ClusterEvent, ClusterSnapshot} from '../../source/model/types.js';
import {App, type AppProps} from '../../source/ui/app.js';
import type {StoreView} from '../../source/ui/hooks/use-store.js';
import {buildKeymap} from '../../source/ui/keymap.js';
import {T0} from './snapshots.js';
import {stubRegistry} from './stub-panes.js';
import {FakeStdin} from '../helpers/fake-stdin.js';

export const keys = {
	enter: '\r', escape: '\u001B', tab: '\t', shiftTab: '\u001B[Z', up: '\u001B[A', down: '\u001B[B',
	pageUp: '\u001B[5~', pageDown: '\u001B[6~', backspace: '\u007F', ctrlC: '\u0003', ctrlB: '\u0002', ctrlF: '\u0006',
	ctrlD: '\u0004', left: '\u001B[D', right: '\u001B[C',
} as const;

export type FakeStore = StoreView & {
	set(snapshot: ClusterSnapshot | undefined, options?: {stale?: Stale; events?: ClusterEvent[]}): void;
};

/** The store's read side, holding whatever a test hands it; `set` notifies like a refresh that changed something. */
export function fakeStore(snapshot?: ClusterSnapshot): FakeStore {
	let current = snapshot;
	let stale: Stale | undefined;
	let events: readonly ClusterEvent[] = [];
	const listeners = new Set<() => void>();
	return {
		getSnapshot: () => current,
		getStale: () => stale,
		getEvents: () => events,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		set(next, options = {}) {
			current = next;
			stale = options.stale;
			events = options.events ?? events;
			for (const listener of listeners) listener();
		},
	};
}

/** Lets Ink deliver input (a lone Escape is held one tick to tell it from a sequence) and React render. */
export async function tick(): Promise<void> {
	await new Promise(resolve => setImmediate(resolve));
	await new Promise(resolve => setImmediate(resolve));
}

export type Typist = (...sequence: string[]) => Promise<void>;

/** Sends each argument as one keypress; a plain string of several characters is typed one key at a time. */
export function typist(stdin: {write(data: string): void}): Typist {
	return async (...sequence) => {
		for (const chunk of sequence) {
			const presses = chunk.startsWith('\u001B') || chunk.length === 1 ? [chunk] : [...chunk];
			for (const press of presses) {
				stdin.write(press);
				await tick();
			}
		}
	};
}

/** The factory of tests that do not consume: opening fails, as a cluster that cannot be read would. */
export async function noConsume(topic: string): Promise<never> {
	throw new Error(`no consume engine in this test (topic ${topic})`);
}

export function appProps(store: StoreView, extra: Partial<AppProps> = {}): AppProps {
	return {
		store, refreshNow() {}, consume: noConsume, registry: stubRegistry, keymap: buildKeymap({readOnly: false}),
		intervalMs: 2000, target: '127.0.0.1:2181', columns: 100, rows: 30, now: () => T0 + 3000, ...extra,
	};
}

/** ink-testing-library's render of <App/>, with a typist. */
export async function renderApp(store: StoreView, extra: Partial<AppProps> = {}) {
	const result = render(<App {...appProps(store, extra)} />);
	await tick();
	return {...result, type: typist(result.stdin), frame: () => result.lastFrame() ?? ''};
}

class SizedStdout extends EventEmitter {
	frames: string[] = [];
	constructor(public columns: number, public rows: number) {
		super();
	}

	write = (frame: string) => {
		this.frames.push(frame);
		return true;
	};

	resize(columns: number, rows: number) {
		this.columns = columns;
		this.rows = rows;
		this.emit('resize');
	}
}


/**
<App/> on a fake terminal of a given size, with no size props: the app must take its size
from stdout (columns, rows) and follow 'resize', as on a real terminal. ink-testing-library's
stdout is always 100 columns with no rows, so this mirrors it with both settable.
*/
export async function renderOnTerminal(store: StoreView, columns: number, rows: number, extra: Partial<AppProps> = {}) {
	const stdout = new SizedStdout(columns, rows);
	const stdin = new FakeStdin();
	const props = {...appProps(store, extra)};
	delete props.columns;
	delete props.rows;
	const instance = inkRender(<App {...props} />, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stderr: new SizedStdout(columns, rows) as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	await tick();
	return {
		stdout,
		frame: () => stdout.frames.at(-1) ?? '',
		type: typist(stdin),
		unmount: () => instance.unmount(),
	};
}
