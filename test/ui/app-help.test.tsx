import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {buildKeymap, keyLabel, sortKeyLabel, type CommandSpec, writesToCluster} from '../../source/ui/keymap.js';
import {fakeStore, keys, renderApp, renderOnTerminal} from './harness.js';
import {healthySnapshot} from './snapshots.js';
import {stubPanes} from './stub-panes.js';

afterEach(() => cleanup());

const deleteTopic: Record<string, CommandSpec> = {
	deleteTopic: {keys: ['ctrl+d'], description: 'delete the topic', scope: 'table', dangerous: true, hint: 'delete'},
};

describe('help', () => {
	it('? lists every bound key of the keymap with its description, and the view\'s sort keys', async () => {
		const keymap = buildKeymap({readOnly: false});
		const app = await renderApp(fakeStore(healthySnapshot()), {keymap});
		await app.type('?');
		const frame = app.frame();
		for (const binding of keymap.bindings) {
			for (const key of binding.keys) expect(frame, `key ${key} of ${binding.command}`).toContain(keyLabel(key));
			expect(frame, `description of ${binding.command}`).toContain(binding.description);
		}

		for (const column of stubPanes.topics.columns.filter(column => column.sortKey)) {
			expect(frame).toContain(`${sortKeyLabel(column.sortKey!)} ${column.title.toLowerCase()}`);
		}

		await app.type('?');
		expect(app.frame()).not.toContain(keymap.bindings[0]!.description);
	});

	it('fits at 80x24, on pages (PgDn, PgUp) that together list every key', async () => {
		const keymap = buildKeymap({readOnly: false});
		const app = await renderOnTerminal(fakeStore(healthySnapshot()), 80, 24, {keymap});
		await app.type('?');
		const first = app.frame();
		expect(first).toContain('… more: PgDn for page 2 of 2');
		await app.type(keys.pageDown);
		const second = app.frame();
		expect(second).toContain('page 2 of 2: PgUp goes back');
		// Past the last page it stays there; ↑ goes back like PgUp.
		await app.type(keys.pageDown);
		expect(app.frame()).toBe(second);
		for (const frame of [first, second]) expect(frame.split('\n').length).toBeLessThanOrEqual(23);
		const both = `${first}\n${second}`;
		for (const binding of keymap.bindings) {
			for (const key of binding.keys) expect(both, `key ${key} of ${binding.command}`).toContain(keyLabel(key));
			expect(both, `description of ${binding.command}`).toContain(binding.description.slice(0, 20));
		}

		await app.type(keys.up);
		expect(app.frame()).toBe(first);
		// Closed and opened again, help starts on its first page.
		await app.type(keys.pageDown, '?', '?');
		expect(app.frame()).toBe(first);
		app.unmount();
	});

	it('takes the keys while open: j does not move the table beneath, Esc closes it', async () => {
		const app = await renderApp(fakeStore(healthySnapshot()));
		await app.type('?', 'j', 'j', keys.escape, keys.enter);
		expect(app.frame()).toContain('partitions of orders');
	});
});

describe('read-only', () => {
	it('a dangerous command is bound, listed in help (marked "!") and in the hint line normally', async () => {
		const keymap = buildKeymap({readOnly: false, extra: deleteTopic});
		expect(keymap.commandsFor('ctrl+d').has('deleteTopic')).toBe(true);
		const app = await renderApp(fakeStore(healthySnapshot()), {keymap});
		expect(app.frame()).toContain('Ctrl-D delete');
		await app.type('?');
		expect(app.frame()).toContain('! delete the topic');
		expect(app.frame()).toContain('! destroys or rewrites data');
	});

	it('--read-only leaves it out of the bindings, help and the hint line', async () => {
		const keymap = buildKeymap({readOnly: true, extra: deleteTopic});
		expect(keymap.bindings.some(binding => binding.dangerous)).toBe(false);
		expect(keymap.commandsFor('ctrl+d').size).toBe(0);
		const app = await renderApp(fakeStore(healthySnapshot()), {keymap});
		expect(app.frame()).not.toContain('Ctrl-D');
		expect(app.frame()).toContain('read-only');
		await app.type('?');
		expect(app.frame()).not.toContain('delete the topic');
		expect(app.frame()).not.toContain('Ctrl-D');
		// The commands that do not write are all still there (the action form's keys go with the actions).
		const safe = buildKeymap({readOnly: false}).bindings.filter(binding => !writesToCluster(binding) && binding.scope !== 'dialog');
		for (const binding of safe) expect(app.frame()).toContain(binding.description);
		expect(app.frame()).not.toContain('Actions');
	});
});
