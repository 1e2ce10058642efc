import {useInput} from 'ink';
import React, {createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode} from 'react';
import type {CommandId, Keymap} from '../keymap.js';
import {type NamedKey, namedKeys} from './key-name.js';

/** One keypress, named, with every command the keymap binds to it (any scope). */
export type Keypress = NamedKey & {commands: ReadonlySet<CommandId>};

/**
Returns true when it used the key; lower-priority handlers then never see it. 'defer' means the
key acts on rows that are not rendered yet (a filter or view changed earlier in the same chunk):
it and the keys after it are replayed after the next render.
*/
export type KeypressHandler = (press: Keypress) => boolean | 'defer';

/**
Higher runs first: an action's dialog takes every key (its fields are typed into), a modal (help)
takes keys before a prompt, a prompt before the view (consume or table).
*/
export const priority = {dialog: 400, picker: 350, help: 300, prompt: 200, consume: 150, table: 100, global: 0} as const;

type Entry = {handler: {current: KeypressHandler}; active: {current: () => boolean}; priority: number};

type Registry = {register(entry: Entry): () => void; replayDeferred(): void};

const KeypressContext = createContext<Registry | undefined>(undefined);

/** How often one key may wait for a render before it is dropped (a render that never comes). */
const maxDeferrals = 3;

/**
The one place ktop reads the keyboard (a single `useInput`, as gemini-cli's KeypressContext):
each key is named, mapped to its commands through the keymap, and offered to the active
handlers from the highest priority down until one uses it, so "which layer owns the keyboard"
is one ordered list rather than `isActive` flags spread over components.
*/
export function KeypressProvider({keymap, children}: {keymap: Keymap; children: ReactNode}) {
	const entries = useRef<Entry[]>([]);
	const register = useCallback((entry: Entry) => {
		entries.current = [...entries.current, entry].sort((a, b) => b.priority - a.priority);
		return () => {
			entries.current = entries.current.filter(candidate => candidate !== entry);
		};
	}, []);

	const deferred = useRef<{presses: Keypress[]; attempts: number}>({presses: [], attempts: 0});
	const dispatchPresses = useCallback((presses: Keypress[]) => {
		for (const [index, press] of presses.entries()) {
			for (const entry of entries.current) {
				if (!entry.active.current()) continue;
				const used = entry.handler.current(press);
				if (used === 'defer') {
					const attempts = deferred.current.presses[0] === press ? deferred.current.attempts + 1 : 1;
					deferred.current = attempts > maxDeferrals ? {presses: presses.slice(index + 1), attempts: 0} : {presses: presses.slice(index), attempts};
					return;
				}

				if (used) break;
			}
		}
	}, []);

	useInput((input, key) => {
		const presses = namedKeys(input, key).map(named => ({...named, commands: keymap.commandsFor(named.name)}));
		// Keys still waiting for a render keep their place ahead of newer ones.
		const waiting = deferred.current.presses;
		deferred.current = {presses: [], attempts: deferred.current.attempts};
		dispatchPresses([...waiting, ...presses]);
	});

	const registry = useMemo<Registry>(() => ({
		register,
		replayDeferred() {
			const waiting = deferred.current.presses;
			if (waiting.length === 0) return;
			deferred.current = {presses: waiting, attempts: deferred.current.attempts};
			dispatchPresses(waiting);
		},
	}), [register, dispatchPresses]);

	return <KeypressContext.Provider value={registry}>{children}</KeypressContext.Provider>;
}

/**
Registers `handler` at `level`; it is offered keys while `active()` says so. Both are read at
keypress time rather than re-registered in an effect: several keys can arrive in one chunk
(":zk" pasted, or typed fast over SSH), and the second must already go to the prompt the first
opened, before React has rendered anything. So `active` reads the latest state, not a render's.
*/
export function useKeypress(handler: KeypressHandler, level: number, active: () => boolean = () => true): void {
	const registry = useContext(KeypressContext);
	if (!registry) throw new Error('useKeypress needs a KeypressProvider above it');
	const {register} = registry;
	const latest = useRef(handler);
	latest.current = handler;
	const isActive = useRef(active);
	isActive.current = active;
	const entry = useMemo(() => ({handler: latest, active: isActive, priority: level}), [level]);
	useEffect(() => register(entry), [register, entry]);
}

/** Called by the component that renders the rows, after each render: replays keys that waited for it. */
export function useReplayDeferredKeys(): void {
	const registry = useContext(KeypressContext);
	useEffect(() => {
		registry?.replayDeferred();
	});
}
