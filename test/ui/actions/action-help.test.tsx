import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {actionCommands, buildKeymap, dialogCommands, keyLabel} from '../../../source/ui/keymap.js';
import {fakeStore, keys, renderApp, renderOnTerminal} from '../harness.js';
import {healthySnapshot} from '../snapshots.js';

afterEach(() => cleanup());

/** Every page of help, from the first: PgDn until the last page says it is the last. */
async function helpText(app: {type(...keys: string[]): Promise<void>; frame(): string}): Promise<string> {
	await app.type('?');
	const pages = [app.frame()];
	while (/… more: PgDn/.test(pages.at(-1)!) && pages.length < 10) {
		await app.type(keys.pageDown);
		pages.push(app.frame());
	}

	return pages.join('\n');
}

describe('help and the actions', () => {
	for (const [columns, rows] of [[100, 30], [80, 24]] as const) {
		it(`lists every action key with "!" before the dangerous ones, a line saying what "!" means, and the form's keys (${columns}x${rows})`, async () => {
			const app = await renderOnTerminal(fakeStore(healthySnapshot()), columns, rows, {keymap: buildKeymap({readOnly: false})});
			const help = await helpText(app);
			for (const spec of Object.values(actionCommands)) {
				const key = keyLabel(spec.keys[0]!);
				const line = help.split('\n').find(candidate => candidate.includes(spec.description));
				expect(line, spec.description).toBeDefined();
				const entry = new RegExp(`  ${key.replace(/[+]/g, '\\+')} +${spec.dangerous ? '! ' : ''}${spec.description}`);
				expect(line, spec.description).toMatch(entry);
			}

			expect(help).toContain('! destroys or rewrites data');
			expect(help).toContain('In an action\'s form');
			for (const spec of Object.values(dialogCommands)) expect(help).toContain(spec.keys.map(keyLabel).join(' '));
			app.unmount();
		});
	}

	it('the hint line offers the pane\'s actions when the terminal is wide enough', async () => {
		const wide = await renderApp(fakeStore(healthySnapshot()), {columns: 160});
		expect(wide.frame().split('\n').at(-1)).toContain('c consume  n new  Ctrl-D delete  + partitions  e configs  p produce  x purge  l elect  ? help');
		cleanup();
		const narrow = await renderOnTerminal(fakeStore(healthySnapshot()), 80, 24);
		expect(narrow.frame().split('\n').at(-1)).toBe('Esc back  Enter open  c consume  ? help  : view  / filter  r refresh  q quit');
		narrow.unmount();
	});
});
