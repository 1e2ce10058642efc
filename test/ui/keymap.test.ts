import {describe, expect, it} from 'vitest';
import {builtinCommands, buildKeymap, keyLabel, type Scope} from '../../source/ui/keymap.js';

describe('keymap', () => {
	it('binds every builtin command to at least one key (sort: the pane\'s keys), none dangerous today', () => {
		for (const [command, spec] of Object.entries(builtinCommands)) {
			expect(spec.keys.length > 0 || spec.keysFromPane !== undefined, command).toBe(true);
			expect(spec.dangerous, command).toBe(false);
			expect(spec.description.length, command).toBeGreaterThan(0);
		}
	});

	it('never binds one key to two commands that can be active at once', () => {
		// The prompt swallows every key it sees, so only global and table share the keyboard.
		// The consume view takes the table's keys too, with its own on top.
		const layers: Array<readonly Scope[]> = [['global', 'table', 'consume'], ['prompt']];
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
		expect([...keymap.commandsFor('escape')].sort()).toEqual(['back', 'cancel']);
		expect([...keymap.commandsFor('ctrl+c')]).toEqual(['quit']);
		expect(keymap.commandsFor('x').size).toBe(0);
		expect(keymap.isBound('G', ['table'])).toBe(true);
		expect(keymap.isBound('G', ['prompt'])).toBe(false);
		expect(keymap.isBound('N', ['global', 'table'])).toBe(false);
	});

	it('read-only drops dangerous commands, extra ones included, and keeps the rest', () => {
		const extra = {
			deleteTopic: {keys: ['ctrl+d'], description: 'delete', scope: 'table' as const, dangerous: true},
			describe: {keys: ['d'], description: 'describe', scope: 'table' as const, dangerous: false},
		};
		const writable = buildKeymap({readOnly: false, extra});
		const readOnly = buildKeymap({readOnly: true, extra});
		expect(writable.bindings.map(binding => binding.command)).toContain('deleteTopic');
		expect(readOnly.bindings.map(binding => binding.command)).not.toContain('deleteTopic');
		expect(readOnly.bindings.map(binding => binding.command)).toContain('describe');
		expect(readOnly.bindings).toHaveLength(writable.bindings.length - 1);
		expect(readOnly.readOnly).toBe(true);
	});

	it('writes keys the way help shows them', () => {
		expect(['q', 'ctrl+c', 'return', 'escape', 'up', 'pageup', 'shift+tab', 'G', ' '].map(keyLabel))
			.toEqual(['q', 'Ctrl-C', 'Enter', 'Esc', '↑', 'PgUp', 'Shift-Tab', 'G', 'Space']);
	});
});
