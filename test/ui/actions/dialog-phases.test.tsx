import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {keys} from '../harness.js';
import {scriptedPreview, settle} from './fake-actions.js';
import {lineWith, openForm} from './dialog-setup.js';

afterEach(() => cleanup());

describe('Esc at each phase', () => {
	it('in the form: cancels, back on the table, nothing planned and no refresh', async () => {
		const {app, plans, refreshes} = await openForm();
		await app.type('quotes', keys.escape);
		expect(app.frame()).not.toContain('Create topic');
		expect(app.frame()).toContain('payments');
		expect(plans).toHaveLength(0);
		expect(refreshes()).toBe(0);
		// The table has the keys again.
		await app.type(keys.enter);
		expect(app.frame()).toContain('partitions of orders');
	});

	it('while checking: back to the form with every value; the check\'s late answer is ignored', async () => {
		const {app, plans} = await openForm();
		await app.type('quotes', keys.tab, '0', keys.enter, keys.enter);
		expect(app.frame()).toContain('checking…');
		await app.type(keys.escape);
		expect(app.frame()).not.toContain('checking…');
		expect(lineWith(app.frame(), 'Name')).toMatch(/Name +quotes /);
		expect(lineWith(app.frame(), 'Partitions')).toMatch(/Partitions +30 /);
		plans[0]!.result.resolve({ok: true, preview: scriptedPreview({title: 'LATE PREVIEW'}).preview});
		await settle();
		expect(app.frame()).not.toContain('LATE PREVIEW');
		expect(lineWith(app.frame(), 'Cleanup')).toMatch(/^› /);
		// Late errors are ignored the same way.
		await app.type(keys.enter);
		await app.type(keys.escape);
		plans[1]!.result.resolve({ok: false, errors: ['LATE ERROR']});
		await settle();
		expect(app.frame()).not.toContain('LATE ERROR');
	});

	it('a late answer to an earlier check does not stand in for the current one', async () => {
		const {app, plans} = await openForm({fields: []});
		await app.type(keys.enter, keys.escape, keys.enter);
		expect(plans).toHaveLength(2);
		plans[0]!.result.resolve({ok: true, preview: scriptedPreview({title: 'FIRST'}).preview});
		await settle();
		expect(app.frame()).toContain('checking…');
		expect(app.frame()).not.toContain('FIRST');
		plans[1]!.result.resolve({ok: true, preview: scriptedPreview({title: 'SECOND'}).preview});
		await settle();
		expect(app.frame()).toContain('SECOND');
	});

	it('on the preview: back to the form with every value, and a new Enter checks again', async () => {
		const {app, plans} = await openForm();
		await app.type('quotes', keys.enter, keys.enter, keys.enter);
		plans[0]!.result.resolve({ok: true, preview: scriptedPreview({typed: 'quotes'}).preview});
		await settle();
		await app.type('quo', keys.escape);
		expect(app.frame()).not.toContain('to confirm');
		expect(lineWith(app.frame(), 'Name')).toMatch(/Name +quotes /);
		await app.type(keys.enter);
		expect(plans).toHaveLength(2);
	});

	it('while applying: nothing closes it (the write is on its way); its outcome still arrives', async () => {
		const {app, plans, refreshes} = await openForm({fields: []});
		await app.type(keys.enter);
		const {preview, applies} = scriptedPreview();
		plans[0]!.result.resolve({ok: true, preview});
		await settle();
		await app.type(keys.enter, keys.escape, keys.escape, 'q', keys.enter);
		expect(applies).toHaveLength(1);
		expect(app.frame()).toContain('applying…');
		applies[0]!.resolve({status: 'applied', lines: ['created quotes']});
		await settle();
		expect(app.frame()).toContain('created quotes');
		await app.type(keys.escape);
		expect(refreshes()).toBe(1);
		expect(app.frame()).not.toContain('created quotes');
	});
});

describe('results for a dialog that is gone', () => {
	it('info read for a dialog since closed and opened again is ignored; the new one\'s shows', async () => {
		const {app, infos} = await openForm({info: true});
		await app.type(keys.escape, 'n');
		expect(infos).toHaveLength(2);
		infos[0]!.resolve({lines: ['STALE INFO']});
		await settle();
		expect(app.frame()).not.toContain('STALE INFO');
		expect(app.frame()).toContain('reading…');
		infos[1]!.resolve({lines: ['retention.ms = 604800000']});
		await settle();
		expect(app.frame()).toContain('retention.ms = 604800000');
	});

	it('a check answered after the dialog closed opens nothing', async () => {
		const {app, plans} = await openForm({fields: []});
		await app.type(keys.enter, keys.escape, keys.escape);
		plans[0]!.result.resolve({ok: true, preview: scriptedPreview({title: 'GHOST'}).preview});
		await settle();
		expect(app.frame()).not.toContain('GHOST');
		expect(app.frame()).toContain('payments');
	});
});
