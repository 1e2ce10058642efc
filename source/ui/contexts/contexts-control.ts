import type {ContextSummary} from '../../config/context-summary.js';

/**
What `:ctx` may do (run-tui wires it to the config file and the cluster session): list the
contexts, never a secret among them, and switch to one. The UI never reads the file or opens a
connection itself.
*/
export type ContextsControl = {
	/** The contexts as the config file says now, or why it cannot be read. */
	list(): {file: string | undefined; contexts: ContextSummary[]} | {error: string};
	/** Switches the live view to that context's cluster; returns why not (unknown name, bad file), else undefined. */
	switchTo(name: string): string | undefined;
};
