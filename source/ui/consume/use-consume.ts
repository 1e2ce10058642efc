import {type Dispatch, useCallback, useLayoutEffect, useMemo, useReducer, useRef, useState} from 'react';
import type {ConsumedRecord} from '../../model/consume-types.js';
import {sanitize} from '../../text/sanitize.js';
import type {Span} from '../header-lines.js';
import type {HintLayer} from '../help-text.js';
import {useThrottledVersion} from '../hooks/use-throttled-version.js';
import type {Keymap} from '../keymap.js';
import type {Column, ConsumeRef, Row} from '../panes/pane.js';
import {columnWidths} from '../table/column-widths.js';
import type {UiAction} from '../ui-state.js';
import {recordWindow} from './consume-state.js';
import {type DetailLine, recordDetail} from './record-detail.js';
import {recordColumns, recordRow} from './record-row.js';
import {noticeText, statusLine} from './status-line.js';
import {useConsumeKeys} from './use-consume-keys.js';
import {type ConsumeFactory, useConsumeSession} from './use-consume-session.js';
import {useConsumeViewState} from './use-consume-view-state.js';

export type ConsumeInput = {
	/** The consume view on top of the stack (its topic and start); undefined when another view shows (nothing is open then). */
	view: ConsumeRef | undefined;
	open: ConsumeFactory;
	/** The `/` filter typed for this view; the session applies it to held and arriving records. */
	filter: string;
	keymap: Keymap;
	/** Whether the view has the keys now (no help, no prompt over it), read at keypress time. */
	active: () => boolean;
	shellDispatch: Dispatch<UiAction>;
	width: number;
	/** Lines the view has: its status line, then the table (header and rows) or a record's detail. */
	height: number;
};

export type ConsumeView = {
	status: Span[];
	columns: readonly Column[];
	widths: number[];
	/** Only the rows on screen, formatted once per record. */
	visible: readonly Row[];
	cursor: number;
	/** The open record's detail lines on screen, if a detail is open. */
	detail: readonly DetailLine[] | undefined;
	/** Shown in place of rows when there are none. */
	empty: string;
	/** For the breadcrumbs: where the detail is, records matching and held, a message. */
	trailTail: string | undefined;
	shown: number;
	total: number | undefined;
	message: string | undefined;
	layer: HintLayer;
};

const noRecords: readonly ConsumedRecord[] = [];

/**
Everything the consume view shows, from the session (read when rendering, redrawn at most four
times a second however fast records arrive) and the view's state. Only the visible rows are
formatted; a record's detail is laid out once per record and width.
*/
export function useConsume({view, open, filter, keymap, active, shellDispatch, width, height}: ConsumeInput): ConsumeView | undefined {
	const {session, error: openError} = useConsumeSession(view, open);
	const subscribe = useMemo(() => session && ((listener: () => void) => session.subscribe(listener)), [session]);
	// Records that came between this render and the subscription (a quiet topic read from the
	// beginning may deliver everything then) would otherwise wait for a notification that never comes.
	const shown = useRef<{records: unknown; stats: unknown}>({records: undefined, stats: undefined});
	useThrottledVersion(subscribe, undefined, () => session?.getRecords() !== shown.current.records || session?.getStats() !== shown.current.stats);
	const [, redraw] = useReducer((count: number) => count + 1, 0);
	const {state, dispatch} = useConsumeViewState(view);

	const [filterError, setFilterError] = useState<string | undefined>();
	// Before paint, so the frame after a keystroke of the filter already shows what it matches.
	useLayoutEffect(() => {
		if (!session) return;
		try {
			session.setFilter(filter === '' ? undefined : filter);
			setFilterError(undefined);
		} catch (error) {
			// "Invalid regular expression: /[/i: Unterminated character class" (V8), "invalid filter /[/: …"
			// (the engine): the pattern is on screen already, the reason is what is worth the room.
			const reason = (error as Error).message.replace(/^(Invalid regular expression: |invalid filter )\/.*\/[a-z]*: /, '');
			const kept = session.getFilter();
			setFilterError(sanitize(`invalid regex (${reason}); ${kept === undefined ? 'showing all' : `kept /${kept}/`}`));
		}

		redraw();
	}, [session, filter]);

	const records = session?.getRecords() ?? noRecords;
	const stats = session?.getStats();
	shown.current = {records, stats};
	const columns = useMemo(() => recordColumns(width), [width]);
	const widths = useMemo(() => columnWidths(columns, width), [columns, width]);
	const rowsHeight = Math.max(0, height - 2);
	const detailHeight = Math.max(1, height - 1);
	const detailAll = useMemo(() => (state.detail ? recordDetail(state.detail.record, width) : undefined), [state.detail?.record, width]);
	const rendered = useRef({records, height: rowsHeight, detailLines: 0, detailHeight, detailOpen: false});
	rendered.current = {records, height: rowsHeight, detailLines: detailAll?.length ?? 0, detailHeight, detailOpen: detailAll !== undefined};
	useConsumeKeys({
		keymap, active, session, dispatch, shellDispatch, redraw,
		rendered: useCallback(() => rendered.current, []),
		rewind() {
			// The same topic in a new view from the beginning: its own session; the filter stays (it is the topic's).
			if (view) shellDispatch({type: 'consume', topic: view.subject, from: 'beginning'});
		},
	});

	if (view === undefined) return undefined;
	const {cursor, offset} = recordWindow(state, records, rowsHeight);
	const scroll = Math.min(state.detail?.scroll ?? 0, Math.max(0, (detailAll?.length ?? 0) - detailHeight));
	const detailRecord = state.detail?.record;
	return {
		status: stats
			? statusLine({stats, start: session!.start, follow: state.follow, newWhilePaused: Math.max(0, stats.receivedWhilePaused - state.pauseBase)})
			: [{text: openError ? 'not consuming' : 'opening…', tone: 'dim'}],
		columns,
		widths,
		visible: records.slice(offset, offset + rowsHeight).map(record => recordRow(record)),
		cursor: cursor - offset,
		detail: detailAll?.slice(scroll, scroll + detailHeight),
		empty: emptyText(session !== undefined, filter, stats?.paused ?? false),
		trailTail: detailRecord ? `p${detailRecord.partition} @ ${sanitize(detailRecord.offset)}` : undefined,
		shown: records.length,
		total: stats?.held,
		message: openError ? `cannot consume: ${sanitize(openError)}` : filterError ?? (stats ? noticeText(stats.partitions) : undefined),
		layer: detailAll ? 'detail' : 'consume',
	};
}

function emptyText(open: boolean, filter: string, paused: boolean): string {
	if (!open) return '';
	if (filter !== '') return 'no held record matches the filter (arriving records are checked too)';
	return paused ? 'paused: nothing held yet' : 'waiting for records…';
}
