import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {ConsumeSession, StartPosition} from '../../../source/model/consume-types.js';
import type {AppProps} from '../../../source/ui/app.js';
import {fakeStore, keys, renderApp, tick} from '../harness.js';
import {healthySnapshot} from '../snapshots.js';
import {fakeSession, type FakeSession} from './fake-session.js';

afterEach(() => cleanup());

/** Longer than the redraw throttle (250 ms): what a burst of records shows once it settles. */
async function settle(): Promise<void> {
	await new Promise(resolve => setTimeout(resolve, 300));
	await tick();
}

/** The app opened straight into the consume view of `orders` (as `ktop consume orders` does), on a fake session. */
async function openConsume(session: FakeSession = fakeSession(), extra: Partial<AppProps> = {}) {
	const opened: string[] = [];
	const consume = async (topic: string): Promise<ConsumeSession> => {
		opened.push(topic);
		return session;
	};

	const app = await renderApp(fakeStore(healthySnapshot()), {consume, initialStack: [{view: 'topics'}, {view: 'consume', subject: 'orders'}], ...extra});
	await tick();
	return {...app, session, opened};
}

const lines = (frame: string) => frame.split('\n');
const recordLines = (frame: string) => lines(frame).filter(line => /^ +\d+ +\d+ \d\d:\d\d:\d\d\.\d{3} /.test(line));

