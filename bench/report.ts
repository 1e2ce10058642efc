import type {BenchResults} from './results.js';
import type {LoadFigures} from './measure-refresh.js';
import {type Spread, spread} from './stats.js';
import {count, mb, ms, ratio, textTable} from './text-table.js';

const median = (values: readonly number[]) => spread(values).median;
const range = (value: Spread, format: (n: number) => string) => (value.runs === 0 ? '-' : `${format(value.median)} (${format(value.min)}-${format(value.max)})`);

/** Everything measured, as tables for the terminal; the same figures are in the JSON file. */
export function report(results: BenchResults): string {
	const sections: string[] = [];
	const {machine, scenario} = results;
	sections.push(`ktop benchmark, ${results.startedAt}, ${Math.round(results.seconds)} s\n`
		+ `machine: ${machine.cpus.count} × ${machine.cpus.model}, ${machine.memoryGiB} GiB, ${machine.os}; Node ${machine.node}; Kafka ${machine.kafka ?? '?'} (heap ${machine.kafkaHeap}), ZooKeeper ${machine.zookeeper ?? '?'}; ${machine.java ?? 'java ?'}; kcat ${machine.kcat ?? '?'}\n`
		+ `scenario: bench topics of ${scenario.partitionsPerTopic} partitions at replication factor ${scenario.replicationFactor}, ${scenario.groups} idle consumer groups, load topics ${scenario.loadRecords.toLocaleString('en')} records × (100 B, 1 KiB) in ${scenario.loadPartitions} partitions`);

	const snapshotRows = results.sizes.flatMap(size => {
		const ktop = size.snapshot?.find(figure => figure.tool === 'ktop');
		return (size.snapshot ?? []).map(figure => [
			count(size.partitions), figure.tool, range(figure.wallMs, ms), range(figure.peakRssMb, mb), figure.partitionsSeen === undefined ? '-' : count(figure.partitionsSeen),
			figure.groupsSeen === undefined ? '-' : count(figure.groupsSeen),
			figure.tool === 'ktop' || figure.tool === 'ktop --version' || !ktop ? '' : ratio(figure.wallMs.median / ktop.wallMs.median, 2),
			figure.failures.length > 0 ? `${figure.failures.length} failed` : '',
		]);
	});
	const brokerRows = results.sizes.map(size => [
		count(size.partitions), ...size.brokers.map(broker => `${broker.broker} ${count(broker.openFiles)} files, ${mb(broker.rssMb)} MB`),
	]);
	if (brokerRows.some(row => row.length > 1)) sections.push(`Brokers at each size (open files, RSS)\n${brokerRows.map(row => row.join('  ')).join('\n')}`);

	if (snapshotRows.length > 0) {
		sections.push(`Snapshot: one whole-cluster read, a fresh process each time (median (min-max) of ${results.sizes[0]?.snapshot?.[0]?.wallMs.runs ?? 0} runs)\n`
			+ textTable(['size', 'tool', 'wall ms', 'peak RSS MB', 'partitions', 'groups', 'its time ÷ ktop\'s', ''], snapshotRows));
	}

	const partsRows = results.sizes.flatMap(size => (size.readParts ? [[
		count(size.partitions),
		ms(size.readParts.zookeeper.coldMs), ms(median(size.readParts.zookeeper.warmMs)),
		ms(size.readParts.kafka.coldMs), ms(median(size.readParts.kafka.warmMs)),
	]] : []));
	if (partsRows.length > 0) {
		sections.push('ktop\'s read in two halves, each alone (the reader runs them one after the other)\n'
			+ textTable(['size', 'ZooKeeper cold ms', 'warm', 'brokers cold ms', 'warm'], partsRows));
	}

	const refreshRows = results.sizes.flatMap(size => (size.refresh ? [[
		count(size.partitions), `${Math.round(size.refresh.seconds)} s`, count(size.refresh.cycles), ms(size.refresh.coldCycleMs),
		`${ms(size.refresh.cycleMs.p50)} / ${ms(size.refresh.cycleMs.p95)}`, ms(size.refresh.updateMs.p50), ms(size.refresh.cpuMsPerCycle.p50),
		`${size.refresh.steadyCpuPercent.toFixed(1)}%`,
		`${mb(size.refresh.idleRssMb)} / ${mb(size.refresh.rssAfterFirstMb)} / ${mb(size.refresh.rssEndMb)} / ${mb(size.refresh.rssMaxMb)}`,
		`${mb(size.refresh.retained[0]?.heapUsedMb ?? Number.NaN)} / ${mb(size.refresh.retained.at(-1)?.heapUsedMb ?? Number.NaN)}`,
		size.refresh.rssSlopeMbPerMinute.toFixed(1),
		size.refresh.failures.length > 0 ? `${size.refresh.failures.length} failed` : '',
	]] : []));
	const loadRows = results.sizes.flatMap(size => (size.refresh ? [[
		count(size.partitions),
		...bootstrapOrder(size.refresh.load).map(target => (size.refresh!.load.perSecond[target] ?? 0).toFixed(2)),
		zookeeperRate(size.refresh.load).toFixed(2),
		size.refresh.load.zookeeperPacketsPerSecond ? `${size.refresh.load.zookeeperPacketsPerSecond.ktop.toFixed(2)} (ktop counted ${size.refresh.load.zookeeperPacketsPerSecond.ktopCountedReads.toFixed(2)} reads)` : '?',
	]] : []));
	const loadTargets = results.sizes.find(size => size.refresh)?.refresh?.load;
	if (loadRows.length > 0 && loadTargets) {
		sections.push('Load on the cluster from the refresh loop: requests per second (steady window)\n'
			+ textTable(['size', ...bootstrapOrder(loadTargets).map(target => target.replace('kafka ', 'broker ')), 'ZooKeeper (ktop count)', 'ZooKeeper session, whole run: packets (server count)'], loadRows));
	}

	if (refreshRows.length > 0) {
		sections.push(`Refresh loop alone (reader + store + poller), every ${(results.sizes.find(size => size.refresh)?.refresh?.intervalMs ?? 2000) / 1000} s\n`
			+ textTable(['size', 'ran', 'cycles', 'cold ms', 'cycle p50/p95 ms', 'update ms', 'CPU ms/cycle', 'CPU', 'RSS MB idle/first/end/max', 'heap kept MB 30 s/end', 'RSS MB/min', ''], refreshRows));
	}

	if (results.render && results.render.length > 0) {
		sections.push('Render: <App/> with 10,000 partitions, data changing every 260 ms, keys between (frame = change to frame written)\n'
			+ textTable(['NODE_ENV', 'React', 'pane', 'terminal', 'frame p50/p95 ms', 'data p95', 'key p95', 'Ink p50/p95', 'frames/s', ''], results.render.map(result => [
				result.nodeEnv, result.react, result.pane, `${result.columns}x${result.rows}`, `${ms(result.frameMs.p50)} / ${ms(result.frameMs.p95)}`,
				ms(result.dataFrameMs.p95), ms(result.keyFrameMs.p95), `${ms(result.inkRenderMs.p50)} / ${ms(result.inkRenderMs.p95)}`,
				result.writesPerSecond.toFixed(1), result.reached ? '' : 'PANE NOT REACHED',
			])));
	}

	if (results.inputLatency && results.inputLatency.length > 0) {
		sections.push('Input latency: key to frame in the consume view while a fake session receives records flat out\n'
			+ textTable(['NODE_ENV', 'React', 'terminal', 'records/s', 'key→frame p50/p95 ms', 'max', 'loop delay p99/max ms', 'frames/s', ''], results.inputLatency.map(result => [
				result.nodeEnv, result.react, `${result.columns}x${result.rows}`, count(result.recordsPerSecond),
				`${ms(result.keyToFrameMs.p50)} / ${ms(result.keyToFrameMs.p95)}`, ms(result.keyToFrameMs.max),
				`${ms(result.eventLoopDelayMs.p99)} / ${ms(result.eventLoopDelayMs.max)}`, result.framesPerSecond.toFixed(1),
				result.reached ? '' : 'CONSUME VIEW NOT REACHED',
			])));
	}

	if (results.consume) {
		const {figures} = results.consume;
		const rows = figures.map(figure => {
			const kcat = figures.find(other => other.topic === figure.topic && other.tool === 'kcat');
			return [
				figure.topic, figure.tool, range(figure.recordsPerSecond, count), ms(figure.seconds.median), mb(figure.peakRssMb.median),
				figure.cpuPercent ? `${Math.round(figure.cpuPercent.median)}%` : '-',
				figure.tool === 'kcat' || !kcat ? '' : `${(figure.recordsPerSecond.median / kcat.recordsPerSecond.median).toFixed(2)}x`,
				figure.errors[0]?.slice(0, 60) ?? '',
			];
		});
		sections.push('Consume: from the beginning to the end of the topic\n'
			+ textTable(['topic', 'tool', 'records/s median (min-max)', 'seconds', 'peak RSS MB', 'CPU', 'vs kcat', ''], rows)
			+ (results.consume.notes.length > 0 ? `\n${results.consume.notes.join('\n')}` : ''));
	}

	sections.push(`Targets\n${textTable(['target', 'verdict', 'measured'], results.targets.map(verdict => [
		verdict.target, verdict.met === undefined ? 'not measured' : verdict.met ? 'MET' : 'MISSED', verdict.measured,
	]))}${results.targets.filter(verdict => verdict.why).map(verdict => `\n  ${verdict.target}: missed: ${verdict.why}`).join('')}`);
	if (results.notes.length > 0) sections.push(`Notes\n${results.notes.map(note => `- ${note}`).join('\n')}`);
	return `${sections.join('\n\n')}\n`;
}

/** The brokers' targets in a load figure, in address order. */
function bootstrapOrder(load: LoadFigures): string[] {
	return Object.keys(load.perSecond).filter(target => target.startsWith('kafka ')).sort();
}

/** Every request to ZooKeeper: words to each server and the session's reads. */
function zookeeperRate(load: LoadFigures): number {
	return Object.entries(load.perSecond).filter(([target]) => target.startsWith('zookeeper')).reduce((sum, [, rate]) => sum + rate, 0);
}
