import type {Row} from '../panes/pane.js';

/** How long a changed cell stays highlighted after the refresh that changed it. */
export const highlightMs = 2000;

export type ChangeTracker = {
	/**
	Takes the rows of one view after a refresh. With `mark`, cells whose text differs from what
	the same row (by key) showed before are highlighted from `at`; without it (the view just
	opened, or only the clock moved) the texts are remembered and nothing lights up.
	*/
	observe(view: string, rows: readonly Row[], at: number, mark: boolean): void;
	/** Cell indexes of `rowKey` still highlighted at `at`, if any. */
	changed(view: string, rowKey: string, at: number): ReadonlySet<number> | undefined;
	/** When the next highlight in `view` ends, so the view can redraw then; undefined if none. */
	nextExpiry(view: string, at: number): number | undefined;
};

type ViewMemory = {
	texts: Map<string, string[]>;
	/** Row key -> cell index -> when it changed. Only rows with a live highlight have an entry. */
	changedAt: Map<string, Map<number, number>>;
};

/**
Remembers what each row's cells said, per view and by row key (as k9s' table data classifies
rows as added / updated with per-cell deltas), so a leader move or an ISR shrink is noticed.
Comparing is one string comparison per cell per refresh; a refresh that changes nothing costs no
allocation beyond the new text arrays. Views are few (one per pane and drilled subject), so
memory is bounded by what the operator opened.
*/
export function createChangeTracker(holdMs = highlightMs): ChangeTracker {
	const views = new Map<string, ViewMemory>();

	const prune = (memory: ViewMemory, at: number) => {
		for (const [key, cells] of memory.changedAt) {
			for (const [index, since] of cells) if (at - since >= holdMs) cells.delete(index);
			if (cells.size === 0) memory.changedAt.delete(key);
		}
	};

	return {
		observe(view, rows, at, mark) {
			let memory = views.get(view);
			if (!memory) {
				memory = {texts: new Map(), changedAt: new Map()};
				views.set(view, memory);
				mark = false;
			}

			prune(memory, at);
			const texts = new Map<string, string[]>();
			for (const row of rows) {
				const now = row.cells.map(cell => cell.text);
				texts.set(row.key, now);
				const before = memory.texts.get(row.key);
				if (!mark || !before) continue;
				for (const [index, text] of now.entries()) {
					if (before[index] === text) continue;
					const cells = memory.changedAt.get(row.key) ?? new Map<number, number>();
					cells.set(index, at);
					memory.changedAt.set(row.key, cells);
				}
			}

			memory.texts = texts;
		},
		changed(view, rowKey, at) {
			const cells = views.get(view)?.changedAt.get(rowKey);
			if (!cells) return undefined;
			const live = new Set([...cells].filter(([, since]) => at - since < holdMs).map(([index]) => index));
			return live.size > 0 ? live : undefined;
		},
		nextExpiry(view, at) {
			let next: number | undefined;
			for (const cells of views.get(view)?.changedAt.values() ?? []) {
				for (const since of cells.values()) {
					const end = since + holdMs;
					if (end > at && (next === undefined || end < next)) next = end;
				}
			}

			return next;
		},
	};
}
