import {sanitize} from '../../text/sanitize.js';
import type {Store} from '../store.js';
import type {ClusterEvent, EventKind, Severity} from '../types.js';
import type {Outcome, Preview} from './types.js';

/**
What a write ktop made leaves behind for whoever looks later (the on-call operator, the incident
review): an event on the timeline and a line in --log-file. Both are built only from the preview
the operator confirmed and the outcome they were shown, so a produced record's key and value
appear no further than the preview showed them.
*/

const statusWords: Record<Outcome['status'], string> = {applied: 'applied', partial: 'partly applied', failed: 'failed'};
const kinds: Record<Outcome['status'], EventKind> = {applied: 'action-applied', partial: 'action-partial', failed: 'action-failed'};
const severities: Record<Outcome['status'], Severity> = {applied: 'info', partial: 'warning', failed: 'warning'};

/**
The timeline's entry: "ktop: Delete topic orders — applied: orders is marked for deletion (+1 more)",
about the preview's subject. Text as the cluster gave it, like every event: the pane sanitizes.
*/
export function actionEvent(preview: Preview, outcome: Outcome, at: number): ClusterEvent {
	const [first] = outcome.lines;
	const more = outcome.lines.length > 1 ? ` (+${outcome.lines.length - 1} more)` : '';
	return {
		at,
		kind: kinds[outcome.status],
		subject: preview.subject,
		severity: severities[outcome.status],
		message: `ktop: ${preview.title} — ${statusWords[outcome.status]}${first === undefined ? '' : `: ${first}${more}`}`,
	};
}

/**
The log's line, one per action so `grep 'action '` finds them all: the outcome, the title, who it
went to, and every line of the preview (warnings included) and of the outcome, as JSON lists so
a line holding the separator stays readable. Sanitized: a log is read on a terminal too.
*/
export function actionLogLine(preview: Preview, outcome: Outcome): string {
	const list = (lines: readonly string[]) => JSON.stringify(lines.map(line => sanitize(line)));
	const {clusterId, connection} = preview.target;
	return [
		`action ${statusWords[outcome.status]}: ${sanitize(preview.title)}`,
		`cluster ${clusterId === undefined ? '(id unknown)' : sanitize(clusterId)}`,
		sanitize(connection),
		`preview ${list(preview.lines)}`,
		`warnings ${list(preview.warnings)}`,
		`outcome ${list(outcome.lines)}`,
	].join(' · ');
}

/**
The dialog's `onActionDone` as run-tui wires it: the log line first (the file outlasts a crash),
then the timeline's entry, stamped when the outcome came back.
*/
export function traceActions(
	store: Pick<Store, 'record'>,
	log: {write(line: string): void},
	now: () => number = Date.now,
): (preview: Preview, outcome: Outcome) => void {
	return (preview, outcome) => {
		log.write(actionLogLine(preview, outcome));
		store.record(actionEvent(preview, outcome, now()));
	};
}
