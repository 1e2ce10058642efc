import {describe, expect, it} from 'vitest';
import {actionCommands, builtinCommands, buildKeymap, dialogCommands, keyLabel, type Scope, writesToCluster} from '../../source/ui/keymap.js';

describe('keymap', () => {
	it('binds every builtin command to at least one key (sort: the pane\'s keys), none that writes', () => {
		for (const [command, spec] of Object.entries(builtinCommands)) {
			expect(spec.keys.length > 0 || spec.keysFromPane !== undefined, command).toBe(true);
			expect(writesToCluster(spec), command).toBe(false);
			expect(spec.description.length, command).toBeGreaterThan(0);
		}
	});

	it('every action writes, and the ones that destroy or rewrite are dangerous', () => {
		const dangerous = Object.entries(actionCommands).filter(([, spec]) => spec.dangerous).map(([command]) => command).sort();
		expect(dangerous).toEqual(['addPartitions', 'deleteResource', 'editConfigs', 'purge', 'resetOffsets']);
		for (const [command, spec] of Object.entries(actionCommands)) {
			expect(writesToCluster(spec), command).toBe(true);
			expect(spec.scope, command).toBe('table');
			expect(spec.panes?.length, command).toBeGreaterThan(0);
		}

		expect(Object.fromEntries(Object.entries(actionCommands).map(([command, spec]) => [command, spec.keys]))).toEqual({
			createTopic: ['n'], deleteResource: ['ctrl+d'], addPartitions: ['+'], editConfigs: ['e'],
			produce: ['p'], purge: ['x'], electLeaders: ['l'], resetOffsets: ['o'],
		});
	});

	it('no action key is a Shift+letter, so none can shadow a pane\'s sort key', () => {
		for (const spec of Object.values(actionCommands)) {
			for (const key of spec.keys) expect(/^[A-Z]$/.test(key), key).toBe(false);
		}
	});

	it('never binds one key to two commands that can be active at once', () => {
		// The prompt swallows every key it sees, so only global and table share the keyboard.
		// The consume view takes the table's keys too, with its own on top.
		// An action's dialog takes every key but Ctrl-C, so its keys only need to differ among themselves.
		const layers: Array<readonly Scope[]> = [['global', 'table', 'consume'], ['prompt'], ['dialog']];
		for (const layer of layers) {
			const seen = new Map<string, string>();
			for (const binding of buildKeymap({readOnly: false}).bindings.filter(binding => layer.includes(binding.scope))) {
				for (const key of binding.keys) {
					expect(seen.get(key), `${key}: ${seen.get(key)} and ${binding.command}`).toBeUndefined();
					seen.set(key, binding.command);
				}
			}
		}
	});

	it('answers which commands a key is bound to, across scopes', () => {
		const keymap = buildKeymap({readOnly: false});
		expect([...keymap.commandsFor('escape')].sort()).toEqual(['back', 'cancel', 'formBack']);
		expect([...keymap.commandsFor('ctrl+c')]).toEqual(['quit']);
		expect(keymap.commandsFor('z').size).toBe(0);
		expect([...keymap.commandsFor('ctrl+d')]).toEqual(['deleteResource']);
		expect([...keymap.commandsFor('+')]).toEqual(['addPartitions']);
		expect(keymap.isBound('G', ['table'])).toBe(true);
		expect(keymap.isBound('G', ['prompt'])).toBe(false);
		expect(keymap.isBound('N', ['global', 'table'])).toBe(false);
	});

	it('read-only drops every command that writes, dangerous or not, extra ones included, and keeps the rest', () => {
		const extra = {
			wipe: {keys: ['W'], description: 'wipe', scope: 'table' as const, dangerous: true},
			touch: {keys: ['T'], description: 'touch', scope: 'table' as const, dangerous: false, writes: true},
			describe: {keys: ['d'], description: 'describe', scope: 'table' as const, dangerous: false},
		};
		const writable = buildKeymap({readOnly: false, extra});
		const readOnly = buildKeymap({readOnly: true, extra});
		expect(writable.bindings.map(binding => binding.command)).toEqual(expect.arrayContaining(['wipe', 'touch', ...Object.keys(actionCommands), ...Object.keys(dialogCommands)]));
		const kept = readOnly.bindings.map(binding => binding.command);
		for (const command of ['wipe', 'touch', ...Object.keys(actionCommands)]) expect(kept, command).not.toContain(command);
		// With no action left, the dialog's keys would document a form that cannot open.
		expect(readOnly.bindings.some(binding => binding.scope === 'dialog')).toBe(false);
		expect(kept).toContain('describe');
		expect(kept).toEqual(writable.bindings.filter(binding => !writesToCluster(binding) && binding.scope !== 'dialog').map(binding => binding.command));
		for (const key of ['n', 'ctrl+d', '+', 'e', 'p', 'x', 'l', 'o']) expect(readOnly.commandsFor(key).size, key).toBe(0);
		expect(readOnly.readOnly).toBe(true);
	});

	it('writes keys the way help shows them', () => {
		expect(['q', 'ctrl+c', 'return', 'escape', 'up', 'pageup', 'shift+tab', 'G', ' ', 'ctrl+d', '+', 'left', 'right'].map(keyLabel))
			.toEqual(['q', 'Ctrl-C', 'Enter', 'Esc', '↑', 'PgUp', 'Shift-Tab', 'G', 'Space', 'Ctrl-D', '+', '←', '→']);
	});
});
