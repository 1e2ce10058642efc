import {describe, expect, it} from 'vitest';
import {type DialogAction, dialogReducer, type DialogState, openDialog} from '../../../source/ui/actions/action-dialog-state.js';
import {type DialogLine, dialogLayout} from '../../../source/ui/actions/dialog-lines.js';
import {collisionCharsWarning} from '../../../source/model/actions/topic-name-rules.js';
import {textWidth} from '../../../source/text/text-width.js';
import {scriptedPreview, scriptedSpec} from './fake-actions.js';
import {fields} from './dialog-setup.js';

const labels = {enter: 'Enter', back: 'Esc'};
const text = (line: DialogLine) => line.map(span => span.text).join('');

function run(state: DialogState, ...actions: DialogAction[]): DialogState {
	return actions.reduce((current, action) => dialogReducer(current, action)!, state);
}

const form = () => run(openDialog('createTopic', {}, scriptedSpec({fields, info: true}).spec, 1),
	{type: 'info', ticket: 1, result: {lines: Array.from({length: 40}, (_, index) => `info ${index}`)}});

function previewing(options: Parameters<typeof scriptedPreview>[0]) {
	return run(form(), {type: 'enter', ticket: 2}, {type: 'enter', ticket: 2}, {type: 'enter', ticket: 2},
		{type: 'planned', ticket: 2, result: {ok: true, preview: scriptedPreview(options).preview}});
}

describe('the dialog layout', () => {
	it('never takes more lines than it is given, from 1 to 30, in every phase', () => {
		const preview = previewing({lines: Array.from({length: 200}, (_, index) => `line ${index}`), warnings: ['w1', 'w2', 'w3'], typed: 'orders'});
		const states = [
			form(),
			run(form(), {type: 'enter', ticket: 2}, {type: 'enter', ticket: 2}, {type: 'enter', ticket: 2}),
			preview,
			run(preview, {type: 'type', text: 'x'}, {type: 'enter', ticket: 3}),
			run(preview, {type: 'type', text: 'orders'}, {type: 'enter', ticket: 3}),
			run(preview, {type: 'type', text: 'orders'}, {type: 'enter', ticket: 3}, {type: 'applied', ticket: 3, outcome: {status: 'failed', lines: Array.from({length: 99}, () => 'x')}}),
		];
		for (const state of states) {
			for (let height = 1; height <= 30; height++) {
				expect(dialogLayout(state, 80, height, labels).lines.length, `${state.phase} at ${height}`).toBeLessThanOrEqual(height);
			}
		}
	});

	it('keeps the confirmation in view when warnings crowd a short body, and the focused field in a short form', () => {
		const preview = previewing({lines: ['l1'], warnings: Array.from({length: 10}, (_, index) => `warning ${index}`), typed: 'orders'});
		const lines = dialogLayout(preview, 80, 8, labels).lines.map(line => text(line));
		expect(lines.at(-1)).toBe('type orders to confirm:  ');
		expect(lines[0]).toBe('Create topic quotes');
		expect(lines[1]).toBe('cluster lab-cluster · bootstrap 127.0.0.1:9092');
		const onLast = run(form(), {type: 'focus', step: -1});
		const short = dialogLayout(onLast, 80, 3, labels).lines.map(line => text(line));
		expect(short.some(line => line.startsWith('› Cleanup policy'))).toBe(true);
	});

	it('scrolls the body in a window, says where it is, and reports how far and by how much it can scroll', () => {
		const preview = previewing({lines: Array.from({length: 50}, (_, index) => `line ${index}`), typed: undefined});
		const top = dialogLayout(preview, 80, 12, labels);
		const shown = top.lines.map(line => text(line));
		// Title, target; window; "lines a-b of n"; blank; the confirmation line.
		expect(shown.slice(0, 2)).toEqual(['Create topic quotes', 'cluster lab-cluster · bootstrap 127.0.0.1:9092']);
		expect(shown[2]).toBe('line 0');
		expect(top.page).toBe(7);
		expect(shown).toContain('lines 1-7 of 50');
		expect(top.scrollMax).toBe(43);
		const bottom = dialogLayout({...preview, scroll: 999}, 80, 12, labels).lines.map(line => text(line));
		expect(bottom).toContain('line 49');
		expect(bottom).toContain('lines 44-50 of 50');
	});

	it('shows a long field value by its end, where the cursor is', () => {
		const long = run(form(), {type: 'type', text: `${'a'.repeat(100)}END`});
		const line = dialogLayout(long, 60, 30, labels).lines.map(row => text(row)).find(row => row.startsWith('› Name'))!;
		expect(line).toContain('…');
		expect(line).toContain('END ');
		expect(line.length).toBeLessThanOrEqual(60 + 30);
	});

	it('wraps warnings, errors, the mismatch and outcome lines onto more lines instead of cutting them, still within the height', () => {
		const warning = collisionCharsWarning;
		const preview = previewing({lines: Array.from({length: 30}, (_, index) => `line ${index}`), warnings: [warning], typed: 'orders'});
		const layout = dialogLayout(preview, 60, 20, labels);
		const shown = layout.lines.map(line => text(line));
		expect(shown.every(line => textWidth(line) <= 60 && !line.includes('…'))).toBe(true);
		const first = shown.findIndex(line => line.startsWith('! '));
		const warned = shown.slice(first).filter((line, index) => index === 0 || line.startsWith('  '));
		expect(warned.length).toBeGreaterThan(1);
		// Continuation lines sit under the text, after the mark; all the words are there.
		expect(warned.map((line, index) => (index === 0 ? line.slice(2) : line.trimStart())).join(' ')).toBe(warning);
		expect(layout.lines[first]![0]!.tone).toBe('warn');
		expect(shown.length).toBeLessThanOrEqual(20);
		// The confirmation stays in view below; the preview's own lines scroll.
		expect(shown.at(-1)).toBe('type orders to confirm:  ');
		expect(shown).toContain('lines 1-11 of 30');

		const mismatch = run(preview, {type: 'type', text: 'x'}, {type: 'enter', ticket: 3});
		const mismatched = dialogLayout(mismatch, 30, 20, labels).lines.map(line => text(line));
		expect(mismatched.slice(-2)).toEqual(['that does not match orders:', '  nothing was done']);

		const error = 'replication factor: 9 needs 9 live brokers; 3 are alive (1, 2, 3), so at most 3';
		const refused = run(form(), {type: 'enter', ticket: 2}, {type: 'enter', ticket: 2}, {type: 'enter', ticket: 2}, {type: 'planned', ticket: 2, result: {ok: false, errors: [error]}});
		const errorLines = dialogLayout(refused, 50, 30, labels).lines.map(line => text(line)).filter((line, index, all) => line.startsWith('✗ ') || (index > 0 && all[index - 1]!.startsWith('✗ ') && line.startsWith('  ')));
		expect(errorLines).toEqual(['✗ replication factor: 9 needs 9 live brokers; 3', '  are alive (1, 2, 3), so at most 3']);

		const outcome = 'the broker refused it: NOT_CONTROLLER (the controller moved while the request was sent); try again';
		const failed = run(preview, {type: 'type', text: 'orders'}, {type: 'enter', ticket: 3}, {type: 'applied', ticket: 3, outcome: {status: 'failed', lines: [outcome, '  p1: ok']}});
		const outcomeLines = dialogLayout(failed, 40, 20, labels).lines.map(line => text(line));
		expect(outcomeLines.slice(3)).toEqual([
			'the broker refused it: NOT_CONTROLLER',
			'  (the controller moved while the',
			'  request was sent); try again',
			'  p1: ok',
		]);
	});
});

