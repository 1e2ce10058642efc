import React from 'react';
import type {Stale} from '../../source/model/store.js';
import type {ClusterEvent, ClusterSnapshot} from '../../source/model/types.js';
import type {AppProps} from '../../source/ui/app.js';
import type {StoreView} from '../../source/ui/hooks/use-store.js';
import {FakeStdin, FakeStdout} from './fake-terminal.js';

// React is loaded by now (the import above): the probe must have set ktop's environment first.
if (process.env['CI'] !== 'false' || process.env['NODE_ENV'] === undefined) {
	throw new Error('import bench/probes/as-ktop-runs.js before probe-app.js, as the first import of the probe');
}

// Colour as on a 256-colour terminal: chalk would otherwise see this probe's piped stdout and draw
// no colour at all, and then the cursor row's inverse video, a cheaper and unchanging frame.
process.env['FORCE_COLOR'] = '2';
const {render} = await import('ink');
const {App} = await import('../../source/ui/app.js');
const {buildKeymap} = await import('../../source/ui/keymap.js');
const {panes, paneForAlias} = await import('../../source/ui/panes/index.js');

export type ProbeStore = StoreView & {set(next: ClusterSnapshot): void};

/** The store's read side holding what the probe hands it; `set` notifies like a refresh that changed something. */
function probeStore(initial: ClusterSnapshot): ProbeStore {
	let current = initial;
	const listeners = new Set<() => void>();
	const events: readonly ClusterEvent[] = [];
	return {
		getSnapshot: () => current,
		getStale: (): Stale | undefined => undefined,
		getEvents: () => events,
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		set(next) {
			current = next;
			for (const listener of listeners) listener();
		},
	};
}

export const sleep = async (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

export type MountedApp = {
	store: ProbeStore;
	stdin: FakeStdin;
	stdout: FakeStdout;
	/** Every frame Ink rendered: its own renderTime (the output: every node drawn into a grid of cells and that made a string; Yoga's layout runs before it and is not in it). */
	inkRenderMs: number[];
	frames(): number;
	/**
	Does `act`, then waits `windowMs`: the time from `act` to the next frame goes into `into`.
	Returns false when no frame came in the window.
	*/
	change(into: number[], act: () => void, windowMs: number): Promise<boolean>;
	unmount(): void;
};

/**
ktop's <App/> with the real panes and keymap on a fake terminal, rendered with the options
run-tui.tsx uses for the live view.
*/
export function mountApp(options: {columns: number; rows: number; snapshot: ClusterSnapshot; consume?: AppProps['consume']; initialStack?: AppProps['initialStack']}): MountedApp {
	const store = probeStore(options.snapshot);
	const stdout = new FakeStdout(options.columns, options.rows);
	const stdin = new FakeStdin();
	const inkRenderMs: number[] = [];
	let frames = 0;
	let pending: {at: number; into: number[]} | undefined;
	const instance = render(
		<App
			store={store}
			refreshNow={() => undefined}
			consume={options.consume ?? (async () => {
				throw new Error('no consume session in this probe');
			})}
			initialStack={options.initialStack}
			registry={{panes, paneForAlias}}
			keymap={buildKeymap({readOnly: false})}
			intervalMs={2000}
			target="bench"
		/>,
		{
			stdout: stdout as unknown as NodeJS.WriteStream,
			stderr: new FakeStdout(options.columns, options.rows) as unknown as NodeJS.WriteStream,
			stdin: stdin as unknown as NodeJS.ReadStream,
			exitOnCtrlC: false,
			patchConsole: false,
			maxFps: 30,
			onRender({renderTime}) {
				frames++;
				inkRenderMs.push(renderTime);
				if (pending) pending.into.push(performance.now() - pending.at);
				pending = undefined;
			},
		},
	);
	return {
		store, stdin, stdout, inkRenderMs,
		frames: () => frames,
		async change(into, act, windowMs) {
			pending = {at: performance.now(), into};
			act();
			await sleep(windowMs);
			const drawn = pending === undefined;
			pending = undefined;
			return drawn;
		},
		unmount: () => instance.unmount(),
	};
}
