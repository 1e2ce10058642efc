import type {BenchResults, SizeResults, TargetVerdict} from './results.js';

const fixed = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : '-');

/** The largest size measured at 10,000 partitions or more: where the issue sets its targets. */
function atScale(results: BenchResults): SizeResults | undefined {
	return results.sizes.filter(size => size.partitions >= 10_000).sort((a, b) => b.partitions - a.partitions)[0];
}

/** The issue's targets, each against what this run measured; a target not measured here says so. */
export function judge(results: BenchResults): TargetVerdict[] {
	return [...snapshotTargets(results), refreshCpuTarget(results), memoryTarget(results), frameTarget(results), ...consumeTargets(results)];
}

function snapshotTargets(results: BenchResults): TargetVerdict[] {
	const size = atScale(results);
	const ktop = size?.snapshot?.find(figure => figure.tool === 'ktop');
	const topics = size?.snapshot?.find(figure => figure.tool === 'kafka-topics');
	if (!size || !ktop || !topics) {
		return [
			{target: 'snapshot at 10,000 partitions < 1 s', measured: 'not measured at 10,000 partitions', met: undefined},
			{target: 'snapshot ≥ 5x faster than kafka-topics --describe', measured: 'not measured at 10,000 partitions', met: undefined},
		];
	}

	const ratio = topics.wallMs.median / ktop.wallMs.median;
	const groups = ktop.groupsSeen ?? 0;
	return [
		{
			target: 'snapshot at 10,000 partitions < 1 s',
			measured: `${fixed(ktop.wallMs.median)} ms median (${fixed(ktop.wallMs.min)}-${fixed(ktop.wallMs.max)}), ${size.clusterPartitions ?? size.partitions} partitions, ${groups} groups`,
			met: ktop.wallMs.median < 1000,
			...(ktop.wallMs.median < 1000 ? {} : {why: snapshotWhy(size, groups)}),
		},
		{
			target: 'snapshot ≥ 5x faster than kafka-topics --describe',
			measured: `${ratio.toFixed(1)}x (kafka-topics ${fixed(topics.wallMs.median)} ms, ktop ${fixed(ktop.wallMs.median)} ms)`,
			met: ratio >= 5,
			...(ratio >= 5 ? {} : {why: `kafka-topics reads metadata only (no ZooKeeper, no watermarks, no groups); ktop would need ${fixed(topics.wallMs.median / 5)} ms`}),
		},
	];
}

/** What the snapshot's time is made of: start-up, then ZooKeeper's cold read, then the brokers' (in sequence). */
function snapshotWhy(size: SizeResults, groups: number): string {
	const startup = size.snapshot?.find(figure => figure.tool === 'ktop --version')?.wallMs.median;
	const parts = size.readParts;
	const pieces = [
		...(startup === undefined ? [] : [`start-up ${fixed(startup)} ms (ktop --version)`]),
		...(parts ? [`ZooKeeper's cold read ${fixed(parts.zookeeper.coldMs)} ms (every partition's state znode)`, `then the brokers' ${fixed(parts.kafka.coldMs)} ms (metadata, watermarks, configs, ${groups} groups' offsets)`] : []),
	];
	return pieces.length > 0 ? pieces.join(', ') : 'the whole process: start-up, ZooKeeper\'s first full read, then the brokers\'';
}

function refreshCpuTarget(results: BenchResults): TargetVerdict {
	const size = atScale(results);
	const refresh = size?.refresh;
	const target = 'steady CPU < 5% of a core at 2 s refresh, 10,000 partitions';
	if (!refresh) return {target, measured: 'not measured at 10,000 partitions', met: undefined};
	const met = refresh.steadyCpuPercent < 5 && refresh.intervalMs === 2000;
	return {
		target,
		measured: `${fixed(refresh.steadyCpuPercent, 1)}% over ${fixed(refresh.seconds)} s at ${refresh.intervalMs / 1000} s (${fixed(refresh.cpuMsPerCycle.p50)} ms CPU per cycle, cycle ${fixed(refresh.cycleMs.p50)} ms)`,
		met,
		...(met ? {} : {why: `every cycle re-reads the brokers' whole view (metadata, ${size?.clusterPartitions ?? size?.partitions} watermarks, ${refresh.groups} groups' offsets) and rebuilds, judges and diffs the whole snapshot (store update ${fixed(refresh.updateMs.p50)} ms); only ZooKeeper's reads are incremental`}),
	};
}

/** Runs shorter than this say too little about growth: a garbage collection moves RSS by tens of MB. */
const shortestMemoryRun = 300;

