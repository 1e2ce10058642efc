import {afterEach, describe, expect, it, vi} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {brokenSnapshot, healthySnapshot} from './snapshots.js';
import {fakeStore, keys, renderApp, tick} from './harness.js';

afterEach(() => cleanup());

/** The line of the frame the cursor is on is drawn inverse; without colour the tests find it by content. */
function lineWith(frame: string, text: string): string | undefined {
	return frame.split('\n').find(line => line.includes(text));
}

describe('navigation', () => {
	it('opens on topics for a healthy cluster and on health when a finding is critical', async () => {
		const healthy = await renderApp(fakeStore(healthySnapshot()));
		expect(healthy.frame()).toMatch(/^topics \(42\)/m);
		const broken = await renderApp(fakeStore(brokenSnapshot()));
		expect(broken.frame()).toMatch(/^health \(3\)/m);
		expect(broken.frame()).toContain('CRITICAL OFFLINE_PARTITION orders-1');
	});

	it('waits for the first snapshot, then opens the default view', async () => {
		const store = fakeStore();
		const app = await renderApp(store);
		expect(app.frame()).toContain('waiting for the first refresh of 127.0.0.1:2181');
		store.set(healthySnapshot());
		await new Promise(resolve => setTimeout(resolve, 300));
		expect(app.frame()).toMatch(/^topics \(42\)/m);
	});

	it(':brokers Enter switches view; :zk too; unknown commands say so without crashing', async () => {
		const app = await renderApp(fakeStore(healthySnapshot()));
		await app.type(':brokers', keys.enter);
		expect(app.frame()).toMatch(/^brokers \(3\)/m);
		await app.type(':zk', keys.enter);
		expect(app.frame()).toMatch(/^zookeeper \(3\)/m);
		expect(app.frame()).toContain('127.0.0.1:2183 leader');
		await app.type(':nonsense', keys.enter);
		expect(app.frame()).toContain('unknown command ":nonsense"; try :health :zk :brokers :topics :groups :events or :q');
		expect(app.frame()).toMatch(/^zookeeper \(3\)/m);
		await app.type(':topics', keys.enter);
		expect(app.frame()).toMatch(/^topics \(42\)/m);
	});

	it('shows what is typed on the prompt line, and Esc leaves it', async () => {
		const app = await renderApp(fakeStore(healthySnapshot()));
		await app.type(':bro');
		expect(app.frame()).toMatch(/^:bro /m);
		await app.type(keys.backspace);
		expect(app.frame()).toMatch(/^:br /m);
		await app.type(keys.escape);
		expect(app.frame()).not.toMatch(/^:br/m);
		expect(app.frame()).toMatch(/^topics \(42\)/m);
	});

	it('a chunk of keys (a paste, tmux send-keys, fast typing over SSH) does what typing it would', async () => {
		const app = await renderApp(fakeStore(healthySnapshot()));
		const chunk = async (text: string) => {
			app.stdin.write(text);
			// A key that waited for fresh rows is replayed after the next render: give it that render.
			await tick();
			await tick();
			await tick();
		};

		await chunk(':brokers\r');
		expect(app.frame()).toMatch(/^brokers \(3\)/m);
		await chunk(':topics\r');
		await chunk('jj\r');
		expect(app.frame()).toContain('partitions of topic-00');
		await chunk('\u001B');
		await chunk('/pay\r');
		expect(app.frame()).toContain('topics (1 of 42)  /pay/');
		expect(app.frame()).not.toMatch(/^\/pay/m);
		// Keys acting on rows wait for the rows the filter before them selects.
		await chunk('\u001B');
		await chunk('/pay\r\r');
		expect(app.frame()).toContain('partitions of payments');
		// Esc then a letter in one chunk reads as Alt+letter, as in any terminal: Esc goes alone.
		await chunk('\u001B');
		await chunk('\u001B');
		await chunk('G\r');
		expect(app.frame()).toMatch(/partitions of topic-\d\d/);
	});

	it('Tab completes a view name in command mode', async () => {
		const app = await renderApp(fakeStore(healthySnapshot()));
		await app.type(':bro', keys.tab);
		expect(app.frame()).toMatch(/^:brokers /m);
		await app.type(keys.enter);
		expect(app.frame()).toMatch(/^brokers \(3\)/m);
	});

	it('/ filters as you type, Enter keeps the filter, Esc clears it', async () => {
		const app = await renderApp(fakeStore(healthySnapshot()));
		await app.type('/', 'pay');
		expect(app.frame()).toContain('topics (1 of 42)');
		await app.type(keys.enter);
		expect(app.frame()).toContain('/pay/');
		expect(app.frame()).toContain('payments');
		expect(app.frame()).not.toContain('orders');
		// Keys go to the table again: j does not type into the filter.
		await app.type('j');
		expect(app.frame()).toContain('/pay/');
		await app.type(keys.escape);
		expect(app.frame()).toContain('topics (42)');
		expect(app.frame()).toContain('orders');
	});

	it('filters by regex, case-insensitively', async () => {
		const app = await renderApp(fakeStore(healthySnapshot()));
		await app.type('/', '^TOPIC-0[12]$', keys.enter);
		expect(app.frame()).toContain('topics (2 of 42)');
		expect(app.frame()).toContain('topic-01');
		expect(app.frame()).toContain('topic-02');
		expect(app.frame()).not.toContain('topic-03');
	});

	it('an invalid regex is matched as text and says so, without crashing', async () => {
		const app = await renderApp(fakeStore(healthySnapshot()));
		await app.type('/', 'orders[', keys.enter);
		expect(app.frame()).toContain('invalid regex');
		expect(app.frame()).toContain('topics (0 of 42)');
		expect(app.frame()).toContain('no rows match /orders[/');
		await app.type(keys.escape, '/', '(', keys.enter);
		expect(app.frame()).toContain('invalid regex');
		expect(app.frame()).toContain('topics (0 of 42)');
	});

	it('Enter drills into partitions, Esc goes back, breadcrumbs follow, the cursor is kept', async () => {
		const app = await renderApp(fakeStore(healthySnapshot()));
		await app.type('j', keys.enter);
		expect(app.frame()).toMatch(/^topics › partitions of payments \(6\)/m);
		expect(app.frame()).toMatch(/REPLICAS/);
		await app.type(keys.escape);
		expect(app.frame()).toMatch(/^topics \(42\)/m);
		await app.type(keys.enter);
		expect(app.frame()).toContain('partitions of payments');
		// At the top of the breadcrumbs Esc has nowhere to go and does nothing.
		await app.type(keys.escape, keys.escape);
		expect(app.frame()).toMatch(/^topics \(42\)/m);
	});

	it('j/k, arrows, g/G, PgDn/PgUp and Ctrl-F/Ctrl-B move the cursor and scroll', async () => {
		const app = await renderApp(fakeStore(healthySnapshot()), {rows: 20});
		const cursorOn = async (...sequence: string[]) => {
			await app.type(...sequence);
			await app.type(keys.enter);
			const crumb = /partitions of (\S+)/.exec(app.frame())?.[1];
			await app.type(keys.escape);
			return crumb;
		};

		expect(await cursorOn()).toBe('orders');
		expect(await cursorOn('j', 'j')).toBe('topic-00');
		expect(await cursorOn('k')).toBe('payments');
		expect(await cursorOn(keys.down, keys.down, keys.up)).toBe('topic-00');
		expect(await cursorOn('G')).toBe('topic-39');
		expect(app.frame()).toContain('topic-39');
		expect(app.frame()).not.toContain('orders');
		expect(await cursorOn('g')).toBe('orders');
		const paged = await cursorOn(keys.pageDown);
		expect(paged).toMatch(/^topic-/);
		expect(await cursorOn(keys.pageUp)).toBe('orders');
		expect(await cursorOn(keys.ctrlF)).toBe(paged);
		expect(await cursorOn(keys.ctrlB)).toBe('orders');
	});

	it('keeps the cursor on its row when a refresh reorders the rows', async () => {
		const store = fakeStore(healthySnapshot());
		const app = await renderApp(store);
		await app.type('j', 'j', 'j');
		const snapshot = healthySnapshot();
		store.set({...snapshot, takenAt: snapshot.takenAt + 2000, topics: [...snapshot.topics].reverse()});
		await new Promise(resolve => setTimeout(resolve, 300));
		await app.type(keys.enter);
		expect(app.frame()).toContain('partitions of topic-01');
	});

	it('Shift+letter sorts by that column, pressing it again reverses', async () => {
		const app = await renderApp(fakeStore(healthySnapshot()));
		const rowsOf = () => app.frame().split('\n').filter(line => /^(orders|payments|topic-\d\d) /.test(line)).map(line => line.split(' ')[0]);
		await app.type('P');
		expect(app.frame()).toMatch(/PART▲/);
		// Ascending, ties keep the pane's order: the one-partition topics first.
		expect(rowsOf()[0]).toBe('topic-00');
		await app.type('P');
		expect(app.frame()).toMatch(/PART▼/);
		expect(rowsOf().slice(0, 3)).toEqual(['payments', 'orders', 'topic-00']);
		await app.type('N');
		expect(app.frame()).toMatch(/NAME▲/);
		expect(rowsOf()[0]).toBe('orders');
		await app.type('N');
		expect(app.frame()).toMatch(/NAME▼/);
		expect(rowsOf()[0]).toBe('topic-39');
	});

	it('Tab and Shift-Tab cycle the top-level views', async () => {
		const app = await renderApp(fakeStore(healthySnapshot()));
		await app.type(keys.tab);
		expect(app.frame()).toMatch(/^groups \(0\)/m);
		expect(app.frame()).toContain('no groups');
		await app.type(keys.shiftTab, keys.shiftTab);
		expect(app.frame()).toMatch(/^brokers \(3\)/m);
	});

	it('r asks the poller for a refresh', async () => {
		const refreshNow = vi.fn();
		const app = await renderApp(fakeStore(healthySnapshot()), {refreshNow});
		await app.type('r');
		expect(refreshNow).toHaveBeenCalledTimes(1);
		expect(app.frame()).toContain('refreshing…');
	});

	it('q and Ctrl-C quit, also from help; in a prompt q is text and Ctrl-C still quits', async () => {
		for (const sequence of [['q'], [keys.ctrlC], ['?', 'q'], ['?', keys.ctrlC], ['/', keys.ctrlC], [':q', keys.enter]]) {
			const app = await renderApp(fakeStore(healthySnapshot()));
			await app.type(...sequence);
			// An app that quit is unmounted and draws nothing more. '?' would draw in any layer:
			// it opens help, closes it, or is typed into a prompt.
			const frames = app.frames.length;
			await app.type('?');
			expect(app.frames.length, `after ${JSON.stringify(sequence)}`).toBe(frames);
		}

		const app = await renderApp(fakeStore(healthySnapshot()));
		const frames = app.frames.length;
		await app.type('/', 'q');
		expect(app.frame()).toMatch(/^\/q /m);
		expect(app.frames.length).toBeGreaterThan(frames);
	});

	it('cuts rows to a narrow terminal instead of wrapping them', async () => {
		const app = await renderApp(fakeStore(healthySnapshot()), {columns: 40});
		expect(lineWith(app.frame(), 'payments')).toMatch(/^payments +6 /);
		for (const line of app.frame().split('\n')) expect(line.length).toBeLessThanOrEqual(40);
	});
});
