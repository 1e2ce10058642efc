import chalk from 'chalk';
import {cleanup} from 'ink-testing-library';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import type {Outcome} from '../../../source/model/actions/types.js';
import {keys} from '../harness.js';
import {scriptedPreview, settle} from './fake-actions.js';
import {lineWith, openForm} from './dialog-setup.js';

afterEach(() => cleanup());

const yellow = '\u001B[33m';
const green = '\u001B[32m';
const red = '\u001B[31m';
let level: typeof chalk.level;
beforeAll(() => {
	// Tones are part of what is checked; vitest's output is not a TTY, so chalk would drop them.
	level = chalk.level;
	chalk.level = 1;
});
afterAll(() => {
	chalk.level = level;
});

const plain = (frame: string) => frame.replaceAll(/\u001B\[[\d;]*m/g, '');

/** The form filled in and submitted, its plan answered with `preview`. */
async function toPreview(options: Parameters<typeof scriptedPreview>[0] = {}) {
	const form = await openForm();
	const scripted = scriptedPreview(options);
	await form.app.type('quotes', keys.enter, keys.enter, keys.enter);
	form.plans[0]!.result.resolve({ok: true, preview: scripted.preview});
	await settle();
	return {...form, ...scripted, frame: () => plain(form.app.frame()), raw: () => form.app.frame()};
}

describe('the preview', () => {
	it('shows its title, the target cluster and connection, what will change, and the warnings (toned warn)', async () => {
		const {frame, raw} = await toPreview({warnings: ['keyed records will map to different partitions']});
		expect(frame()).toContain('topics › Create topic quotes');
		expect(frame()).toContain('cluster lab-cluster · bootstrap 127.0.0.1:9092');
		expect(frame()).toContain('name        quotes');
		expect(frame()).toContain('partitions  3');
		expect(frame()).toContain('! keyed records will map to different partitions');
		expect(lineWith(raw(), 'keyed records')).toContain(yellow);
		expect(frame()).toContain('Enter applies it; Esc goes back to the form');
		expect(frame().split('\n').at(-1)).toBe('Enter apply  Esc back to the form  Ctrl-C quit');
	});

	it('a cluster without a known id still says who the write goes to', async () => {
		const {frame} = await toPreview({target: {clusterId: undefined, connection: 'bootstrap 10.0.0.1:9092'}});
		expect(frame()).toContain('cluster (id unknown) · bootstrap 10.0.0.1:9092');
	});

	it('Enter applies a plan that needs no typing: "applying…", then the outcome', async () => {
		const {app, applies, frame} = await toPreview();
		await app.type(keys.enter);
		expect(applies).toHaveLength(1);
		expect(frame()).toContain('applying…');
		expect(frame().split('\n').at(-1)).toBe('waiting for the outcome  Ctrl-C quit');
		applies[0]!.resolve({status: 'applied', lines: ['created quotes with 3 partitions']});
		await settle();
		expect(frame()).toContain('applied');
		expect(frame()).toContain('created quotes with 3 partitions');
		expect(frame()).toContain('cluster lab-cluster · bootstrap 127.0.0.1:9092');
	});

	it('a typed confirmation: the wrong text says it does not match and does nothing; the right one applies', async () => {
		const {app, applies, frame} = await toPreview({title: 'Delete topic orders', typed: 'orders'});
		expect(frame()).toContain('type orders to confirm:');
		await app.type('order', keys.enter);
		expect(applies).toHaveLength(0);
		expect(frame()).toContain('type orders to confirm: order');
		expect(frame()).toContain('that does not match orders: nothing was done');
		// q is text here too; Backspace fixes it.
		await app.type('q');
		expect(frame()).not.toContain('does not match');
		await app.type(keys.backspace, 's', keys.enter);
		expect(applies).toHaveLength(1);
		expect(frame()).toContain('applying…');
	});
});

describe('the outcome', () => {
	const cases: Array<[Outcome, string, string]> = [
		[{status: 'applied', lines: ['partition 0: deleted up to 100']}, 'applied', green],
		[{status: 'partial', lines: ['partition 0: deleted up to 100', 'partition 1: not the leader (NOT_LEADER_OR_FOLLOWER)']}, 'partly applied: some parts failed (below)', yellow],
		[{status: 'failed', lines: ['a topic named quotes already exists']}, 'failed', red],
	];
	for (const [outcome, words, tone] of cases) {
		it(`${outcome.status}: said in words, toned, with its lines`, async () => {
			const {app, applies, frame, raw} = await toPreview();
			await app.type(keys.enter);
			applies[0]!.resolve(outcome);
			await settle();
			expect(lineWith(frame(), words)?.trim()).toBe(words);
			expect(lineWith(raw(), words)).toContain(tone);
			for (const line of outcome.lines) expect(frame()).toContain(line);
			expect(frame().split('\n').at(-1)).toBe('Enter/Esc close  Ctrl-C quit');
		});
	}

	it('an apply that breaks its promise and throws is a failed outcome, not a stuck dialog', async () => {
		const {app, applies, frame} = await toPreview();
		await app.type(keys.enter);
		applies[0]!.reject(new Error('socket hang up'));
		await settle();
		expect(frame()).toContain('failed');
		expect(frame()).toContain('the write may or may not have happened: socket hang up');
	});

	for (const key of [keys.enter, keys.escape]) {
		it(`${key === keys.enter ? 'Enter' : 'Esc'} closes it and asks for a refresh, back on the table`, async () => {
			const {app, applies, frame, refreshes} = await toPreview();
			await app.type(keys.enter);
			applies[0]!.resolve({status: 'applied', lines: []});
			await settle();
			expect(refreshes()).toBe(0);
			await app.type(key);
			expect(refreshes()).toBe(1);
			expect(frame()).toContain('payments');
			expect(frame()).not.toContain('Create topic');
		});
	}
});
