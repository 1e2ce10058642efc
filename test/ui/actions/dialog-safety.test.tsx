import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {fakeStore, keys, renderApp, renderOnTerminal} from '../harness.js';
import {healthySnapshot, partition, topic} from '../snapshots.js';
import {fakeActions, scriptedPreview, scriptedSpec, settle} from './fake-actions.js';
import {realRegistry} from './fixtures.js';

afterEach(() => cleanup());

// Clears the screen, retitles the terminal, rings the bell, flips the text right-to-left.
const hostile = 'ev\u001B[2Jil\u001B]0;pwned\u0007\u202E';
const shown = 'ev\\x1b[2Jil\\x1b]0;pwned\\x07\\u202e';

function expectSafe(frame: string) {
	// chalk is off in tests, so any ESC or BEL in the frame came from the cluster.
	expect(frame).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F\u202E]/);
}

describe('hostile bytes', () => {
	it('a topic name, info lines, field text, errors, the preview and the outcome are all shown escaped', async () => {
		const scripted = scriptedSpec({id: 'deleteTopic', info: true, fields: [{id: 'why', label: `Reason ${hostile}`, initial: hostile, hint: hostile}]});
		const actions = fakeActions((id, subject) => ({...scripted.spec, title: `Delete topic ${subject.topic}`}));
		const snapshot = healthySnapshot({topics: [topic(hostile, [partition(0, 1, [1])])]});
		const app = await renderApp(fakeStore(snapshot), {registry: realRegistry, actions: actions.factory});
		await app.type(keys.ctrlD);
		expect(actions.calls).toEqual([{id: 'deleteTopic', subject: {topic: hostile}}]);
		expect(app.frame()).toContain(`Delete topic ${shown}`);
		scripted.infos[0]!.resolve({lines: [`config ${hostile}`]});
		await settle();
		expect(app.frame()).toContain(`config ${shown}`);
		expect(app.frame()).toContain(`Reason ${shown}`);
		expectSafe(app.frame());

		await app.type(keys.enter);
		scripted.plans[0]!.result.resolve({ok: false, errors: [`name ${hostile}`]});
		await settle();
		expect(app.frame()).toContain(`✗ name ${shown}`);
		expectSafe(app.frame());

		await app.type(keys.enter);
		const {preview, applies} = scriptedPreview({
			title: `Delete topic ${hostile}`, lines: [`topic ${hostile}`], warnings: [`warn ${hostile}`], typed: hostile,
			target: {clusterId: `id ${hostile}`, connection: `bootstrap ${hostile}`},
		});
		scripted.plans[1]!.result.resolve({ok: true, preview});
		await settle();
		const frame = app.frame();
		for (const text of [`topic ${shown}`, `! warn ${shown}`, `type ${shown} to confirm:`, `cluster id ${shown} · bootstrap ${shown}`]) expect(frame).toContain(text);
		expectSafe(frame);

		// The name to type is the real one, control bytes and all; no keyboard types those, so it cannot be confirmed.
		await app.type('ev', keys.enter);
		expect(applies).toHaveLength(0);
		expect(app.frame()).toContain(`that does not match ${shown}`);
		expectSafe(app.frame());
	});

	it('outcome lines and a refusal from the factory are escaped too', async () => {
		const {preview, applies} = scriptedPreview();
		const scripted = scriptedSpec();
		let refuse = false;
		const app = await renderApp(fakeStore(healthySnapshot()), {actions: () => (refuse ? {unavailable: `no: ${hostile}`} : scripted.spec)});
		await app.type('n', keys.enter);
		scripted.plans[0]!.result.resolve({ok: true, preview});
		await settle();
		await app.type(keys.enter);
		applies[0]!.resolve({status: 'failed', lines: [`broker said ${hostile}`]});
		await settle();
		expect(app.frame()).toContain(`broker said ${shown}`);
		expectSafe(app.frame());
		await app.type(keys.escape);
		refuse = true;
		await app.type('n');
		expect(app.frame()).toContain(`n: no: ${shown}`);
		expectSafe(app.frame());
	});
});

describe('the frame', () => {
	it('stays below the terminal at 80x24 with a 200-line preview, which scrolls; the confirmation stays in view', async () => {
		const scripted = scriptedSpec({fields: [{id: 'name', label: 'Name', initial: 'orders'}]});
		const app = await renderOnTerminal(fakeStore(healthySnapshot()), 80, 24, {actions: () => scripted.spec});
		await app.type('n', keys.enter);
		const lines = Array.from({length: 200}, (_, index) => `partition ${index}: log start 0 -> 100`);
		scripted.plans[0]!.result.resolve({
			ok: true, preview: scriptedPreview({title: 'Purge orders', lines, warnings: ['records before these offsets are gone for good'], typed: 'orders'}).preview,
		});
		await settle();
		const check = () => {
			const frame = app.frame();
			const rows = frame.split('\n');
			expect(rows.length).toBeLessThanOrEqual(23);
			for (const row of rows) expect(row.length).toBeLessThanOrEqual(80);
			expect(frame).toContain('cluster lab-cluster · bootstrap 127.0.0.1:9092');
			expect(frame).toContain('type orders to confirm:');
			expect(frame).toContain('! records before these offsets are gone for good');
			return frame;
		};

		const first = check();
		expect(first).toContain('partition 0: log start');
		const window = /lines 1-(\d+) of 200/.exec(first);
		expect(window).not.toBeNull();
		const page = Number(window![1]);
		expect(first.split('\n').at(-1)).toBe('↑/↓ PgUp/PgDn scroll  Enter apply  Esc back to the form  Ctrl-C quit');

		await app.type(keys.down);
		expect(check()).toContain(`lines 2-${page + 1} of 200`);
		await app.type(keys.pageDown);
		expect(check()).toContain(`lines ${page + 2}-${2 * page + 1} of 200`);
		for (let index = 0; index < 30; index++) await app.type(keys.pageDown);
		const last = check();
		expect(last).toContain(`lines ${200 - page + 1}-200 of 200`);
		expect(last).toContain('partition 199:');
		await app.type(keys.up, keys.pageUp);
		expect(check()).toContain(`lines ${200 - 2 * page}-${199 - page} of 200`);
		app.unmount();
	});

	it('the form and its hint line fit at 80x24 too', async () => {
		const scripted = scriptedSpec({info: true, fields: [
			{id: 'topic', label: 'Topic', initial: 'orders'},
			{id: 'partition', label: 'Partition', initial: '', hint: 'blank: by key'},
			{id: 'to', label: 'To', initial: 'earliest', choices: ['earliest', 'latest']},
		]});
		const app = await renderOnTerminal(fakeStore(healthySnapshot()), 80, 24, {actions: () => scripted.spec});
		await app.type('n');
		scripted.infos[0]!.resolve({lines: Array.from({length: 100}, (_, index) => `info ${index}`)});
		await settle();
		await app.type(keys.up);
		const rows = app.frame().split('\n');
		expect(rows.length).toBeLessThanOrEqual(23);
		expect(rows.at(-1)).toBe('Tab/↓ next  ←/→ choose  Enter preview  Esc cancel  PgUp/PgDn scroll  Ctrl-C quit');
		expect(rows.at(-1)!.length).toBeLessThanOrEqual(80);
		expect(app.frame()).toContain('› To');
		app.unmount();
	});
});
