import {describe, expect, it} from 'vitest';
import {confirmed, type DialogAction, dialogReducer, type DialogState, openDialog} from '../../../source/ui/actions/action-dialog-state.js';
import {scriptedPreview, scriptedSpec} from './fake-actions.js';
import {fields} from './dialog-setup.js';

const opened = (info?: number) => openDialog('createTopic', {}, scriptedSpec({fields}).spec, info);

/** Applies actions in order; fails the test if the dialog closes on the way. */
function run(state: DialogState, ...actions: DialogAction[]): DialogState {
	return actions.reduce((current, action) => {
		const next = dialogReducer(current, action);
		if (!next) throw new Error(`closed by ${action.type}`);
		return next;
	}, state);
}

const preview = (typed?: string) => scriptedPreview({typed}).preview;

describe('the dialog reducer', () => {
	it('opens on the form with each field\'s initial value, the first focused, the info loading under its ticket', () => {
		const state = opened(7);
		expect(state).toMatchObject({phase: 'form', focus: 0, values: {name: '', partitions: '3', cleanup: 'delete'}, info: {status: 'loading', ticket: 7}, errors: []});
		expect(opened().info).toEqual({status: 'none'});
	});

	it('types and erases in text fields only, by character (not UTF-16 unit)', () => {
		const state = run(opened(), {type: 'type', text: 'ü'}, {type: 'type', text: '😀'}, {type: 'erase'});
		expect(state.values.name).toBe('ü');
		const choice = run(state, {type: 'focus', step: -1}, {type: 'type', text: 'x'}, {type: 'erase'});
		expect(choice.values.cleanup).toBe('delete');
	});

	it('cycles choices both ways, and starts from the first when the value is not one of them', () => {
		const onChoice = run(opened(), {type: 'focus', step: -1});
		expect(run(onChoice, {type: 'choose', step: 1}).values.cleanup).toBe('compact');
		expect(run(onChoice, {type: 'choose', step: -1}).values.cleanup).toBe('delete,compact');
		expect(run({...onChoice, values: {...onChoice.values, cleanup: 'bogus'}}, {type: 'choose', step: 1}).values.cleanup).toBe('delete');
		// On a text field it does nothing.
		const onText = opened();
		expect(run(onText, {type: 'choose', step: 1})).toBe(onText);
	});

	it('Enter walks the fields, then plans under the ticket it is given; only that ticket\'s answer counts', () => {
		const planning = run(opened(), {type: 'enter', ticket: 1}, {type: 'enter', ticket: 2}, {type: 'enter', ticket: 3});
		expect(planning).toMatchObject({phase: 'planning', ticket: 3});
		expect(run(planning, {type: 'planned', ticket: 2, result: {ok: false, errors: ['stale']}})).toBe(planning);
		const failed = run(planning, {type: 'planned', ticket: 3, result: {ok: false, errors: ['bad']}});
		expect(failed).toMatchObject({phase: 'form', errors: ['bad'], focus: 2, values: planning.values});
		const previewing = run(planning, {type: 'planned', ticket: 3, result: {ok: true, preview: preview('orders')}});
		expect(previewing).toMatchObject({phase: 'preview', typed: '', mismatch: false, scroll: 0});
	});

	it('applies only once the name is typed exactly; a wrong Enter marks the mismatch until the next key', () => {
		const previewing = run(opened(), {type: 'enter', ticket: 1}, {type: 'enter', ticket: 1}, {type: 'enter', ticket: 1},
			{type: 'planned', ticket: 1, result: {ok: true, preview: preview('orders')}});
		const wrong = run(previewing, {type: 'type', text: 'order'}, {type: 'enter', ticket: 2});
		expect(wrong).toMatchObject({phase: 'preview', mismatch: true});
		expect(confirmed(wrong)).toBe(false);
		const right = run(wrong, {type: 'type', text: 's'});
		expect(right).toMatchObject({mismatch: false, typed: 'orders'});
		expect(confirmed(right)).toBe(true);
		const applying = run(right, {type: 'enter', ticket: 4});
		expect(applying).toMatchObject({phase: 'applying', ticket: 4});
		expect(run(applying, {type: 'applied', ticket: 3, outcome: {status: 'applied', lines: []}})).toBe(applying);
		expect(run(applying, {type: 'back'})).toBe(applying);
		const done = run(applying, {type: 'applied', ticket: 4, outcome: {status: 'partial', lines: ['p1 failed']}});
		expect(done).toMatchObject({phase: 'outcome', outcome: {status: 'partial'}});
		expect(dialogReducer(done, {type: 'enter', ticket: 5})).toBeUndefined();
		expect(dialogReducer(done, {type: 'back'})).toBeUndefined();
	});

	it('a preview without a name to type confirms on Enter; typing there does nothing', () => {
		const previewing = run(opened(), {type: 'enter', ticket: 1}, {type: 'enter', ticket: 1}, {type: 'enter', ticket: 1},
			{type: 'planned', ticket: 1, result: {ok: true, preview: preview()}});
		expect(run(previewing, {type: 'type', text: 'x'})).toBe(previewing);
		expect(run(previewing, {type: 'enter', ticket: 2})).toMatchObject({phase: 'applying'});
	});

	it('info answers count only under their ticket', () => {
		const state = opened(5);
		expect(run(state, {type: 'info', ticket: 4, result: {lines: ['old']}})).toBe(state);
		expect(run(state, {type: 'info', ticket: 5, result: {lines: ['a']}}).info).toEqual({status: 'loaded', lines: ['a']});
		expect(run(state, {type: 'info', ticket: 5, result: {error: 'no'}}).info).toEqual({status: 'failed', error: 'no'});
	});

	it('scroll stays between 0 and the max it is given', () => {
		expect(run(opened(), {type: 'scroll', by: -3, max: 10}).scroll).toBe(0);
		expect(run(opened(), {type: 'scroll', by: 30, max: 10}).scroll).toBe(10);
	});
});
