import {useMemo, useRef} from 'react';
import type {ClusterEvent, ClusterSnapshot} from '../../model/types.js';
import {type PaneRegistry, viewTitle} from '../pane-registry.js';
import type {Column, Pane, Row, ViewRef} from '../panes/pane.js';
import {createChangeTracker} from '../table/change-tracker.js';
import {columnWidths} from '../table/column-widths.js';
import {viewRows} from '../table/view-rows.js';
import {cursorPosition, scrollOffset, type SortState, type UiState, viewKey, viewStateOf} from '../ui-state.js';
import {useClock} from './use-clock.js';
import {useRedrawAt} from './use-redraw-at.js';

export type PaneView = {
	ref: ViewRef | undefined;
	/** viewKey(ref): which view these rows belong to. */
	key: string;
	pane: Pane | undefined;
	/** Titles from the root of the breadcrumbs to here. */
	trail: string[];
	columns: readonly Column[];
	widths: number[];
	/** Filtered and sorted: what the cursor moves over. */
	rows: readonly Row[];
	keys: readonly string[];
	/** The rows on screen, and the cursor among them. */
	visible: readonly Row[];
	cursor: number;
	sort: SortState | undefined;
	filter: string;
	filterError: string | undefined;
	total: number;
	summary: string | undefined;
	/** A pane that threw: shown instead of crashing the operator's session. */
	paneError: string | undefined;
	changed(rowKey: string): ReadonlySet<number> | undefined;
};

export type PaneViewInput = {
	registry: PaneRegistry;
	snapshot: ClusterSnapshot | undefined;
	events: readonly ClusterEvent[];
	state: UiState;
	columns: number;
	bodyRows: number;
	now: () => number;
};

const noColumns: Column[] = [];
const noRows: Row[] = [];

/**
From the model and the UI state to exactly what one frame shows. The costly steps are memoised
on what they depend on: rows only when the snapshot (or the coarse clock, for "5m ago" cells)
changes, filter and sort only when those change, and only the visible slice is formatted.
*/
export function usePaneView({registry, snapshot, events, state, columns: width, bodyRows, now}: PaneViewInput): PaneView {
	const ref = state.stack.at(-1);
	// The consume view is not a pane: it has no rows here, only its place in the breadcrumbs.
	const pane = ref && ref.view !== 'consume' ? registry.panes[ref.view] : undefined;
	const key = ref ? viewKey(ref) : '';
	// Panes may print ages; ten seconds is fine-grained enough for "since" columns and cheap.
	const coarseNow = useClock(10_000, now);

	const all = useMemo(() => {
		if (!pane || !snapshot) return {rows: noRows, summary: undefined, error: undefined};
		const context = {snapshot, events, subject: ref?.subject, now: coarseNow};
		try {
			return {rows: pane.rows(context), summary: pane.summary?.(context), error: undefined};
		} catch (error) {
			return {rows: noRows, summary: undefined, error: `the ${pane.id} view failed: ${(error as Error).message}`};
		}
	}, [pane, snapshot, events, ref?.subject, coarseNow]);

	const tracker = useRef(createChangeTracker()).current;
	const observed = useRef<{key: string; snapshot: ClusterSnapshot | undefined}>({key: '', snapshot: undefined});
	// Once per new row set (not per render: a keypress must not compare 10,000 rows). Only a new
	// snapshot of the same view lights cells up; opening a view or a clock tick does not.
	useMemo(() => {
		const mark = observed.current.key === key && observed.current.snapshot !== snapshot;
		tracker.observe(key, all.rows, now(), mark);
		observed.current = {key, snapshot};
	}, [all, key]);

	const view = viewStateOf(state, ref);
	const sort = view.sort ?? pane?.defaultSort;
	// By the sort's fields: the pane's defaultSort object is the same each time, a state's may not be.
	const shown = useMemo(() => viewRows(all.rows, view.filter, sort), [all, view.filter, sort?.column, sort?.descending]);
	const keys = useMemo(() => shown.rows.map(row => row.key), [shown]);
	const columns = pane?.columns ?? noColumns;
	const widths = useMemo(() => columnWidths(columns, width), [columns, width]);

	const cursor = cursorPosition(view, keys);
	const offset = scrollOffset(view.offset, cursor, bodyRows, keys.length);
	const visible = shown.rows.slice(offset, offset + bodyRows);
	const at = now();
	useRedrawAt(tracker.nextExpiry(key, at), now);

	return {
		ref,
		key,
		pane,
		trail: state.stack.map(entry => viewTitle(registry, entry)),
		columns,
		widths,
		rows: shown.rows,
		keys,
		visible,
		cursor: keys.length === 0 ? -1 : cursor - offset,
		sort,
		filter: view.filter,
		filterError: shown.filterError,
		total: all.rows.length,
		summary: all.summary,
		paneError: all.error,
		changed: rowKey => tracker.changed(key, rowKey, at),
	};
}