describe('consume view', () => {
	it('shows each record on one line: partition, offset, time, key, value, size', async () => {
		const {frame, session, opened} = await openConsume();
		expect(opened).toEqual(['orders']);
		expect(frame()).toContain('topics › consume orders');
		session.push(
			{partition: 0, offset: '41', key: 'order-1', value: '{"id": 1,\n "total": 12345678901234567890}'},
			{partition: 2, offset: '7', key: null, value: 'plain text'},
			{partition: 1, offset: '3', key: 'k', value: null},
		);
		await settle();
		const shown = recordLines(frame());
		expect(shown).toHaveLength(3);
		expect(shown[0]).toMatch(/^ +0 +41 14:03:09\.042 order-1 +\{"id":1,"total":12345678901234567890\} +\d+ B$/);
		expect(shown[1]).toMatch(/^ +2 +7 14:03:09\.042 \(null\) +plain text +10 B$/);
		expect(shown[2]).toMatch(/^ +1 +3 .* k +\(null\) +1 B$/);
		expect(frame()).toMatch(/^PART +OFFSET TIME +KEY +VALUE +SIZE$/m);
		expect(frame()).toContain('consume orders (3)');
	});

	it('shows hostile bytes as visible escapes: no raw escape or control character reaches the frame', async () => {
		const {frame, session} = await openConsume();
		session.push(
			{key: '\u001B]0;pwned\u0007', value: 'a\u001B[2Jb\rc\u0000d'},
			{key: Buffer.from([0x6F, 0x6B, 0xFF, 0xC3, 0x28]), value: Buffer.from([0x68, 0x69, 0xE2, 0x82, 0x20, 0x21])},
			{key: 'bidi\u202Eevil', value: 'tab\there', headers: [{key: 'h\u001B[31m', value: Buffer.from('\u001B[H')}]},
		);
		await settle();
		const text = frame();
		expect(text).toContain('\\x1b]0;pwned\\x07');
		expect(text).toContain('a\\x1b[2Jb\\rc\\x00d');
		expect(text).toContain('ok\\xff\\xc3(');
		expect(text).toContain('hi\\xe2\\x82 !');
		expect(text).toContain('bidi\\u202eevil');
		expect(text).toContain('tab\\there');
		for (const raw of ['\u001B', '\u0007', '\r', '\u0000', '\u202E', '\t']) expect(text.includes(raw), JSON.stringify(raw)).toBe(false);
	});

	it('space pauses (PAUSED with the records still counted) and resumes', async () => {
		const {frame, type, session} = await openConsume();
		session.push({value: 'before'});
		await settle();
		await type(' ');
		expect(session.getStats().paused).toBe(true);
		expect(frame()).toContain('PAUSED (+0 new)');
		session.pushMany(5, index => ({value: `while-paused-${index}`}));
		await settle();
		expect(frame()).toContain('PAUSED (+5 new)');
		expect(frame()).toContain('6 received');
		expect(frame()).not.toContain('while-paused');
		await type(' ');
		expect(session.getStats().paused).toBe(false);
		expect(frame()).toContain('FOLLOW');
		expect(frame()).not.toContain('PAUSED');
		// A second pause counts from its own start, though the session counts over every pause.
		await type(' ');
		session.pushMany(2, () => ({}));
		await settle();
		expect(session.getStats().receivedWhilePaused).toBe(7);
		expect(frame()).toContain('PAUSED (+2 new)');
	});

	it('follows the newest record; scrolling up turns follow off; f and G follow again', async () => {
		const {frame, type, session} = await openConsume();
		session.pushMany(100, index => ({value: `value-${String(index).padStart(3, '0')}`}));
		await settle();
		expect(frame()).toContain('FOLLOW');
		expect(recordLines(frame()).at(-1)).toContain('value-099');
		session.pushMany(10, index => ({value: `value-${100 + index}`}));
		await settle();
		expect(recordLines(frame()).at(-1)).toContain('value-109');
		// The cursor is on the newest: Enter opens it.
		await type(keys.enter);
		expect(frame()).toContain('value-109');
		expect(frame()).toContain('consume orders › p0 @ 109');
		await type(keys.escape);

		await type('k');
		expect(frame()).toContain('follow off');
		session.pushMany(10, index => ({value: `value-${110 + index}`}));
		await settle();
		expect(frame()).not.toContain('value-119');
		await type(keys.enter);
		expect(frame()).toContain('p0 @ 108');
		await type(keys.escape);

		await type('f');
		expect(frame()).toContain('FOLLOW');
		expect(recordLines(frame()).at(-1)).toContain('value-119');
		await type('g');
		expect(frame()).toContain('follow off');
		expect(recordLines(frame())[0]).toContain('value-000');
		await type('G');
		expect(frame()).toContain('FOLLOW');
		expect(recordLines(frame()).at(-1)).toContain('value-119');
	});

	it('keeps the cursor on its record while old records leave the ring buffer', async () => {
		const {frame, type, session} = await openConsume(fakeSession({capacity: 50}));
		session.pushMany(50, index => ({value: `v${index}`}));
		await settle();
		await type('k', 'k');
		session.pushMany(20, index => ({value: `v${50 + index}`}));
		await settle();
		expect(frame()).toContain('held 50/50');
		await type(keys.enter);
		expect(frame()).toContain('p0 @ 47');
	});

	it('/ filters through the session; an invalid regex says so and nothing breaks', async () => {
		const {frame, type, session} = await openConsume();
		session.push({key: 'a', value: 'error: disk full'}, {key: 'b', value: 'ok'}, {key: 'error-key', value: 'fine'});
		await settle();
		await type('/', 'err');
		expect(session.setFilterCalls.at(-1)).toBe('err');
		await type(keys.enter);
		expect(recordLines(frame())).toHaveLength(2);
		expect(frame()).toContain('consume orders (2 of 3)  /err/');
		// Arriving records are filtered too (by the session).
		session.push({key: 'c', value: 'another error'}, {key: 'd', value: 'nothing'});
		await settle();
		expect(recordLines(frame())).toHaveLength(3);

		await type('/', '[');
		expect(frame()).toContain('invalid regex');
		expect(frame()).toContain('invalid regex (Unterminated character class); kept /err/');
		await type('a-z]+r');
		expect(frame()).not.toContain('invalid regex');
		await type(keys.escape);
		expect(session.setFilterCalls.at(-1)).toBeUndefined();
		expect(recordLines(frame())).toHaveLength(5);
	});

	it('Enter opens the detail: headers, sizes, pretty JSON; binary as a hex dump; truncation said', async () => {
		const {frame, type, session} = await openConsume();
		session.push({
			offset: '5', key: 'order-1', value: '{"id":12345678901234567890,"items":[{"sku":"a"}],"empty":{}}',
			headers: [{key: 'content-type', value: Buffer.from('application/json')}, {key: 'trace', value: null}],
		});
		await settle();
		await type(keys.enter);
		const detail = frame();
		expect(detail).toContain('partition 0, offset 5');
		expect(detail).toContain('headers (2)');
		expect(detail).toContain('content-type: application/json');
		expect(detail).toContain('trace: (null)');
		expect(detail).toContain('key · 7 bytes · text');
		expect(detail).toContain('value · 60 bytes · JSON');
		expect(lines(detail)).toEqual(expect.arrayContaining([
			'  {', '    "id": 12345678901234567890,', '    "items": [', '      {', '        "sku": "a"', '      }', '    ],', '    "empty": {}', '  }',
		]));
		expect(detail).toContain('↑/↓ scroll');
		await type(keys.escape);
		expect(frame()).toContain('consume orders (1)');

		const binary = Buffer.from(Array.from({length: 40}, (_, index) => index * 7 % 256));
		session.push({value: binary, size: 1_000_000, truncated: true});
		await settle();
		await type(keys.enter);
		expect(frame()).toContain('value · 40 bytes · binary, hex dump');
		expect(frame()).toContain('  00000000  00 07 0e 15 1c 23 2a 31  38 3f 46 4d 54 5b 62 69  |.....#*18?FMT[bi|');
		expect(frame()).toContain('truncated: kept 45 of 1,000,000 bytes');
	});

	it('scrolls a long detail with j, k and PgDn', async () => {
		const {frame, type, session} = await openConsume();
		session.push({value: Array.from({length: 200}, (_, index) => `line ${index}`).join('\n')});
		await settle();
		await type(keys.enter);
		expect(frame()).toContain('  line 0');
		expect(frame()).not.toContain('line 60');
		await type(keys.pageDown);
		expect(frame()).not.toContain('  line 0\n');
		await type(keys.pageDown, keys.pageDown, 'j', 'j', 'k');
		expect(frame()).toMatch(/line [4-9]\d\b/);
		await type('G');
		expect(frame()).toContain('line 199');
	});

	it('Esc closes the detail, then the view (back to topics), closing the session', async () => {
		const {frame, type, session} = await openConsume();
		session.push({value: 'x'});
		await settle();
		await type(keys.enter, keys.escape);
		expect(session.closeCalls).toBe(0);
		expect(frame()).toContain('consume orders');
		await type(keys.escape);
		expect(frame()).toMatch(/^topics \(42\)/m);
		await tick();
		expect(session.closeCalls).toBe(1);
		expect(session.listenerCount()).toBe(0);
	});

	it('q quits and closes the session', async () => {
		const {type, session} = await openConsume();
		await type('q');
		await tick();
		expect(session.closeCalls).toBe(1);
	});

	it('keeps the session while help is open, and help lists the consume keys', async () => {
		const {frame, type, session} = await openConsume();
		expect(frame()).toContain('Space pause  f follow  Esc back  Enter open');
		await type('?');
		for (const text of ['Consuming (:consume <topic> [start])', 'Space', 'pause / resume (still counts)', 'follow the newest record on/off', 'watch the topic\'s records live']) {
			expect(frame()).toContain(text);
		}

		await type('?');
		expect(session.closeCalls).toBe(0);
		expect(frame()).toContain('FOLLOW');
	});

	it('says why when the session cannot be opened, and Esc still goes back', async () => {
		const app = await renderApp(fakeStore(healthySnapshot()), {
			consume: async () => {
				throw new Error('topic \u001B[2Jgone does not exist');
			},
			initialStack: [{view: 'topics'}, {view: 'consume', subject: 'gone'}],
		});
		await tick();
		expect(app.frame()).toContain('cannot consume: topic \\x1b[2Jgone does not exist');
		await app.type(keys.escape);
		expect(app.frame()).toMatch(/^topics \(42\)/m);
	});

	it('shows the stream\'s error and per-partition progress on the status line', async () => {
		const {frame, session} = await openConsume(fakeSession({partitions: [0, 1]}), {columns: 160});
		session.setStats({
			ratePerSecond: 1234.4, error: 'broker 2 \u001B]0;x\u0007 unreachable',
			partitions: [{partition: 0, position: '120', highWatermark: '120'}, {partition: 1, position: '98', highWatermark: undefined}],
		});
		await settle();
		expect(frame()).toContain('FOLLOW │ 1,234/s │ 0 received │ held 0/10,000 │ from end │ error: broker 2 \\x1b]0;x\\x07 unreachable │ p0 120/120 p1 98/?');
		session.setStats({
			error: undefined,
			partitions: [
				{partition: 0, position: '3000', highWatermark: '3000', notice: 'offset 9000 is past the end (3000): following from the end'},
				{partition: 1, position: '3000', highWatermark: '3000', notice: 'offset 9000 is past the end (3000): following from the end'},
			],
		});
		await settle();
		expect(frame()).toContain('consume orders (0)  p0: offset 9000 is past the end (3000): following from the end (and 1 more partition)');
	});
});