function memoryTarget(results: BenchResults): TargetVerdict {
	const size = atScale(results) ?? results.sizes.at(-1);
	const refresh = size?.refresh;
	const target = 'memory flat over time (refresh loop; 10 minutes)';
	if (!refresh) return {target, measured: 'refresh not measured', met: undefined};
	const kept = refresh.retained;
	const measured = `heap after a full collection ${fixed(kept[0]?.heapUsedMb ?? Number.NaN)} MB at ${fixed(kept[0]?.at ?? Number.NaN)} s, ${fixed(kept.at(-1)?.heapUsedMb ?? Number.NaN)} MB at the end (${fixed(refresh.retainedSlopeMbPerMinute, 2)} MB/min); `
		+ `RSS ${fixed(refresh.rssAfterFirstMb)} MB after the first refresh, ${fixed(refresh.rssEndMb)} MB at the end (max ${fixed(refresh.rssMaxMb)}, ${fixed(refresh.rssSlopeMbPerMinute, 1)} MB/min over the second half); ${fixed(refresh.seconds)} s at ${size?.partitions} partitions`;
	if (refresh.seconds < shortestMemoryRun) return {target, measured: `${measured} (too short to judge: --refresh-seconds 600)`, met: undefined};
	// Flat: what the loop keeps (the heap after a full collection) not climbing by half a megabyte a minute.
	const met = refresh.retainedSlopeMbPerMinute < 0.5;
	return {target, measured, met, ...(met ? {} : {why: 'the heap left after each full collection keeps growing: something in the loop holds on to what each refresh allocates'})};
}

function frameTarget(results: BenchResults): TargetVerdict {
	const target = 'frame p95 < 16 ms (topics, partitions; 80x24, 200x60; 10,000 partitions)';
	const asShipped = results.render?.filter(result => result.nodeEnv === '(unset)') ?? [];
	if (asShipped.length === 0) return {target, measured: 'render not measured', met: undefined};
	const measured = asShipped.map(result => `${result.pane} ${result.columns}x${result.rows} ${fixed(result.frameMs.p95, 1)}`).join(', ');
	const met = asShipped.every(result => result.frameMs.p95 < 16 && result.reached);
	const others = results.render?.filter(result => result.nodeEnv !== '(unset)') ?? [];
	const worst = asShipped.reduce((a, b) => (b.frameMs.p95 > a.frameMs.p95 ? b : a));
	return {
		target,
		measured: `p95 ms: ${measured}`,
		met,
		...(met ? {} : {
			why: `worst ${worst.pane} ${worst.columns}x${worst.rows}: Ink's output p95 ${fixed(worst.inkRenderMs.p95, 1)} ms of it, the rest React (${worst.react} build, NODE_ENV unset as ktop runs) and Ink's layout`
				+ `; data frames p95 ${fixed(worst.dataFrameMs.p95, 1)} ms, key frames ${fixed(worst.keyFrameMs.p95, 1)} ms`
				+ (others.length > 0 ? `; with NODE_ENV=${others[0]!.nodeEnv}: ${others.map(result => `${result.pane} ${result.columns}x${result.rows} ${fixed(result.frameMs.p95, 1)}`).join(', ')}` : ''),
		}),
	};
}

function consumeTargets(results: BenchResults): TargetVerdict[] {
	const figures = results.consume?.figures ?? [];
	const topics = [...new Set(figures.map(figure => figure.topic))];
	if (topics.length === 0) return [{target: 'consume ≥ half of kcat\'s records/s', measured: 'consume not measured', met: undefined}];
	return topics.map(topic => {
		const kcat = figures.find(figure => figure.topic === topic && figure.tool === 'kcat');
		const engine = figures.find(figure => figure.topic === topic && figure.tool === 'ktop engine');
		const target = `consume ≥ half of kcat's records/s (${topic})`;
		if (!kcat || !engine || engine.recordsPerSecond.runs === 0) {
			return {target, measured: results.consume?.notes.find(note => note.startsWith('ktop engine')) ?? 'ktop engine not measured', met: undefined};
		}

		const share = engine.recordsPerSecond.median / kcat.recordsPerSecond.median;
		return {
			target,
			measured: `${share.toFixed(2)}x kcat (ktop ${Math.round(engine.recordsPerSecond.median).toLocaleString('en')}/s, kcat ${Math.round(kcat.recordsPerSecond.median).toLocaleString('en')}/s)`,
			met: share >= 0.5,
		};
	});
}
