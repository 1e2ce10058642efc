import {bootstrapServers, zookeeperConnect} from '../cluster/layout.js';
import type {MemorySample, RefreshProbeResult} from './probes/refresh-probe.js';
import {runProbe} from './run-probe.js';
import {type Percentiles, percentiles, round, slope} from './stats.js';

export type RefreshFigures = {
	seconds: number;
	intervalMs: number;
	partitions: number;
	groups: number;
	cycles: number;
	/** The first refresh reads everything (ZooKeeper's whole layout, every config); the others only what changed. */
	coldCycleMs: number;
	/** Read plus store update, per steady cycle. */
	cycleMs: Percentiles;
	updateMs: Percentiles;
	cpuMsPerCycle: Percentiles;
	steadyCpuPercent: number;
	idleRssMb: number;
	rssAfterFirstMb: number;
	rssEndMb: number;
	rssMaxMb: number;
	/** Least-squares slope of RSS over the second half of the run. */
	rssSlopeMbPerMinute: number;
	/** The same for the JS heap in use (between collections, so noisy). */
	heapSlopeMbPerMinute: number;
	/** Heap and RSS after a forced full collection every 30 s: what the loop really keeps. */
	retained: MemorySample[];
	/** Slope of the retained heap after the first minute: a leak in ktop's own objects shows here. */
	retainedSlopeMbPerMinute: number;
	heapEndMb: number;
	failures: string[];
};

/** The refresh loop alone for `seconds`, in a process of its own; the figures from its cycles and memory samples. */
export async function measureRefresh(seconds: number, intervalMs: number): Promise<RefreshFigures> {
	const result = await runProbe<RefreshProbeResult>('refresh-probe.ts', [seconds, intervalMs, zookeeperConnect, bootstrapServers.join(',')], {timeoutMs: (seconds + 120) * 1000, nodeFlags: ['--expose-gc']});
	const [cold, ...steady] = result.cycles;
	const secondHalf = result.memory.filter(sample => sample.at >= seconds / 2);
	const afterFirst = result.memory.find(sample => cold && sample.at > cold.at + (cold.readMs + cold.updateMs) / 1000);
	return {
		seconds: result.seconds,
		intervalMs,
		partitions: result.partitions,
		groups: result.groups,
		cycles: result.cycles.length,
		coldCycleMs: cold ? cold.readMs + cold.updateMs : Number.NaN,
		cycleMs: percentiles(steady.map(cycle => cycle.readMs + cycle.updateMs)),
		updateMs: percentiles(steady.map(cycle => cycle.updateMs)),
		cpuMsPerCycle: percentiles(steady.map(cycle => cycle.cpuMs)),
		steadyCpuPercent: result.steadyCpuPercent,
		idleRssMb: result.idleRssMb,
		rssAfterFirstMb: afterFirst?.rssMb ?? Number.NaN,
		rssEndMb: result.memory.at(-1)?.rssMb ?? Number.NaN,
		rssMaxMb: Math.max(...result.memory.map(sample => sample.rssMb)),
		rssSlopeMbPerMinute: slope(secondHalf.map(sample => ({x: sample.at / 60, y: sample.rssMb}))),
		heapSlopeMbPerMinute: slope(secondHalf.map(sample => ({x: sample.at / 60, y: sample.heapUsedMb}))),
		heapEndMb: result.memory.at(-1)?.heapUsedMb ?? Number.NaN,
		retained: result.retained.map(sample => ({at: Math.round(sample.at), rssMb: round(sample.rssMb), heapUsedMb: round(sample.heapUsedMb)})),
		retainedSlopeMbPerMinute: slope(result.retained.filter(sample => sample.at >= 60).map(sample => ({x: sample.at / 60, y: sample.heapUsedMb}))),
		failures: result.failures,
	};
}