describe('opening the consume view', () => {
	it('c on a topic row opens it through the factory; Esc closes it', async () => {
		const session = fakeSession({topic: 'payments'});
		const opened: string[] = [];
		const app = await renderApp(fakeStore(healthySnapshot()), {
			async consume(topic) {
				opened.push(topic);
				return session;
			},
		});
		await app.type('j', 'c');
		await tick();
		expect(opened).toEqual(['payments']);
		expect(app.frame()).toContain('topics › consume payments');
		expect(app.frame()).toContain('FOLLOW');
		await app.type(keys.escape);
		await tick();
		expect(session.closeCalls).toBe(1);
		expect(app.frame()).toMatch(/^topics \(42\)/m);
	});

	it(':consume <topic> opens it on top of the current view; another :consume replaces it', async () => {
		const sessions: FakeSession[] = [];
		const app = await renderApp(fakeStore(healthySnapshot()), {
			async consume(topic) {
				sessions.push(fakeSession({topic}));
				return sessions.at(-1)!;
			},
		});
		await app.type(':brokers', keys.enter, ':consume Orders.V2', keys.enter);
		await tick();
		expect(app.frame()).toContain('brokers › consume Orders.V2');
		await app.type(':consume payments', keys.enter);
		await tick();
		expect(app.frame()).toContain('brokers › consume payments');
		expect(sessions.map(session => [session.topic, session.closeCalls])).toEqual([['Orders.V2', 1], ['payments', 0]]);
		await app.type(':consume', keys.enter);
		expect(app.frame()).toContain(':consume needs a topic: :consume <topic> [end|beginning');
		await app.type(':topics', keys.enter);
		await tick();
		expect(sessions[1]!.closeCalls).toBe(1);
	});

	it(':consume t last:2 opens a session asked for the last 2 records; the breadcrumb says from where', async () => {
		const asked: Array<[string, StartPosition | undefined]> = [];
		const app = await renderApp(fakeStore(healthySnapshot()), {
			async consume(topic, start) {
				asked.push([topic, start]);
				return fakeSession({topic, start: start ?? {kind: 'end'}});
			},
		});
		await app.type(':consume t last:2', keys.enter);
		await tick();
		expect(asked).toEqual([['t', {kind: 'last', count: 2}]]);
		expect(app.frame()).toContain('topics › consume t from last:2');
		expect(app.frame()).toContain('│ last 2 each');
		await app.type(':consume t -10m', keys.enter);
		await tick();
		expect(asked[1]).toEqual(['t', {kind: 'timestamp', at: expect.any(Number)}]);
		expect(Date.now() - 600_000 - (asked[1]![1] as {at: number}).at).toBeLessThan(5000);
		expect(app.frame()).toContain('topics › consume t from -10m');
	});

	it('a start it cannot read opens nothing and names the forms it takes', async () => {
		const asked: string[] = [];
		const app = await renderApp(fakeStore(healthySnapshot()), {
			async consume(topic) {
				asked.push(topic);
				return fakeSession({topic});
			},
		});
		await app.type(':consume t last:x', keys.enter);
		await tick();
		expect(asked).toEqual([]);
		expect(app.frame()).toMatch(/^topics \(42\) {2}:consume "last:x": not understood; use end\|beginning\|1234\|last:N\|-10m\|@ms\|ISO-time$/m);
	});

	it('c reads from the end (asks for no start); b reads the topic again from the beginning, in a new session', async () => {
		const sessions: Array<FakeSession & {asked: StartPosition | undefined}> = [];
		const app = await renderApp(fakeStore(healthySnapshot()), {
			async consume(topic, start) {
				sessions.push(Object.assign(fakeSession({topic, start: start ?? {kind: 'end'}}), {asked: start}));
				return sessions.at(-1)!;
			},
		});
		await app.type('j', 'c');
		await tick();
		expect(sessions.map(session => session.asked)).toEqual([undefined]);
		expect(app.frame()).toContain('topics › consume payments (0)');
		await app.type('/', 'err', keys.enter);
		sessions[0]!.push({value: 'error 1'});
		await settle();
		await app.type('b');
		await tick();
		expect(sessions.map(session => [session.topic, session.asked, session.closeCalls])).toEqual([['payments', undefined, 1], ['payments', {kind: 'beginning'}, 0]]);
		expect(app.frame()).toContain('topics › consume payments from beginning (0 of 0)  /err/');
		expect(app.frame()).toContain('│ from beginning');
		expect(sessions[1]!.setFilterCalls.at(-1)).toBe('err');
		// b again reads again: one more session; Esc still goes back where c was pressed.
		await app.type('b');
		await tick();
		expect(sessions.map(session => session.closeCalls)).toEqual([1, 1, 0]);
		await app.type(keys.escape, keys.escape);
		await tick();
		expect(sessions[2]!.closeCalls).toBe(1);
		expect(app.frame()).toMatch(/^topics \(42\)/m);
	});

	it('c on a row without a topic says what it is for', async () => {
		const app = await renderApp(fakeStore(healthySnapshot()));
		await app.type(':brokers', keys.enter, 'c');
		expect(app.frame()).toContain('c consumes a topic');
	});
});
