import chalk from 'chalk';
import {cleanup} from 'ink-testing-library';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {fakeStore, renderApp, tick} from './harness.js';
import {colorAllowed} from '../../source/ui/components/tone.js';
import {brokenSnapshot, healthySnapshot, partition, T0, topic} from './snapshots.js';

const underline = '\u001B[4m';
const inverse = '\u001B[7m';
let level: typeof chalk.level;

beforeEach(() => {
	// Styles are the point here; vitest's output is not a TTY, so chalk would drop them.
	level = chalk.level;
	chalk.level = 1;
	vi.useFakeTimers({toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval']});
	vi.setSystemTime(T0 + 3000);
});

afterEach(() => {
	cleanup();
	vi.useRealTimers();
	chalk.level = level;
});

/** Moves the fake clock, then lets React render what the timers scheduled (it renders on a real setImmediate). */
async function advance(ms: number): Promise<void> {
	await vi.advanceTimersByTimeAsync(ms);
	await tick();
}

/** The frame's line for a row, by its first cell. */
function line(frame: string, first: string): string {
	// eslint-disable-next-line no-control-regex
	return frame.split('\n').find(candidate => candidate.replace(/\u001B\[\d+m/g, '').startsWith(`${first} `)) ?? '';
}

/** orders with partition 0's leader moved from 1 to 2. */
function leaderMoved(takenAt: number) {
	const snapshot = healthySnapshot({takenAt});
	const [, ...rest] = snapshot.topics;
	return {...snapshot, topics: [topic('orders', [partition(0, 2, [1, 2, 3]), partition(1, 2, [2, 3, 1]), partition(2, 3, [3, 1, 2])]), ...rest]};
}

describe('changed cells', () => {
	it('are highlighted after a refresh changes them, and no longer after two seconds', async () => {
		const store = fakeStore(healthySnapshot());
		const app = await renderApp(store, {now: () => Date.now()});
		expect(app.frame()).not.toContain(underline);

		store.set(leaderMoved(Date.now()));
		await advance(300);
		// Underlined (and bold) from the start of the cell's text, not its padding.
		expect(line(app.frame(), 'orders')).toMatch(/\u001B\[4m(\u001B\[1m)?2,2,3/);
		// Only that cell of that row.
		expect(app.frame().split(underline)).toHaveLength(2);

		await advance(1000);
		expect(line(app.frame(), 'orders')).toContain(underline);
		await advance(1200);
		expect(app.frame()).not.toContain(underline);
		expect(line(app.frame(), 'orders')).toContain('2,2,3');
	});

	it('are not highlighted by a refresh that changes nothing, nor when a view is opened', async () => {
		const store = fakeStore(healthySnapshot());
		const app = await renderApp(store, {now: () => Date.now()});
		store.set(healthySnapshot({takenAt: Date.now()}));
		await advance(300);
		expect(app.frame()).not.toContain(underline);

		// The change happens while another view is showing: topics opened afterwards show it plainly.
		await app.type(':brokers', '\r');
		store.set(leaderMoved(Date.now()));
		await advance(300);
		await app.type(':topics', '\r');
		expect(line(app.frame(), 'orders')).toContain('2,2,3');
		expect(app.frame()).not.toContain(underline);
	});

	it('redraws a burst of store notifications at most every 250 ms', async () => {
		const store = fakeStore(healthySnapshot());
		const app = await renderApp(store, {now: () => Date.now()});
		const before = app.frames.length;
		for (let index = 1; index <= 20; index++) {
			store.set(healthySnapshot({takenAt: Date.now(), clusterId: `burst-${index}`}));
			await advance(25);
		}

		await advance(300);
		const frames = app.frames.slice(before);
		// 500 ms of notifications every 25 ms: the first at once, then one per 250 ms window.
		expect(frames.length).toBeGreaterThanOrEqual(2);
		expect(frames.length).toBeLessThanOrEqual(4);
		expect(app.frame()).toContain('cluster burst-20');
	});
});

describe('NO_COLOR', () => {
	// Foreground colours: 30-37, 90-97 and 38;5 / 38;2 forms.
	const colour = /\u001B\[(3[0-8]|9[0-7])[;m]/;

	it('is read by ktop itself (chalk does not), present and non-empty meaning no colour', () => {
		expect(colorAllowed({})).toBe(true);
		expect(colorAllowed({NO_COLOR: ''})).toBe(true);
		expect(colorAllowed({NO_COLOR: '1'})).toBe(false);
	});

	it('drops colour but keeps the cursor inverse and the text that says what is wrong', async () => {
		const coloured = await renderApp(fakeStore(brokenSnapshot()), {color: true});
		expect(coloured.frame()).toMatch(colour);
		const plain = await renderApp(fakeStore(brokenSnapshot()), {color: false});
		expect(plain.frame()).not.toMatch(colour);
		expect(plain.frame()).toContain(inverse);
		expect(plain.frame()).toContain('QUORUM LOST');
		expect(plain.frame()).toContain('CRITICAL');
	});
});

describe('messages', () => {
	it('go away on their own after a few seconds', async () => {
		const app = await renderApp(fakeStore(healthySnapshot()), {now: () => Date.now()});
		await app.type('r');
		expect(app.frame()).toContain('refreshing…');
		await advance(3000);
		expect(app.frame()).toContain('refreshing…');
		await advance(1100);
		expect(app.frame()).not.toContain('refreshing…');
	});
});

describe('cursor', () => {
	it('is drawn inverse, so it shows without colour, and moves with j', async () => {
		const app = await renderApp(fakeStore(healthySnapshot()));
		expect(line(app.frame(), 'orders')).toContain(inverse);
		expect(line(app.frame(), 'payments')).not.toContain(inverse);
		await app.type('j');
		expect(line(app.frame(), 'orders')).not.toContain(inverse);
		expect(line(app.frame(), 'payments')).toContain(inverse);
	});
});
