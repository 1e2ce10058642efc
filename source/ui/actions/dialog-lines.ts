import type {ActionTarget, FieldSpec, Outcome} from '../../model/actions/types.js';
import {sanitize} from '../../text/sanitize.js';
import type {Tone} from '../panes/pane.js';
import {textWidth} from '../../text/text-width.js';
import {truncateStart} from '../table/fit-text.js';
import {wrapWords} from '../table/wrap-text.js';
import type {DialogState} from './action-dialog-state.js';

/** A styled run; every run's meaning is in its words too, so nothing is lost without colour. */
export type DialogSpan = {text: string; tone?: Tone; bold?: boolean; inverse?: boolean};
export type DialogLine = DialogSpan[];

export type DialogLayout = {
	/** At most the height given: one terminal line each (sentences wrapped onto more, table-like lines cut at the edge). */
	lines: DialogLine[];
	/** What scrolls (the info block, the preview's or outcome's lines): the last first-line, and a page. */
	scrollMax: number;
	page: number;
};

/** How the keymap writes the keys the dialog's own sentences name ("Enter", "Esc"). */
export type DialogKeyLabels = {enter: string; back: string};

/**
A dialog in parts: head and tail stay put, the body scrolls in what is left between them. When
even the tail does not fit, the line at `anchor` stays in view (the focused field, the confirmation).
*/
type Parts = {head: DialogLine[]; body: DialogLine[]; tail: DialogLine[]; anchor: number};

const cursor: DialogSpan = {text: ' ', inverse: true};
const line = (text: string, style: Omit<DialogSpan, 'text'> = {}): DialogLine => [{text, ...style}];
const blank: DialogLine = line('');

/**
A sentence that must be read whole (a warning, an error, an outcome) on as many lines as it takes
at `width`, after its `mark` ("! ", "✗ "); the lines after the first are indented under its text
(or, without a mark, two columns in from its own indent). Already sanitized.
*/
function wrapped(text: string, width: number, style: Omit<DialogSpan, 'text'>, mark = ''): DialogLine[] {
	const hang = mark === '' ? /^ */.exec(text)![0].length + 2 : textWidth(mark);
	const room = Math.max(1, width - hang);
	return wrapWords(text, width - textWidth(mark), room).map((part, index) => line(index === 0 ? mark + part : ' '.repeat(hang) + part, style));
}

/**
The dialog laid out in `height` lines of `width` columns: the title (and, once there is a plan,
who it writes to) on top; what is long (info, preview lines, outcome lines) in a window that
scrolls; fields, warnings and the confirmation below it, always in view. Every text from the
cluster, the action or the operator goes through sanitize() here.
*/
export function dialogLayout(state: DialogState, width: number, height: number, keys: DialogKeyLabels): DialogLayout {
	const parts = state.phase === 'form' || state.phase === 'planning' ? formParts(state, width, keys) : planParts(state, width, keys);
	return fit(parts, Math.max(1, height), state.scroll);
}

function formParts(state: DialogState & {phase: 'form' | 'planning'}, width: number, keys: DialogKeyLabels): Parts {
	const {spec} = state;
	const head = [line(sanitize(spec.title), {bold: true})];
	const body = infoLines(state, width);
	const labelWidth = Math.min(24, Math.max(0, ...spec.fields.map(field => textWidth(sanitize(field.label)))));
	const fields = spec.fields.map((field, index) => fieldLine(field, state.values[field.id] ?? '', index === state.focus && state.phase === 'form', labelWidth, width));
	const status = state.phase === 'planning'
		? [line('checking…', {tone: 'dim'})]
		: state.errors.flatMap(error => wrapped(sanitize(error), width, {tone: 'bad'}, '✗ '));
	const empty = spec.fields.length === 0 && state.phase === 'form' ? [line(`nothing to fill in: ${keys.enter} shows what it will do`, {tone: 'dim'})] : [];
	const before = body.length > 0 ? [blank] : [];
	return {head, body, tail: [...before, ...fields, ...empty, ...status], anchor: before.length + Math.min(state.focus, Math.max(0, fields.length - 1))};
}

function infoLines(state: DialogState, width: number): DialogLine[] {
	switch (state.info.status) {
		case 'none': return [];
		case 'loading': return [line('reading…', {tone: 'dim'})];
		case 'failed': return wrapped(`could not read: ${sanitize(state.info.error)}`, width, {tone: 'bad'});
		case 'loaded': return state.info.lines.map(text => line(sanitize(text)));
	}
}

