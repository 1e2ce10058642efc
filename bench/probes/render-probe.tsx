/*
A child process of `npm run bench`: ktop's <App/> with the real panes on a fake terminal of a
given size, fed a 10,000-partition snapshot whose watermarks change every 260 ms while keys are
pressed in between. Prints one JSON object.

	node --import tsx bench/probes/render-probe.tsx <columns> <rows> <topics|partitions> <seconds>

A frame's time is from the change (the store's notification, or the key written to stdin) to
Ink's onRender for the frame that follows: React renders after a microtask, then Ink lays out
and draws the frame's text (writing it to the terminal comes just after), all on this thread with nothing else to do, so that span is the work of the frame.
Changes come 130 ms apart: data every 260 ms, just over the UI's 250 ms redraw throttle, and
nothing within Ink's 33 ms (30 fps) throttle, so no frame waits on a throttle. Ink's own
`renderTime` is the output alone: the laid-out nodes drawn into the frame's text, after React's
render and Yoga's layout. The first two seconds warm up (JIT) and are not counted. KTOP_BENCH_FRAME=1 prints the last frame on stderr, to see what was drawn.
*/
import {givenNodeEnv, reactBuild} from './as-ktop-runs.js';
import {percentiles, type Percentiles} from '../stats.js';
import {mountApp, sleep} from './probe-app.js';
import {bigTopic, renderSnapshot, withNewWatermarks} from './render-snapshot.js';

export type RenderProbeResult = {
	columns: number;
	rows: number;
	pane: string;
	/** NODE_ENV as the probe was started with: "(unset)" is how ktop runs. */
	nodeEnv: string;
	/** The React build that ran, as ktop chooses it from NODE_ENV. */
	react: 'production' | 'development';
	seconds: number;
	/** The pane was really on screen (its title in the last frame). */
	reached: boolean;
	dataChanges: number;
	keys: number;
	/** Frames that reached the terminal per second (Ink skips a frame identical to the last). */
	writesPerSecond: number;
	/** The whole frame: from the change (store notification or key) to the frame written. */
	frameMs: Percentiles;
	dataFrameMs: Percentiles;
	keyFrameMs: Percentiles;
	/** Ink's own figure: drawing the laid-out nodes into the frame's text (not React, not Yoga's layout). */
	inkRenderMs: Percentiles;
	/** Changes no frame followed within 130 ms (a key with nothing to move). */
	noFrame: number;
};

const [columns = 80, rows = 24] = process.argv.slice(2, 4).map(Number);
const pane = process.argv[4] === 'partitions' ? 'partitions' : 'topics';
const seconds = Number(process.argv[5] ?? 10);
const warmUpSeconds = 2;
const spacingMs = 130;

let snapshot = renderSnapshot(Date.now());
const app = mountApp({columns, rows, snapshot});

// Getting there: the topics pane is where ktop opens on a healthy cluster; the partitions pane is one filter and Enter away.
await sleep(300);
if (pane === 'partitions') {
	for (const key of ['/', ...bigTopic, '\r', '\r']) {
		app.stdin.write(key);
		await sleep(20);
	}
}

await sleep(300);
const reached = app.stdout.last.includes(pane === 'partitions' ? `partitions of ${bigTopic}` : 'topics (');

const keyCycle = ['j', 'j', 'j', '\u001B[6~', 'j', 'k', '\u001B[6~', 'G', 'k', 'k', 'g', 'j'];
const run = async (until: number, data: number[], key: number[]) => {
	let counts = {dataChanges: 0, keys: 0, noFrame: 0};
	for (let step = 0; performance.now() < until; step++) {
		// The next snapshot is built outside the measured span: the store builds it, not the UI.
		const next = withNewWatermarks(snapshot, Date.now(), step);
		const dataDrawn = await app.change(data, () => {
			snapshot = next;
			app.store.set(next);
		}, spacingMs);
		const keyDrawn = await app.change(key, () => {
			app.stdin.write(keyCycle[step % keyCycle.length]!);
		}, spacingMs);
		counts = {dataChanges: counts.dataChanges + 1, keys: counts.keys + 1, noFrame: counts.noFrame + Number(!dataDrawn) + Number(!keyDrawn)};
	}

	return counts;
};

await run(performance.now() + warmUpSeconds * 1000, [], []);
const dataFrameMs: number[] = [];
const keyFrameMs: number[] = [];
const writesBefore = app.stdout.frames;
const framesBefore = app.inkRenderMs.length;
const started = performance.now();
const counts = await run(started + seconds * 1000, dataFrameMs, keyFrameMs);
const elapsed = (performance.now() - started) / 1000;
const result: RenderProbeResult = {
	columns, rows, pane, nodeEnv: givenNodeEnv ?? '(unset)', react: reactBuild, seconds: elapsed, reached, ...counts,
	writesPerSecond: (app.stdout.frames - writesBefore) / elapsed,
	frameMs: percentiles([...dataFrameMs, ...keyFrameMs]),
	dataFrameMs: percentiles(dataFrameMs),
	keyFrameMs: percentiles(keyFrameMs),
	inkRenderMs: percentiles(app.inkRenderMs.slice(framesBefore)),
};
if (process.env['KTOP_BENCH_FRAME']) process.stderr.write(app.stdout.last);
app.unmount();
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
