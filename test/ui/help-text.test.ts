import {describe, expect, it} from 'vitest';
import {helpLines, helpPages, helpSections, hintText} from '../../source/ui/help-text.js';
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
		expect(sections.map(section => section.title)).toEqual([
			'Anywhere', 'In a view', 'Actions (write to the cluster)', 'In an action\'s form', 'Consuming (:consume <topic> [start])', 'Typing after : or /', 'Sort this view',
		]);
		expect(sections.at(-1)!.entries.map(entry => entry.keys)).toEqual(['Shift-N', 'Shift-L']);
		expect(helpSections(keymap, []).map(section => section.title)).not.toContain('Sort this view');
	});

	it('fits the lines and width it is given, in columns, and says when it cannot show everything', () => {
		const sections = helpSections(keymap, columns);
		const roomy = helpLines(sections, 120, 30);
		expect(roomy.length).toBeLessThanOrEqual(30);
		for (const line of roomy) expect(line.length).toBeLessThanOrEqual(120);
		expect(roomy.join('\n')).not.toContain('… more');
		expect(helpPages(sections, 120, 30)).toHaveLength(1);
		const cramped = helpLines(sections, 40, 10);
		expect(cramped).toHaveLength(10);
		expect(cramped.at(-1)).toContain('… more');
	});

	it('continues on further pages when it does not fit, every entry on one of them, each page ending with where the rest is', () => {
		const sections = helpSections(keymap, columns);
		for (const [width, height] of [[80, 18], [40, 10]] as const) {
			const pages = helpPages(sections, width, height);
			expect(pages.length).toBeGreaterThan(1);
			for (const [index, page] of pages.entries()) {
				expect(page).toHaveLength(height);
				for (const line of page) expect(line.length).toBeLessThanOrEqual(width);
				expect(page.at(-1)).toBe(index < pages.length - 1 ? `… more: PgDn for page ${index + 2} of ${pages.length}` : `page ${pages.length} of ${pages.length}: PgUp goes back`);
			}

			const all = pages.flat().join('\n');
			for (const section of sections) {
				expect(all).toContain(section.title.slice(0, width - 2));
				for (const entry of section.entries.filter(() => !section.compact)) expect(all, entry.keys).toContain(`  ${entry.keys}`);
			}
		}

		// A page past the last shows the last.
		expect(helpLines(sections, 80, 18, 9)).toEqual(helpPages(sections, 80, 18).at(-1));
	});

	it('marks the actions that destroy or rewrite before their description, so a cut line keeps the mark, and says what it means', () => {
		const actions = helpSections(keymap, columns).find(section => section.title.startsWith('Actions'))!;
		expect(actions.entries).toEqual([
			{keys: 'n', description: 'create a topic'},
			{keys: 'Ctrl-D', description: '! delete topic or group'},
			{keys: '+', description: '! add partitions'},
			{keys: 'e', description: '! edit topic configs'},
			{keys: 'p', description: 'produce a record'},
			{keys: 'x', description: '! purge records'},
			{keys: 'l', description: 'elect preferred leaders'},
			{keys: 'o', description: '! reset group offsets'},
		]);
		expect(actions.note).toBe('! destroys or rewrites data');
		const lines = helpPages(helpSections(keymap, columns), 80, 18).flat();
		expect(lines.find(line => line.includes('Ctrl-D'))).toMatch(/Ctrl-D +! delete/);
		expect(lines.some(line => line.trim() === '! destroys or rewrites data' || line.includes('  ! destroys or rewrites data'))).toBe(true);
	});

	it('read-only help has neither the actions nor their form\'s keys', () => {
		const titles = helpSections(buildKeymap({readOnly: true}), columns).map(section => section.title);
		expect(titles).toEqual(['Anywhere', 'In a view', 'Consuming (:consume <topic> [start])', 'Typing after : or /', 'Sort this view']);
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

	it('the table\'s hint line adds the actions that work on the pane only while it still fits', () => {
		const base = 'Esc back  Enter open  c consume  ? help  : view  / filter  r refresh  q quit';
		// At 80 columns the basic keys fill the line: help lists the actions.
		expect(hintText(keymap, 'table', {view: 'topics', width: 80})).toBe(base);
		expect(hintText(keymap, 'table', {view: 'topics', width: 100})).toBe('Esc back  Enter open  c consume  n new  Ctrl-D delete  ? help  : view  / filter  r refresh  q quit');
		const wide = hintText(keymap, 'table', {view: 'topics', width: 200});
		expect(wide).toContain('n new  Ctrl-D delete  + partitions  e configs  p produce  x purge  l elect  ? help');
		expect(wide).not.toContain('o reset');
		expect(hintText(keymap, 'table', {view: 'groups', width: 200})).toContain('c consume  Ctrl-D delete  o reset  ? help');
		expect(hintText(keymap, 'table', {view: 'health', width: 200})).toContain('c consume  l elect  ? help');
		expect(hintText(keymap, 'table', {view: 'zookeeper', width: 200})).toBe(base);
		for (const width of [80, 100, 120]) {
			for (const view of ['topics', 'partitions', 'groups', 'group', 'health', 'brokers'] as const) {
				expect(hintText(keymap, 'table', {view, width}).length).toBeLessThanOrEqual(width);
			}
		}
	});

	it('the consume view hints its own keys and the table keys it answers, and fits 80 columns', () => {
		const consume = hintText(keymap, 'consume');
		expect(consume).toBe('Space pause  f follow  Esc back  Enter open  ? help  : view  / filter  q quit');
		expect(consume.length).toBeLessThanOrEqual(80);
		expect(consume).not.toContain('c consume');
		expect(hintText(keymap, 'detail')).toBe('↑/↓ scroll  PgDn page  Esc back  ? help  q quit');
	});

	it('the consume view adds b (from the beginning) when the line has room, before the global keys', () => {
		expect(hintText(keymap, 'consume', {width: 80})).toBe('Space pause  f follow  Esc back  Enter open  ? help  : view  / filter  q quit');
		expect(hintText(keymap, 'consume', {width: 100})).toBe('Space pause  f follow  Esc back  Enter open  b beginning  ? help  : view  / filter  q quit');
	});

	it('help lists b, and its title says how to consume from elsewhere than the end', () => {
		const consume = helpSections(keymap, columns).find(section => section.title.startsWith('Consuming'))!;
		expect(consume.title).toBe('Consuming (:consume <topic> [start])');
		expect(consume.entries).toContainEqual({keys: 'b', description: 'read again from the beginning'});
		// At 80 columns, two columns of help: the title still fits its column.
		expect(helpPages(helpSections(keymap, columns), 80, 24).flat().some(line => line.includes('Consuming (:consume <topic> [start])'))).toBe(true);
	});
});
