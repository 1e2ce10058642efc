import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {traceActions} from '../../../source/model/actions/action-trace.js';
import type {Outcome, Preview} from '../../../source/model/actions/types.js';
import {createStore} from '../../../source/model/store.js';
import {healthyInput} from '../../model/fixtures.js';
import {keys, renderApp} from '../harness.js';
import {fields, openForm} from './dialog-setup.js';
import {fakeActions, scriptedPreview, scriptedSpec, settle} from './fake-actions.js';
import {realRegistry} from './fixtures.js';

afterEach(() => cleanup());

/** The form opened with an `onActionDone` spy, filled in and submitted, its plan answered with `preview`. */
async function toPreview(options: Parameters<typeof scriptedPreview>[0] = {}, done = vi.fn<(preview: Preview, outcome: Outcome) => void>()) {
	const form = await openForm({extra: {onActionDone: done}});
	const scripted = scriptedPreview(options);
	await form.app.type('quotes', keys.enter, keys.enter, keys.enter);
	form.plans[0]!.result.resolve({ok: true, preview: scripted.preview});
	await settle();
	return {...form, ...scripted, done};
}

describe('onActionDone: every apply is reported once, nothing else is', () => {
	it('is called once, when the outcome is in, with the preview confirmed and the outcome shown; closing adds nothing', async () => {
		const {app, applies, preview, done} = await toPreview();
		await app.type(keys.enter);
		expect(applies).toHaveLength(1);
		// Applying is not applied: nothing to report until the broker answered.
		expect(done).not.toHaveBeenCalled();
		const outcome: Outcome = {status: 'applied', lines: ['created quotes with 3 partitions']};
		applies[0]!.resolve(outcome);
		await settle();
		expect(done).toHaveBeenCalledTimes(1);
		expect(done).toHaveBeenCalledWith(preview, outcome);
		expect(app.frame()).toContain('created quotes with 3 partitions');
		await app.type(keys.enter);
		expect(done).toHaveBeenCalledTimes(1);
	});

	it('a failed or partial outcome is reported too, and so is an apply that broke its promise and threw', async () => {
		const partial = await toPreview();
		await partial.app.type(keys.enter);
		partial.applies[0]!.resolve({status: 'partial', lines: ['partition 0: done', 'partition 1: not the leader']});
		await settle();
		expect(partial.done).toHaveBeenCalledWith(partial.preview, {status: 'partial', lines: ['partition 0: done', 'partition 1: not the leader']});
		cleanup();

		const thrown = await toPreview();
		await thrown.app.type(keys.enter);
		thrown.applies[0]!.reject(new Error('socket hang up'));
		await settle();
		expect(thrown.done).toHaveBeenCalledTimes(1);
		expect(thrown.done).toHaveBeenCalledWith(thrown.preview, {status: 'failed', lines: ['the write may or may not have happened: socket hang up']});
	});

	it('records nothing for an action left without applying: Esc on the form, on the preview, while planning, or a wrong name typed', async () => {
		const done = vi.fn();
		const form = await openForm({extra: {onActionDone: done}});
		await form.app.type(keys.escape);
		expect(form.app.frame()).not.toContain('Create topic');
		cleanup();

		const backed = await toPreview({}, done);
		await backed.app.type(keys.escape, keys.escape);
		expect(backed.app.frame()).not.toContain('Create topic');
		cleanup();

		const planning = await openForm({extra: {onActionDone: done}});
		await planning.app.type('quotes', keys.enter, keys.enter, keys.enter, keys.escape, keys.escape);
		planning.plans[0]!.result.resolve({ok: true, preview: scriptedPreview().preview});
		await settle();
		cleanup();

		const mistyped = await toPreview({title: 'Delete topic orders', typed: 'orders'}, done);
		await mistyped.app.type('order', keys.enter, keys.escape, keys.escape);
		await settle();
		expect(mistyped.applies).toHaveLength(0);
		expect(done).not.toHaveBeenCalled();
	});

	it('a callback that throws leaves the outcome on screen and says the action was not recorded', async () => {
		const {app, applies} = await toPreview({}, vi.fn(() => {
			throw new Error('disk full');
		}));
		await app.type(keys.enter);
		applies[0]!.resolve({status: 'applied', lines: ['created quotes with 3 partitions']});
		await settle();
		expect(app.frame()).toContain('created quotes with 3 partitions');
		expect(app.frame()).toContain('not recorded on the timeline: disk full');
	});
});

describe('wired as run-tui wires it', () => {
	it('an applied action shows on the events pane and goes to the log, once', async () => {
		const store = createStore();
		store.update(healthyInput());
		const log: string[] = [];
		const scripted = scriptedSpec({fields});
		const {preview, applies} = scriptedPreview();
		const app = await renderApp(store, {
			registry: realRegistry, columns: 160, actions: fakeActions(() => scripted.spec).factory,
			onActionDone: traceActions(store, {write: line => log.push(line)}),
		});
		await app.type('n');
		await settle();
		await app.type('quotes', keys.enter, keys.enter, keys.enter);
		scripted.plans[0]!.result.resolve({ok: true, preview});
		await settle();
		await app.type(keys.enter);
		applies[0]!.resolve({status: 'applied', lines: ['created quotes with 3 partitions']});
		await settle();
		await app.type(keys.enter, keys.tab, keys.tab);
		const row = app.frame().split('\n').find(line => line.includes('action-applied'));
		expect(row).toMatch(/INFO +action-applied +topic quotes +ktop: Create topic quotes — applied: created quotes/);
		expect(store.getEvents()).toHaveLength(1);
		expect(log).toEqual([
			'action applied: Create topic quotes · cluster lab-cluster · bootstrap 127.0.0.1:9092 · preview ["name        quotes","partitions  3"] · warnings [] · outcome ["created quotes with 3 partitions"]',
		]);
	});
});