/** "› Partitions  12█  1-10000": the focused field marked and with a cursor; a choice as ‹ value ›. */
function fieldLine(field: FieldSpec, value: string, focused: boolean, labelWidth: number, width: number): DialogLine {
	const label = sanitize(field.label);
	const spans: DialogLine = [
		{text: focused ? '› ' : '  ', tone: 'accent'},
		{text: `${label}${' '.repeat(Math.max(0, labelWidth - textWidth(label)))}  `, bold: focused},
	];
	const shown = sanitize(value);
	if (field.choices) {
		spans.push({text: `‹ ${shown} ›`, ...(focused ? {tone: 'accent' as const, bold: true} : {})});
	} else {
		// A long value shows its end, where the cursor is: the start is what was typed first.
		const room = Math.max(4, width - labelWidth - 6);
		spans.push({text: truncateStart(shown, room)});
		if (focused) spans.push(cursor);
	}

	if (field.hint) spans.push({text: `  ${sanitize(field.hint)}`, tone: 'dim'});
	return spans;
}

/**
The preview's lines are cut at the edge (they are tables: a wrapped row would break the columns);
warnings, the mismatch and the outcome's lines wrap, so no reason is lost to the edge.
*/
function planParts(state: DialogState & {phase: 'preview' | 'applying' | 'outcome'}, width: number, keys: DialogKeyLabels): Parts {
	const {preview} = state;
	const head = [line(sanitize(preview.title), {bold: true}), targetLine(preview.target)];
	if (state.phase === 'outcome') {
		return {head: [...head, outcomeLine(state.outcome)], body: state.outcome.lines.flatMap(text => wrapped(sanitize(text), width, {})), tail: [], anchor: 0};
	}

	const body = preview.lines.map(text => line(sanitize(text)));
	const warnings = preview.warnings.flatMap(text => wrapped(sanitize(text), width, {tone: 'warn'}, '! '));
	const tail = [...(warnings.length > 0 ? [blank, ...warnings] : []), blank, ...confirmLines(state, width, keys)];
	return {head, body, tail, anchor: tail.length - 1};
}

/** Who the write goes to, in every preview and outcome: nobody deletes a topic on the wrong cluster. */
function targetLine(target: ActionTarget): DialogLine {
	return [
		{text: 'cluster ', tone: 'dim'},
		{text: target.clusterId === undefined ? '(id unknown)' : sanitize(target.clusterId), tone: 'accent', bold: true},
		{text: ' · ', tone: 'dim'},
		{text: sanitize(target.connection), tone: 'accent'},
	];
}

function confirmLines(state: DialogState & {phase: 'preview' | 'applying'}, width: number, keys: DialogKeyLabels): DialogLine[] {
	if (state.phase === 'applying') return [line('applying…', {tone: 'accent', bold: true})];
	const name = state.preview.typed;
	if (name === undefined) return [line(`${keys.enter} applies it; ${keys.back} goes back to the form`, {tone: 'dim'})];
	const prompt: DialogLine = [{text: 'type '}, {text: sanitize(name), bold: true}, {text: ' to confirm: '}, {text: sanitize(state.typed)}, cursor];
	if (!state.mismatch) return [prompt];
	return [prompt, ...wrapped(`that does not match ${sanitize(name)}: nothing was done`, width, {tone: 'bad'})];
}

const outcomeWords: Record<Outcome['status'], {text: string; tone: Tone}> = {
	applied: {text: 'applied', tone: 'ok'},
	partial: {text: 'partly applied: some parts failed (below)', tone: 'warn'},
	failed: {text: 'failed', tone: 'bad'},
};

function outcomeLine(outcome: Outcome): DialogLine {
	const {text, tone} = outcomeWords[outcome.status];
	return line(text, {tone, bold: true});
}

/**
Head first, then the tail (fields and errors, or warnings and the confirmation), cut around its
anchor when it must be, then as much of the body as is left, with a line saying where the window
is when it does not show everything.
*/
function fit({head, body, tail, anchor}: Parts, height: number, scroll: number): DialogLayout {
	const top = head.slice(0, height);
	let room = height - top.length;
	// The body keeps one line when there is any, so the operator sees there is something to scroll.
	const tailRoom = Math.max(0, room - (body.length > 0 ? 1 : 0));
	const from = Math.max(0, anchor - tailRoom + 1);
	const bottom = tail.length <= tailRoom ? tail : tail.slice(from, from + tailRoom);
	room -= bottom.length;
	if (body.length <= room) return {lines: [...top, ...body, ...bottom], scrollMax: 0, page: Math.max(1, room)};
	// One line says where the window is, when there is room for a window as well.
	const window = room > 1 ? room - 1 : room;
	const scrollMax = Math.max(0, body.length - Math.max(1, window));
	const offset = Math.min(scroll, scrollMax);
	const shown = body.slice(offset, offset + window);
	const where = room > 1 ? [line(`lines ${offset + 1}-${offset + shown.length} of ${body.length}`, {tone: 'dim'})] : [];
	return {lines: [...top, ...shown, ...where, ...bottom], scrollMax, page: Math.max(1, window)};
}
