import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {keys} from '../harness.js';
import {settle} from './fake-actions.js';
import {lineWith, openForm} from './dialog-setup.js';

afterEach(() => cleanup());

describe('the form', () => {
	it('opens in place of the table: title, fields with their hints, the first focused; choices as ‹ value ›', async () => {
		const {app} = await openForm();
		const frame = app.frame();
		expect(frame).toContain('topics › Create topic');
		expect(frame).not.toContain('payments');
		expect(lineWith(frame, 'Name')).toMatch(/^› Name {12}  +letters, digits, \. _ -$/);
		expect(lineWith(frame, 'Partitions')).toMatch(/^ {2}Partitions {6}3  1-10000$/);
		expect(lineWith(frame, 'Cleanup policy')).toMatch(/^ {2}Cleanup policy {2}‹ delete ›$/);
		expect(frame.split('\n').at(-1)).toBe('Tab/↓ next  Enter next  Esc cancel  Ctrl-C quit');
	});

	it('typed letters go into the focused field, q included (it is text here, not quit); Backspace deletes one', async () => {
		const {app} = await openForm();
		await app.type('quotes', keys.backspace, keys.backspace, 'q');
		expect(lineWith(app.frame(), 'Name')).toMatch(/^› Name +quotq +letters/);
		// The table below did not see them: no filter, no sort, still the dialog.
		expect(app.frame()).toContain('topics › Create topic');
	});

	it('Tab and ↓ go to the next field, Shift-Tab and ↑ back, wrapping around; each field keeps its text', async () => {
		const {app} = await openForm();
		await app.type('a', keys.tab, '0');
		expect(lineWith(app.frame(), 'Partitions')).toMatch(/^› Partitions +30 /);
		await app.type(keys.down);
		expect(lineWith(app.frame(), 'Cleanup')).toMatch(/^› Cleanup/);
		await app.type(keys.tab);
		expect(lineWith(app.frame(), 'Name')).toMatch(/^› Name +a /);
		await app.type(keys.shiftTab);
		expect(lineWith(app.frame(), 'Cleanup')).toMatch(/^› Cleanup/);
		await app.type(keys.up, keys.up, 'b');
		expect(lineWith(app.frame(), 'Name')).toMatch(/^› Name +ab /);
		expect(lineWith(app.frame(), 'Partitions')).toMatch(/^ {2}Partitions +30 /);
	});

	it('←/→ cycle a choice both ways; typing and Backspace leave it alone', async () => {
		const {app} = await openForm();
		await app.type(keys.up);
		expect(app.frame().split('\n').at(-1)).toContain('←/→ choose');
		await app.type(keys.right);
		expect(lineWith(app.frame(), 'Cleanup')).toContain('‹ compact ›');
		await app.type(keys.right, keys.right);
		expect(lineWith(app.frame(), 'Cleanup')).toContain('‹ delete ›');
		await app.type(keys.left);
		expect(lineWith(app.frame(), 'Cleanup')).toContain('‹ delete,compact ›');
		await app.type('x', keys.backspace);
		expect(lineWith(app.frame(), 'Cleanup')).toContain('‹ delete,compact ›');
		// ←/→ do nothing to a text field.
		await app.type(keys.down, keys.right);
		expect(lineWith(app.frame(), 'Name')).toMatch(/^› Name {12}  +letters/);
	});

	it('Enter goes to the next field; on the last it checks the values (plan), showing "checking…"', async () => {
		const {app, plans} = await openForm();
		await app.type('quotes', keys.enter);
		expect(lineWith(app.frame(), 'Partitions')).toMatch(/^› /);
		expect(plans).toHaveLength(0);
		await app.type(keys.enter, keys.right);
		expect(app.frame().split('\n').at(-1)).toContain('Enter preview');
		await app.type(keys.enter);
		expect(plans.map(plan => plan.values)).toEqual([{name: 'quotes', partitions: '3', cleanup: 'compact'}]);
		expect(app.frame()).toContain('checking…');
		expect(app.frame().split('\n').at(-1)).toBe('Esc back to the form  Ctrl-C quit');
		// Keys other than Esc wait for the check.
		await app.type('zz', keys.enter);
		expect(plans).toHaveLength(1);
	});

	it('plan errors are listed under the form, every value kept for fixing; a second Enter checks again', async () => {
		const {app, plans} = await openForm();
		await app.type('quotes', keys.tab, '00000', keys.tab, keys.right, keys.enter);
		plans[0]!.result.resolve({ok: false, errors: ['name: a topic named quotes already exists', 'partitions: at most 10000']});
		await settle();
		const frame = app.frame();
		expect(frame).toContain('✗ name: a topic named quotes already exists');
		expect(frame).toContain('✗ partitions: at most 10000');
		expect(frame).not.toContain('checking…');
		expect(lineWith(frame, 'Name')).toMatch(/Name +quotes /);
		expect(lineWith(frame, 'Partitions')).toMatch(/Partitions +300000 /);
		expect(lineWith(frame, 'Cleanup')).toMatch(/^› Cleanup policy +‹ compact ›/);
		// Tab wraps to the name; Enter walks the fields to the last, which checks again.
		await app.type(keys.tab, '2', keys.enter, keys.enter, keys.enter);
		expect(plans.map(plan => plan.values.name)).toEqual(['quotes', 'quotes2']);
		expect(app.frame()).not.toContain('✗ name');
	});

	it('a form without fields says Enter shows what it will do, and Enter plans at once', async () => {
		const {app, plans} = await openForm({fields: []});
		expect(app.frame()).toContain('nothing to fill in: Enter shows what it will do');
		await app.type(keys.enter);
		expect(plans).toHaveLength(1);
	});

	it('the info block loads after the form opens ("reading…"); its failure is shown in its place and the form still works', async () => {
		const {app, infos, plans} = await openForm({info: true});
		expect(app.frame()).toContain('reading…');
		infos[0]!.reject(new Error('broker 2 did not answer'));
		await settle();
		expect(app.frame()).toContain('could not read: broker 2 did not answer');
		await app.type('quotes', keys.enter, keys.enter, keys.enter);
		expect(plans).toHaveLength(1);
	});

	it('a long info block scrolls with PgDn/PgUp while ↑/↓ still move between fields', async () => {
		const {app, infos} = await openForm({info: true});
		infos[0]!.resolve({lines: Array.from({length: 60}, (_, index) => `config.${index}=${index}`)});
		await settle();
		expect(app.frame()).toContain('config.0=0');
		expect(app.frame()).toMatch(/lines 1-\d+ of 60/);
		await app.type(keys.pageDown);
		expect(app.frame()).not.toContain('config.0=0');
		expect(app.frame()).toMatch(/lines \d+-\d+ of 60/);
		await app.type(keys.down);
		expect(lineWith(app.frame(), 'Partitions')).toMatch(/^› /);
		await app.type(keys.pageUp);
		expect(app.frame()).toContain('config.0=0');
	});

	it('Ctrl-C still quits from the dialog', async () => {
		const {app} = await openForm();
		await app.type(keys.ctrlC);
		// An app that quit draws nothing more, whatever is typed.
		const frames = app.frames.length;
		await app.type('a');
		expect(app.frames.length).toBe(frames);
	});
});
