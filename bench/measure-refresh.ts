import {setTimeout as sleep} from 'node:timers/promises';
import {bootstrapServers, zkNodes, zookeeperConnect} from '../cluster/layout.js';
import {ensembleTargets, probeTargets} from '../source/cluster/zookeeper/probe-ensemble.js';
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
	load: LoadFigures;
};

/**
ktop's load on the cluster from the refresh loop: requests per second to each broker (every API,
probes' ApiVersions included) and to ZooKeeper (four-letter words per server, znode reads by the
session), counted where ktop sends them, over the steady window (after the first refresh).
`zookeeperPacketsPerSecond` checks the session's share from the servers' side, over the whole run
(the first refresh reads every znode): the growth of `srvr`'s Received summed over the ensemble
while the probe runs, less its growth over as long before it (the brokers' own sessions), beside
ktop's own count of its session's reads over the same run. Four-letter words are not packets
there; the session's pings are (one every third of its timeout), and ktop does not count those.
*/
export type LoadFigures = {
	seconds: number;
	perSecond: Record<string, number>;
	byKind: Record<string, Record<string, number>>;
	zookeeperPacketsPerSecond: {withKtop: number; without: number; ktop: number; ktopCountedReads: number} | undefined;
};

/** The refresh loop alone for `seconds`, in a process of its own; the figures from its cycles and memory samples. */
export async function measureRefresh(seconds: number, intervalMs: number): Promise<RefreshFigures> {
	const quiet = await packetsReceived();
	const baselineSeconds = Math.min(60, seconds);
	await sleep(baselineSeconds * 1000);
	const beforeProbe = await packetsReceived();
	const result = await runProbe<RefreshProbeResult>('refresh-probe.ts', [seconds, intervalMs, zookeeperConnect, bootstrapServers.join(',')], {timeoutMs: (seconds + 120) * 1000, nodeFlags: ['--expose-gc']});
	const afterProbe = await packetsReceived();
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
		load: loadFigures(result, {quiet, beforeProbe, afterProbe, baselineSeconds}),
	};
}

function loadFigures(result: RefreshProbeResult, packets: {quiet: Packets; beforeProbe: Packets; afterProbe: Packets; baselineSeconds: number}): LoadFigures {
	const window = result.steadySeconds;
	const perSecond: Record<string, number> = {};
	for (const [target, byKind] of Object.entries(result.load)) {
		perSecond[target] = round(Object.values(byKind).reduce((sum, count) => sum + count, 0) / window, 2);
	}

	const rate = (from: Packets, to: Packets, spanSeconds: number) => (from && to ? (to.received - from.received) / spanSeconds : undefined);
	const without = rate(packets.quiet, packets.beforeProbe, packets.baselineSeconds);
	const spanSeconds = Math.max(1, (packets.afterProbe?.at ?? 0) - (packets.beforeProbe?.at ?? 0)) / 1000;
	const withKtop = rate(packets.beforeProbe, packets.afterProbe, spanSeconds);
	const ktopCountedReads = (result.loadTotal['zookeeper session']?.['reads'] ?? 0) / spanSeconds;
	return {
		seconds: round(window),
		perSecond,
		byKind: result.load,
		zookeeperPacketsPerSecond: without === undefined || withKtop === undefined ? undefined : {withKtop: round(withKtop, 2), without: round(without, 2), ktop: round(withKtop - without, 2), ktopCountedReads: round(ktopCountedReads, 2)},
	};
}

type Packets = {at: number; received: number} | undefined;

/** Packets received by the whole ensemble so far (srvr's Received); undefined unless every server answered. */
async function packetsReceived(): Promise<Packets> {
	const adminPorts = Object.fromEntries(zkNodes.flatMap(node => (node.adminPort === undefined ? [] : [[`127.0.0.1:${node.clientPort}`, node.adminPort]])));
	const servers = await probeTargets(ensembleTargets(zookeeperConnect, undefined), {adminPorts});
	let received = 0;
	for (const server of servers) {
		if (server.probe.state !== 'serving') return undefined;
		received += server.probe.stats.received;
	}

	return {at: Date.now(), received};
}
