import type {ConsumedRecord} from '../../model/consume-types.js';
import {type Motion, scrollOffset} from '../ui-state.js';

/**
The consume view's own state, as a pure reducer (ink-ui's use-select-state shape). Positions
are record seqs, not indexes: the ring buffer drops old records and appends new ones, and a seq
keeps the cursor on its record through both (records are held oldest first, so seqs ascend and
a lookup is a binary search).
*/
export type ConsumeViewState = {
	/** The cursor stays on the newest record, and the window at the bottom. */
	follow: boolean;
	/** The record under the cursor when not following; if it left the buffer, the oldest held. */
	cursorSeq: number | undefined;
	/** The first visible record when not following. */
	topSeq: number | undefined;
	/** The record whose detail is open (kept even if it leaves the buffer), and the detail's scroll. */
	detail: {record: ConsumedRecord; scroll: number} | undefined;
	/**
	The session's receivedWhilePaused when this pause began: it counts over every pause, and
	"PAUSED (+N new)" means new since this one.
	*/
	pauseBase: number;
};

export const initialConsumeViewState: ConsumeViewState = {follow: true, cursorSeq: undefined, topSeq: undefined, detail: undefined, pauseBase: 0};

/** What the rows on screen were: moves act on those, not on records that arrived since. */
export type RecordPage = {records: readonly ConsumedRecord[]; height: number};

export type ConsumeViewAction =
	| ({type: 'move'; motion: Motion} & RecordPage)
	| ({type: 'toggleFollow'} & RecordPage)
	| ({type: 'openDetail'} & RecordPage)
	| {type: 'closeDetail'}
	| {type: 'paused'; receivedWhilePaused: number}
	| {type: 'scrollDetail'; motion: Motion; lines: number; height: number};

/** Index of the first record whose seq is at least `seq`. */
export function seqIndex(records: readonly ConsumedRecord[], seq: number): number {
	let low = 0;
	let high = records.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (records[middle]!.seq < seq) low = middle + 1;
		else high = middle;
	}

	return low;
}

/** Where the cursor is among `records` and which one is first on screen (-1 and 0 when there are none). */
export function recordWindow(state: ConsumeViewState, records: readonly ConsumedRecord[], height: number): {cursor: number; offset: number} {
	const count = records.length;
	if (count === 0) return {cursor: -1, offset: 0};
	const page = Math.max(1, height);
	if (state.follow) return {cursor: count - 1, offset: Math.max(0, count - page)};
	const cursor = Math.min(count - 1, state.cursorSeq === undefined ? count - 1 : seqIndex(records, state.cursorSeq));
	const top = state.topSeq === undefined ? cursor : seqIndex(records, state.topSeq);
	return {cursor, offset: scrollOffset(top, cursor, page, count)};
}

export function consumeViewReducer(state: ConsumeViewState, action: ConsumeViewAction): ConsumeViewState {
	switch (action.type) {
		case 'move': return move(state, action);
		case 'toggleFollow': {
			if (!state.follow) return {...state, follow: true};
			// Following off freezes the window where it is: the newest record at the bottom.
			return {...state, ...pinned(state, action, recordWindow(state, action.records, action.height).cursor)};
		}

		case 'openDetail': {
			const {cursor} = recordWindow(state, action.records, action.height);
			const record = action.records[cursor];
			return record ? {...state, detail: {record, scroll: 0}} : state;
		}

		case 'closeDetail': return {...state, detail: undefined};
		case 'paused': return {...state, pauseBase: action.receivedWhilePaused};
		case 'scrollDetail': {
			if (!state.detail) return state;
			const page = Math.max(1, action.height);
			const last = Math.max(0, action.lines - page);
			const from = state.detail.scroll;
			const target = {up: from - 1, down: from + 1, pageUp: from - page, pageDown: from + page, top: 0, bottom: last}[action.motion];
			return {...state, detail: {...state.detail, scroll: Math.max(0, Math.min(last, target))}};
		}
	}
}

/**
Up, page up and top leave the newest record, so they turn follow off (as scrolling back in
`less +F` does); bottom ("last row") goes back to the newest and follows again. Down and page
down never turn follow on by themselves: `f` or G does.
*/
function move(state: ConsumeViewState, action: {motion: Motion} & RecordPage): ConsumeViewState {
	const {records, height, motion} = action;
	if (records.length === 0) return state;
	if (motion === 'bottom') return {...state, follow: true};
	const page = Math.max(1, height);
	const from = recordWindow(state, records, height).cursor;
	if (state.follow && (motion === 'down' || motion === 'pageDown')) return state;
	const target = {up: from - 1, down: from + 1, pageUp: from - page, pageDown: from + page, top: 0}[motion];
	return {...state, ...pinned(state, action, Math.max(0, Math.min(records.length - 1, target)))};
}

/** Cursor at `index`, the window moved only as far as needed to show it, both held as seqs. */
function pinned(state: ConsumeViewState, {records, height}: RecordPage, index: number): Pick<ConsumeViewState, 'follow' | 'cursorSeq' | 'topSeq'> {
	const current = recordWindow(state, records, height);
	const offset = scrollOffset(current.offset, index, Math.max(1, height), records.length);
	return {follow: false, cursorSeq: records[index]?.seq, topSeq: records[offset]?.seq};
}
