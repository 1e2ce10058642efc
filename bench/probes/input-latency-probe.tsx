/*
A child process of `npm run bench`: the time from a key press to the frame that shows it, in
ktop's consume view while a fake consume session receives records as fast as this thread can
make them (the 10,000-partition snapshot in the store). Prints one JSON object.

	node --import tsx bench/probes/input-latency-probe.tsx <columns> <rows> <seconds>

Keys come 130 ms apart. Unlike the render probe, nothing is spaced to avoid the throttles: the
view redraws for records four times a second and Ink draws at most 30 frames a second, so a key
can wait for either, as it would for an operator. KTOP_BENCH_FRAME=1 prints the last frame on
stderr.
*/
import {givenNodeEnv, reactBuild} from './as-ktop-runs.js';
import {monitorEventLoopDelay} from 'node:perf_hooks';
import {percentiles, type Percentiles} from '../stats.js';
import {fakeConsumeSession, type FakeStream} from './fake-consume-session.js';
import {mountApp, sleep} from './probe-app.js';
import {renderSnapshot} from './render-snapshot.js';

export type InputLatencyProbeResult = {
	columns: number;
	rows: number;
	/** NODE_ENV as the probe was started with: "(unset)" is how ktop runs. */
	nodeEnv: string;
	/** The React build that ran, as ktop chooses it from NODE_ENV. */
	react: 'production' | 'development';
	seconds: number;
	/** The consume view was on screen (the topic's records). */
	reached: boolean;
	recordsPerSecond: number;
	framesPerSecond: number;
	keys: number;
	keyToFrameMs: Percentiles;
	noFrame: number;
	/** How long the event loop was held at a time (what delays a key before React even sees it). */
	eventLoopDelayMs: {p50: number; p99: number; max: number};
};

const [columns = 80, rows = 24, seconds = 10] = process.argv.slice(2, 5).map(Number);
const topic = 'bench-load-100b';
let session: FakeStream | undefined;
const app = mountApp({
	columns, rows, snapshot: renderSnapshot(Date.now()),
	initialStack: [{view: 'topics'}, {view: 'consume', subject: topic}],
	async consume(name) {
		session = fakeConsumeSession(name);
		return session;
	},
});

await sleep(2000);
const reached = session !== undefined && app.stdout.last.includes(topic);
// Moves that scroll the stream (up also stops following), the detail opened and closed, follow toggled.
const keyCycle = ['k', 'k', 'j', '\u001B[5~', '\u001B[6~', 'g', 'G', '\r', '\u001B', 'k', 'f', 'j'];
const keyToFrameMs: number[] = [];
const loop = monitorEventLoopDelay({resolution: 1});
const framesBefore = app.stdout.frames;
const receivedBefore = session?.getStats().received ?? 0;
let keys = 0;
let noFrame = 0;
const started = performance.now();
loop.enable();
for (let step = 0; performance.now() - started < seconds * 1000; step++) {
	const drawn = await app.change(keyToFrameMs, () => {
		app.stdin.write(keyCycle[step % keyCycle.length]!);
	}, 130);
	keys++;
	if (!drawn) noFrame++;
}

loop.disable();
const elapsed = (performance.now() - started) / 1000;
const result: InputLatencyProbeResult = {
	columns, rows, nodeEnv: givenNodeEnv ?? '(unset)', react: reactBuild, seconds: elapsed, reached,
	recordsPerSecond: ((session?.getStats().received ?? 0) - receivedBefore) / elapsed,
	framesPerSecond: (app.stdout.frames - framesBefore) / elapsed,
	keys, keyToFrameMs: percentiles(keyToFrameMs), noFrame,
	eventLoopDelayMs: {p50: loop.percentile(50) / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6},
};
if (process.env['KTOP_BENCH_FRAME']) process.stderr.write(app.stdout.last);
await session?.close();
app.unmount();
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
