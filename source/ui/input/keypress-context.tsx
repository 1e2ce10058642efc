import {useInput} from 'ink';
import React, {createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode} from 'react';
import type {CommandId, Keymap} from '../keymap.js';
import {type NamedKey, namedKeys} from './key-name.js';

/** One keypress, named, with every command the keymap binds to it (any scope). */
export type Keypress = NamedKey & {commands: ReadonlySet<CommandId>};

/** Returns true when it used the key; lower-priority handlers then never see it. */
export type KeypressHandler = (press: Keypress) => boolean;

/** Higher runs first: a modal (help) takes keys before a prompt, a prompt before the table. */
export const priority = {help: 300, prompt: 200, table: 100, global: 0} as const;

type Entry = {handler: {current: KeypressHandler}; active: {current: () => boolean}; priority: number};

const KeypressContext = createContext<((entry: Entry) => () => void) | undefined>(undefined);

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

	useInput((input, key) => {
		for (const named of namedKeys(input, key)) {
			const press: Keypress = {...named, commands: keymap.commandsFor(named.name)};
			for (const entry of entries.current) {
				if (entry.active.current() && entry.handler.current(press)) break;
			}
		}
	});

	return <KeypressContext.Provider value={register}>{children}</KeypressContext.Provider>;
}

/**
Registers `handler` at `level`; it is offered keys while `active()` says so. Both are read at
keypress time rather than re-registered in an effect: several keys can arrive in one chunk
(":zk" pasted, or typed fast over SSH), and the second must already go to the prompt the first
opened, before React has rendered anything. So `active` reads the latest state, not a render's.
*/
export function useKeypress(handler: KeypressHandler, level: number, active: () => boolean = () => true): void {
	const register = useContext(KeypressContext);
	if (!register) throw new Error('useKeypress needs a KeypressProvider above it');
	const latest = useRef(handler);
	latest.current = handler;
	const isActive = useRef(active);
	isActive.current = active;
	const entry = useMemo(() => ({handler: latest, active: isActive, priority: level}), [level]);
	useEffect(() => register(entry), [register, entry]);
}
