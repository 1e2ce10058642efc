import {describe, expect, it} from 'vitest';
import {helpLines, helpSections, hintText} from '../../source/ui/help-text.js';
import {buildKeymap} from '../../source/ui/keymap.js';
import type {Column} from '../../source/ui/panes/pane.js';

const keymap = buildKeymap({readOnly: false});
const columns: Column[] = [
	{title: 'NAME', width: 'flex', sortKey: 'N'},
	{title: 'LAG', width: 6, sortKey: 'L'},
	// Claims G, which is "last row": help must not promise it sorts.
	{title: 'GROUP', width: 6, sortKey: 'G'},
	{title: 'NOTE', width: 6},
];

describe('help text', () => {
	it('groups bindings by scope and lists the view\'s usable sort keys', () => {
		const sections = helpSections(keymap, columns);
		expect(sections.map(section => section.title)).toEqual(['Anywhere', 'In a view', 'Consuming a topic', 'Typing after : or /', 'Sort this view']);
		expect(sections.at(-1)!.entries.map(entry => entry.keys)).toEqual(['Shift-N', 'Shift-L']);
		expect(helpSections(keymap, []).map(section => section.title)).not.toContain('Sort this view');
	});

	it('fits the lines and width it is given, in columns, and says when it cannot show everything', () => {
		const sections = helpSections(keymap, columns);
		const roomy = helpLines(sections, 80, 20);
		expect(roomy.length).toBeLessThanOrEqual(20);
		for (const line of roomy) expect(line.length).toBeLessThanOrEqual(80);
		expect(roomy.join('\n')).not.toContain('… more');
		const cramped = helpLines(sections, 40, 10);
		expect(cramped).toHaveLength(10);
		expect(cramped.at(-1)).toContain('… more');
	});

	it('never leaves a section title alone at the foot of a column', () => {
		const sections = [
			{title: 'First', entries: [{keys: 'a', description: 'one'}, {keys: 'b', description: 'two'}, {keys: 'c', description: 'three'}]},
			{title: 'Second', entries: [{keys: 'd', description: 'four'}]},
		];
		const lines = helpLines(sections, 80, 5);
		expect(lines[0]).toMatch(/^First +Second$/);
		expect(lines[1]).toMatch(/^ {2}a +one +d +four$/);
		expect(lines).toHaveLength(4);
	});

	it('the hint line puts the view\'s keys first and quit last; the prompt has its own', () => {
		expect(hintText(keymap, 'table')).toBe('Esc back  Enter open  c consume  ? help  : view  / filter  r refresh  q quit');
		expect(hintText(keymap, 'prompt')).toBe('Enter apply  Esc cancel  Tab complete');
		expect(hintText(keymap, 'help')).toBe('?/Esc close help  q/Ctrl-C quit');
	});

	it('the consume view hints its own keys and the table keys it answers, and fits 80 columns', () => {
		const consume = hintText(keymap, 'consume');
		expect(consume).toBe('Space pause  f follow  Esc back  Enter open  ? help  : view  / filter  q quit');
		expect(consume.length).toBeLessThanOrEqual(80);
		expect(consume).not.toContain('c consume');
		expect(hintText(keymap, 'detail')).toBe('↑/↓ scroll  PgDn page  Esc back  ? help  q quit');
	});
});
