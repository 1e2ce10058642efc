/*
A child process of `npm run bench`: the model's refresh loop alone (cluster reader, store,
poller, exactly as the TUI wires them, without Ink), for a given time. Prints one JSON object.

	node --expose-gc --import tsx bench/probes/refresh-probe.ts <seconds> <intervalMs> <zookeeper> <bootstrap>

Every 30 s (with --expose-gc) it forces a full garbage collection and notes the heap left: what
ktop really retains, the figure that shows a leak (RSS and the heap between collections move by
tens of MB with the collector's rhythm). One full collection of a ~100 MB heap every 30 s costs
well under 1% of a core, which the CPU figure includes.
*/
import {loadDelta, type LoadCounts} from '../../source/cluster/load-counters.js';
import {openClusterReader} from '../../source/model/cluster-reader.js';
import {startPoller} from '../../source/model/poller.js';
import {createStore} from '../../source/model/store.js';

export type RefreshCycle = {
	/** Seconds since the loop started. */
	at: number;
	readMs: number;
	updateMs: number;
	/** Process CPU (user + system, every thread) from the start of the read to the end of the update. */
	cpuMs: number;
	sourceErrors: number;
};

export type MemorySample = {at: number; rssMb: number; heapUsedMb: number};

const gc = (globalThis as {gc?: () => void}).gc;

export type RefreshProbeResult = {
	intervalMs: number;
	seconds: number;
	/** RSS with everything loaded and nothing opened: the floor under the loop's own memory. */
	idleRssMb: number;
	cycles: RefreshCycle[];
	failures: string[];
	/** CPU over the steady window (after the first, cold, refresh) as % of one core: waiting included, as an operator's `top` shows it. */
	steadyCpuPercent: number;
	steadySeconds: number;
	memory: MemorySample[];
	/** After a forced full collection, every 30 s; empty without --expose-gc. */
	retained: MemorySample[];
	partitions: number;
	groups: number;
	/** Requests ktop sent over the steady window (after the first refresh), per broker and API, per ZooKeeper server and session. */
	load: LoadCounts;
	/** The same over the whole run, the first refresh's full read of ZooKeeper included. */
	loadTotal: LoadCounts;
};

const [seconds = 120, intervalMs = 2000] = process.argv.slice(2, 4).map(Number);
const [zookeeper, bootstrap] = process.argv.slice(4, 6);
const mb = (bytes: number) => bytes / 1024 / 1024;
const cpuMsOf = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

const idleRssMb = mb(process.memoryUsage().rss);
const started = performance.now();
const since = () => (performance.now() - started) / 1000;
const reader = openClusterReader({zookeeper, bootstrap: bootstrap?.split(',')});
const store = createStore();
const cycles: RefreshCycle[] = [];
const failures: string[] = [];
const memory: MemorySample[] = [];
const retained: MemorySample[] = [];
let steadyFrom: {wall: number; cpu: NodeJS.CpuUsage; load: LoadCounts} | undefined;
let cycle: {at: number; cpu: NodeJS.CpuUsage; readMs: number} | undefined;

const poller = startPoller({
	intervalMs,
	async task() {
		const at = performance.now();
		cycle = {at, cpu: process.cpuUsage(), readMs: 0};
		const input = await reader.read();
		cycle.readMs = performance.now() - at;
		return input;
	},
	onResult(input) {
		const before = performance.now();
		store.update(input);
		const after = performance.now();
		cycles.push({
			at: (cycle!.at - started) / 1000, readMs: cycle!.readMs, updateMs: after - before,
			cpuMs: cpuMsOf(process.cpuUsage(cycle!.cpu)), sourceErrors: input.errors.length,
		});
		steadyFrom ??= {wall: after, cpu: process.cpuUsage(), load: reader.load()};
	},
	onError(error) {
		failures.push(`${since().toFixed(1)} s: ${error.message}`);
	},
});

const sample = () => {
	const usage = process.memoryUsage();
	memory.push({at: since(), rssMb: mb(usage.rss), heapUsedMb: mb(usage.heapUsed)});
};

const collect = () => {
	if (!gc) return;
	gc();
	const usage = process.memoryUsage();
	retained.push({at: since(), rssMb: mb(usage.rss), heapUsedMb: mb(usage.heapUsed)});
};

sample();
const sampler = setInterval(sample, 5000);
const collector = setInterval(collect, 30_000);
await new Promise(resolve => setTimeout(resolve, seconds * 1000));
clearInterval(sampler);
clearInterval(collector);
sample();
collect();
poller.stop();
const ended = performance.now();
const loadEnd = reader.load();
const steadyCpu = steadyFrom ? cpuMsOf(process.cpuUsage(steadyFrom.cpu)) : Number.NaN;
const steadyWallMs = steadyFrom ? ended - steadyFrom.wall : Number.NaN;
const snapshot = store.getSnapshot();
const result: RefreshProbeResult = {
	intervalMs, seconds, idleRssMb, cycles, failures,
	steadyCpuPercent: (steadyCpu / steadyWallMs) * 100,
	steadySeconds: steadyWallMs / 1000,
	memory,
	retained,
	partitions: snapshot?.topics.reduce((sum, topic) => sum + topic.partitions.length, 0) ?? 0,
	groups: snapshot?.groups.length ?? 0,
	load: steadyFrom ? loadDelta(steadyFrom.load, loadEnd) : {},
	loadTotal: loadEnd,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
// A client slow to disconnect must not stretch the measured run; the figures are out.
await Promise.race([reader.close(), new Promise(resolve => setTimeout(resolve, 3000))]);
process.exit(0);
