/*
A child process of `npm run bench`: ktop's consume engine (openConsumeSession, as the consume
view and the printer use it) reading a topic from the beginning to its end. Prints one JSON object.

	node --import tsx bench/probes/consume-probe.ts <engine|view> <topic> <records> <bootstrap>

engine: the session alone, default buffer (10,000 records), nothing drawing.
view:   the same session inside ktop's consume view on an 80x24 fake terminal, drawing as it reads.
*/
import type {ConsumeSession} from '../../source/model/consume-types.js';

export type ConsumeProbeResult = {
	mode: 'engine' | 'view';
	topic: string;
	records: number;
	received: number;
	seconds: number;
	recordsPerSecond: number;
	/** Process CPU over the read, % of one core (several threads can exceed 100). */
	cpuPercent: number;
	/** Peak RSS of this process (the kernel's maxrss), and RSS with everything loaded before the read. */
	peakRssMb: number;
	idleRssMb: number;
	heldAtEnd: number;
	error: string | undefined;
	framesPerSecond?: number;
};

const [modeArgument, topic = '', recordsArgument = '0', bootstrap = ''] = process.argv.slice(2);
const mode = modeArgument === 'view' ? 'view' : 'engine';
const records = Number(recordsArgument);
const timeoutMs = Number(process.env['KTOP_BENCH_CONSUME_TIMEOUT_MS'] ?? 300_000);

const {openConsumeSession} = await import('../../source/model/consume-session.js');
const open = async (name: string) => openConsumeSession({bootstrap: bootstrap.split(','), topic: name, start: {kind: 'beginning'}});
// The view's modules load before the clock starts, like the engine's, in the environment ktop gives them.
if (mode === 'view') await import('./as-ktop-runs.js');
const view = mode === 'view' ? await import('./probe-app.js') : undefined;
const {renderSnapshot} = await import('./render-snapshot.js');

const idleRssMb = process.memoryUsage().rss / 1024 / 1024;
const cpuBefore = process.cpuUsage();
const started = performance.now();
let session: ConsumeSession | undefined;
let app: ReturnType<NonNullable<typeof view>['mountApp']> | undefined;
if (view) {
	app = view.mountApp({
		columns: 80, rows: 24, snapshot: renderSnapshot(Date.now()),
		initialStack: [{view: 'topics'}, {view: 'consume', subject: topic}],
		async consume(name) {
			session = await open(name);
			return session;
		},
	});
} else {
	session = await open(topic);
}

// Done when every record is in; polled, as the session notifies at most every 100 ms anyway.
let error: string | undefined;
await new Promise<void>(resolve => {
	const timer = setInterval(() => {
		const stats = session?.getStats();
		error = stats?.error;
		const late = performance.now() - started > timeoutMs;
		if ((stats && stats.received >= records) || late) {
			if (late) error = `timed out after ${timeoutMs / 1000} s with ${stats?.received ?? 0} of ${records} records`;
			clearInterval(timer);
			resolve();
		}
	}, 5);
});
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const stats = session?.getStats();
const result: ConsumeProbeResult = {
	mode, topic, records, received: stats?.received ?? 0, seconds,
	recordsPerSecond: (stats?.received ?? 0) / seconds,
	cpuPercent: ((cpu.user + cpu.system) / 1000 / (seconds * 1000)) * 100,
	peakRssMb: process.resourceUsage().maxRSS / 1024,
	idleRssMb,
	heldAtEnd: stats?.held ?? 0,
	error,
	...(app ? {framesPerSecond: app.stdout.frames / seconds} : {}),
};
app?.unmount();
await Promise.race([session?.close(), new Promise(resolve => setTimeout(resolve, 3000))]);
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
