import {buildSnapshot, type SnapshotInput} from './build-snapshot.js';
import {diff, type DiffOptions} from './diff.js';
import {failedSources, missingEvidence} from './finding-evidence.js';
import {createFindingTracker, type Hold} from './finding-tracker.js';
import {findingsFor, type HealthOptions} from './health.js';
import {defaultLagRules, evaluateLag, type LagRules} from './lag-status.js';
import {createLagWindows} from './lag-window.js';
import {sameData} from './same-data.js';
import type {ClusterEvent, ClusterSnapshot, FindingCode, SourceStale} from './types.js';

export type StoreOptions = {
	/** Events kept; the oldest go first. Default 1000. */
	historyLimit?: number;
	/** Commits kept per group partition for lag status. Default 10, Burrow's. */
	lagWindowSize?: number;
	lagRules?: LagRules;
	health?: HealthOptions;
	holds?: Partial<Record<FindingCode, Hold>>;
	diff?: DiffOptions;
	/** The clock for `recordError` when no time is given. */
	now?: () => number;
};

/**
The last refresh failed, or a whole source in it did (`sources`): the snapshot shown is older than
it looks. `since` is the earliest failure, `error` names each source and why.
*/
export type Stale = {since: number; error: string; sources?: SourceStale[]};

/** Sources whose failure leaves a whole side of the cluster unread; their error entries carry exactly these names. */
const wholeSources = ['zookeeper', 'kafka'];

export type Store = {
	/** Takes one refresh's reads: builds the snapshot, judges lag, tracks findings, records what changed. */
	update(input: SnapshotInput): void;
	/** A refresh that failed outright: the last snapshot stays, marked stale. */
	recordError(error: unknown, at?: number): void;
	/**
	An event no diff can see, such as a write ktop applied: goes to the front of the same bounded
	timeline, and notifies.
	*/
	record(event: ClusterEvent): void;
	getSnapshot(): ClusterSnapshot | undefined;
	getStale(): Stale | undefined;
	/** Newest first, by arrival: a refresh's events in the order diff gives, a recorded one alone. Same array until it changes. */
	getEvents(): readonly ClusterEvent[];
	/** Listeners run only when something an operator could see changed; returns the unsubscribe. */
	subscribe(listener: () => void): () => void;
};

/**
The latest snapshot and the timeline, and the one place where history lives: lag windows,
finding first-seen times, the previous snapshot to diff against.

Listeners are told when a refresh produced events, or when anything in the snapshot other
than `takenAt` differs from the last one (watermarks and lag included: panes show them), or
when the store became stale, fresh again, or stale for a different reason, or when an event was
recorded (ktop's own writes: the diff sees their effect later, not who made it). A refresh that
finds the cluster exactly as it was notifies nobody, so an idle cluster costs the UI nothing.
*/
export function createStore(options: StoreOptions = {}): Store {
	const historyLimit = Math.max(0, options.historyLimit ?? 1000);
	const now = options.now ?? Date.now;
	const windows = createLagWindows({size: options.lagWindowSize});
	const tracker = createFindingTracker({holds: options.holds});
	const listeners = new Set<() => void>();
	let snapshot: ClusterSnapshot | undefined;
	let stale: Stale | undefined;
	let shownStale: Stale | undefined;
	let events: readonly ClusterEvent[] = [];

	const notify = () => {
		let failure: unknown;
		for (const listener of [...listeners]) {
			try {
				listener();
			} catch (error) {
				// Every listener hears of the change; the first failure is then reported to the caller.
				failure ??= error;
			}
		}

		if (failure !== undefined) throw failure;
	};

	const prepend = (newer: readonly ClusterEvent[]) => {
		if (newer.length > 0 && historyLimit > 0) events = [...newer.slice(0, historyLimit), ...events].slice(0, historyLimit);
	};

	return {
		update(input) {
			const base = buildSnapshot(input);
			// Without the brokers' answer there are no groups to judge; keep the windows for when they return.
			if (input.kafka) windows.record(base.groups, base.takenAt);
			const groups = evaluateLag(base.groups, windows, base.takenAt, options.lagRules ?? defaultLagRules);
			const judged = {...base, groups};
			const failed = failedSources(judged);
			// Brokers-only, a check that could not run holds its finding rather than clearing it.
			const unjudged = new Set((judged.notJudged ?? []).map(entry => entry.code));
			const sources = staleSources(judged, snapshot?.stale);
			const next: ClusterSnapshot = {
				...judged,
				findings: tracker.track(findingsFor(judged, options.health), base.takenAt, finding => (unjudged.has(finding.code) ? 'zookeeper' : missingEvidence(finding, failed))),
				...(sources.length > 0 ? {stale: sources} : {}),
			};
			const happened = diff(snapshot, next, options.diff);
			const changed = snapshot === undefined || happened.length > 0 || stale !== undefined
				|| !sameData({...snapshot, takenAt: 0}, {...next, takenAt: 0});
			snapshot = next;
			stale = undefined;
			shownStale = combineStale(stale, next.stale, shownStale);
			prepend(happened);
			if (changed) notify();
		},
		record(event) {
			if (historyLimit === 0) return;
			prepend([event]);
			notify();
		},
		recordError(error, at = now()) {
			const message = error instanceof Error ? error.message : String(error);
			if (stale?.error === message) return;
			stale = {since: stale?.since ?? at, error: message};
			shownStale = combineStale(stale, snapshot?.stale, shownStale);
			notify();
		},
		getSnapshot: () => snapshot,
		getStale: () => shownStale,
		getEvents: () => events,
		subscribe(listener) {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
	};
}

/** Each whole source that failed in this refresh, since when it first failed in a row, and why. */
function staleSources(snapshot: ClusterSnapshot, before: readonly SourceStale[] | undefined): SourceStale[] {
	return wholeSources.flatMap(source => {
		const messages = snapshot.errors.filter(error => error.source === source).map(error => error.message);
		if (messages.length === 0) return [];
		return [{source, since: before?.find(entry => entry.source === source)?.since ?? snapshot.takenAt, error: messages.join('; ')}];
	});
}

/** What the header shows: a failed refresh, else the sources that failed; the same object while nothing changed. */
function combineStale(refresh: Stale | undefined, sources: readonly SourceStale[] | undefined, shown: Stale | undefined): Stale | undefined {
	let next: Stale | undefined;
	if (refresh) {
		next = refresh;
	} else if (sources && sources.length > 0) {
		next = {
			since: Math.min(...sources.map(entry => entry.since)),
			error: sources.map(entry => `${entry.source}: ${entry.error}`).join('; '),
			sources: [...sources],
		};
	}

	if (next && shown && next.since === shown.since && next.error === shown.error) return shown;
	return next;
}
