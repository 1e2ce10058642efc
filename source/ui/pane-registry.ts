import type {ClusterSnapshot} from '../model/types.js';
import {sanitize} from '../text/sanitize.js';
import type {Pane, ViewId, ViewRef} from './panes/pane.js';

/** The panes as the shell uses them (source/ui/panes/index.ts provides the real one). */
export type PaneRegistry = {
	panes: Readonly<Record<ViewId, Pane>>;
	paneForAlias(alias: string): Pane | undefined;
};

/** Tab and Shift-Tab cycle through these, in the order an operator triages: what is broken, then down the stack. */
export const topLevelViews: readonly ViewId[] = ['health', 'zookeeper', 'brokers', 'topics', 'groups', 'events'];

/**
Where ktop opens: Health when any finding is critical (the "what is broken right now" screen),
otherwise Topics, the view operators spend their time in. Decided once, on the first snapshot;
later findings never move the operator away from where they are.
*/
export function defaultView(snapshot: ClusterSnapshot): ViewRef {
	return {view: snapshot.findings.some(finding => finding.severity === 'critical') ? 'health' : 'topics'};
}

/** The top-level view after (step 1) or before (step -1) `current`; from a drill-down, its root counts. */
export function cycleView(current: ViewRef['view'] | undefined, step: 1 | -1): ViewRef {
	const index = topLevelViews.findIndex(view => view === current);
	const from = index < 0 ? (step === 1 ? -1 : 0) : index;
	return {view: topLevelViews[(from + step + topLevelViews.length) % topLevelViews.length]!};
}

/** What the breadcrumbs call a place in the stack: the pane's title, or "consume <topic>" ("… from beginning" when a start was given). */
export function viewTitle(registry: PaneRegistry, ref: ViewRef): string {
	if (ref.view !== 'consume') return registry.panes[ref.view].title(ref.subject);
	return `consume ${sanitize(ref.subject)}${ref.from === undefined ? '' : ` from ${sanitize(ref.from)}`}`;
}

/** Every `:` word the panes answer to, for completion. */
export function allAliases(registry: PaneRegistry): string[] {
	return Object.values(registry.panes).flatMap(pane => pane.aliases);
}
