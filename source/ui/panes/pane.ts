import type {ClusterEvent, ClusterSnapshot} from '../../model/types.js';

/**
The contract between the TUI shell and its panes. A pane is data plus pure functions:
it turns the model's snapshot into pre-formatted rows; the shell does layout, scrolling,
filtering, sorting, highlighting of changed cells, and keys. No pane renders React itself,
so a frame of 10,000 rows costs one string per visible row.
*/

export type ViewId = 'health' | 'zookeeper' | 'brokers' | 'topics' | 'partitions' | 'groups' | 'group' | 'events';

/** A pane in the navigation stack and what it is about (the topic, the group). */
export type PaneRef = {view: ViewId; subject?: string};

/**
The consume view of a topic: not a pane (its rows stream from a consume session, not the
snapshot), but a place in the same stack, so Esc returns to where it was opened from. Each one
the reducer makes is a session of its own: opening the view again (`:consume`, `b`) reads anew.
*/
export type ConsumeRef = {
	view: 'consume';
	subject: string;
	/**
	Where reading starts, as typed after `:consume <topic>` (parseStartPosition's grammar, already
	checked): "beginning", "last:20", "-10m". Undefined: the default, the end (or, for the topic of
	`ktop consume <topic> --from …`, what that asked for).
	*/
	from?: string;
};

/** A place in the navigation stack. */
export type ViewRef = PaneRef | ConsumeRef;

/** Meaning, not colour: the shell maps tones to colours, and NO_COLOR still shows the text. */
export type Tone = 'ok' | 'warn' | 'bad' | 'dim' | 'accent' | 'plain';

export type Cell = {
	/** Already sanitized and human-formatted; may carry a visible marker (e.g. "2!" for out of ISR). */
	text: string;
	tone?: Tone;
	/** Value to sort by, when the text does not sort naturally (numbers, times, severities). */
	sort?: number | string;
};

export type Row = {
	/** Stable across refreshes: how the shell keeps the cursor and spots changed cells. */
	key: string;
	cells: Cell[];
	/** Tone for the whole row when a cell has none (e.g. a critical finding). */
	tone?: Tone;
	/** Where Enter goes from this row, if anywhere. */
	open?: ViewRef;
	/** The topic `c` consumes from this row, and topic actions act on, if any. */
	topic?: string;
	/** The partition of `topic` this row is (a partition row, a group's partition): prefilled in actions. */
	partition?: number;
	/** The consumer group group actions act on (a group row, a group's partition row). */
	group?: string;
	/** Text the `/` filter matches, when more than the visible cells should match. */
	search?: string;
};

export type Column = {
	title: string;
	/** Fixed width in characters, or 'flex' to share what is left (names, messages). */
	width: number | 'flex';
	/** Lower bound for a flex column. */
	minWidth?: number;
	align?: 'left' | 'right';
	/** The key that sorts by this column (shown in help): Shift+letter, e.g. 'N' for name. */
	sortKey?: string;
};

export type PaneContext = {
	snapshot: ClusterSnapshot;
	events: readonly ClusterEvent[];
	/** The topic or group a drill-down pane is about. */
	subject?: string;
	now: number;
};

export type Pane = {
	id: ViewId;
	/** Shown in breadcrumbs and the command line: "topics", "partitions of orders". */
	title(subject: string | undefined): string;
	/** `:` aliases that open this pane (drill-down panes have none). */
	aliases: string[];
	columns: Column[];
	rows(context: PaneContext): Row[];
	/** A line under the header with the pane's own summary (quorum, totals), if any. */
	summary?(context: PaneContext): string | undefined;
	/** Shown when rows() is empty: "no findings: the cluster looks healthy". */
	empty: string;
	/** Column index sorted by default, and direction. */
	defaultSort?: {column: number; descending: boolean};
};
