import type {ActionId, ActionSpec, ActionSubject, Outcome, PlanResult, Preview} from '../../model/actions/types.js';

/**
An action's dialog as a pure reducer over a discriminated union (ink-ui's use-select-state
shape): form → planning → preview (with the typed confirmation) → applying → outcome. It never
calls the spec: the input hook does, and hands the results back as actions carrying the ticket
it started them with, so a result for a phase the operator already left (Esc while planning, a
dialog closed and opened again) matches nothing and is dropped here.
*/

/** The info block read when the form opens: its failure is shown in its place, the form still works. */
export type InfoState =
	| {status: 'none'}
	| {status: 'loading'; ticket: number}
	| {status: 'loaded'; lines: readonly string[]}
	| {status: 'failed'; error: string};

type Common = {
	id: ActionId;
	subject: ActionSubject;
	spec: ActionSpec;
	/** Every field's text, kept through plan errors and a return from the preview. */
	values: Readonly<Record<string, string>>;
	focus: number;
	info: InfoState;
	/** First line shown of what scrolls: the info block in the form, the preview's or outcome's lines after. */
	scroll: number;
};

export type DialogState =
	| Common & {phase: 'form'; errors: readonly string[]}
	| Common & {phase: 'planning'; ticket: number}
	/** `typed`: what the operator typed to confirm; `mismatch`: Enter was pressed on a wrong name. */
	| Common & {phase: 'preview'; preview: Preview; typed: string; mismatch: boolean}
	| Common & {phase: 'applying'; preview: Preview; ticket: number}
	| Common & {phase: 'outcome'; preview: Preview; outcome: Outcome};

export type DialogPhase = DialogState['phase'];

export type DialogAction =
	| {type: 'focus'; step: 1 | -1}
	| {type: 'choose'; step: 1 | -1}
	| {type: 'type'; text: string}
	| {type: 'erase'}
	/** `max`: the last first-line that still fills the window (the view knows its height). */
	| {type: 'scroll'; by: number; max: number}
	/** Enter: the next field, else plan (with `ticket`); on the preview, apply (with `ticket`) if confirmed. */
	| {type: 'enter'; ticket: number}
	| {type: 'info'; ticket: number; result: {lines: readonly string[]} | {error: string}}
	| {type: 'planned'; ticket: number; result: PlanResult}
	| {type: 'applied'; ticket: number; outcome: Outcome}
	/** Esc: from the preview or planning back to the form; from the form or the outcome, close. Applying waits. */
	| {type: 'back'};

export function openDialog(id: ActionId, subject: ActionSubject, spec: ActionSpec, infoTicket: number | undefined): DialogState {
	return {
		id, subject, spec,
		values: Object.fromEntries(spec.fields.map(field => [field.id, field.initial])),
		focus: 0,
		info: infoTicket === undefined ? {status: 'none'} : {status: 'loading', ticket: infoTicket},
		scroll: 0,
		phase: 'form',
		errors: [],
	};
}

/** Whether Enter on the preview applies: no name to type, or the name typed exactly. */
export function confirmed(state: DialogState): boolean {
	return state.phase === 'preview' && (state.preview.typed === undefined || state.typed === state.preview.typed);
}

/** The next state; undefined when the dialog closes. */
export function dialogReducer(state: DialogState, action: DialogAction): DialogState | undefined {
	switch (action.type) {
		case 'info': {
			if (state.info.status !== 'loading' || state.info.ticket !== action.ticket) return state;
			const info: InfoState = 'error' in action.result ? {status: 'failed', error: action.result.error} : {status: 'loaded', lines: action.result.lines};
			return {...state, info};
		}

		case 'planned': {
			if (state.phase !== 'planning' || state.ticket !== action.ticket) return state;
			if (!action.result.ok) return {...form(state), errors: action.result.errors};
			return {...state, phase: 'preview', preview: action.result.preview, typed: '', mismatch: false, scroll: 0};
		}

		case 'applied': {
			if (state.phase !== 'applying' || state.ticket !== action.ticket) return state;
			return {...state, phase: 'outcome', outcome: action.outcome, scroll: 0};
		}

		case 'back': {
			if (state.phase === 'form' || state.phase === 'outcome') return undefined;
			// The write is on its way: leaving now would hide whether it happened.
			if (state.phase === 'applying') return state;
			return form(state);
		}

		case 'scroll': return {...state, scroll: Math.max(0, Math.min(action.max, state.scroll + action.by))};
		case 'enter': return enter(state, action.ticket);
		case 'focus': {
			const count = state.spec.fields.length;
			if (state.phase !== 'form' || count === 0) return state;
			return {...state, focus: (state.focus + action.step + count) % count};
		}

		case 'choose': {
			const field = focused(state);
			if (state.phase !== 'form' || !field?.choices || field.choices.length === 0) return state;
			const {choices} = field;
			const index = choices.indexOf(state.values[field.id] ?? '');
			// A value that is not among the choices (should not happen) starts from the first.
			const next = index < 0 ? 0 : (index + action.step + choices.length) % choices.length;
			return withValue(state, field.id, choices[next]!);
		}

		case 'type': {
			if (state.phase === 'preview') return state.preview.typed === undefined ? state : {...state, typed: state.typed + action.text, mismatch: false};
			const field = focused(state);
			if (state.phase !== 'form' || !field || field.choices) return state;
			return withValue(state, field.id, (state.values[field.id] ?? '') + action.text);
		}

		case 'erase': {
			if (state.phase === 'preview') return {...state, typed: [...state.typed].slice(0, -1).join(''), mismatch: false};
			const field = focused(state);
			if (state.phase !== 'form' || !field || field.choices) return state;
			return withValue(state, field.id, [...state.values[field.id] ?? ''].slice(0, -1).join(''));
		}
	}
}

function enter(state: DialogState, ticket: number): DialogState | undefined {
	switch (state.phase) {
		case 'form': {
			if (state.focus < state.spec.fields.length - 1) return {...state, focus: state.focus + 1};
			return {...common(state), phase: 'planning', ticket};
		}

		case 'preview': {
			if (!confirmed(state)) return {...state, mismatch: true};
			return {...common(state), phase: 'applying', preview: state.preview, ticket, scroll: state.scroll};
		}

		case 'outcome': return undefined;
		default: return state;
	}
}

/** Back to the form, values and focus as they were; the info block scrolls from its top again. */
function form(state: DialogState): DialogState & {phase: 'form'} {
	return {...common(state), phase: 'form', errors: [], scroll: 0};
}

function common(state: DialogState): Common {
	const {id, subject, spec, values, focus, info, scroll} = state;
	return {id, subject, spec, values, focus, info, scroll};
}

function focused(state: DialogState) {
	return state.spec.fields[state.focus];
}

function withValue(state: DialogState, id: string, value: string): DialogState {
	return {...state, values: {...state.values, [id]: value}};
}
