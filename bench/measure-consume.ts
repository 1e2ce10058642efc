import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {bootstrapServers, repoRoot} from '../cluster/layout.js';
import type {ConsumeProbeResult} from './probes/consume-probe.js';
import {runProbe} from './run-probe.js';
import {type Spread, spread} from './stats.js';
import {timedRun} from './timed-process.js';

export type ConsumeTool = 'kcat' | 'ktop engine' | 'ktop view' | 'ktop consume (printer)';

export type ConsumeFigures = {
	tool: ConsumeTool;
	topic: string;
	recordBytes: number;
	records: number;
	recordsPerSecond: Spread;
	seconds: Spread;
	peakRssMb: Spread;
	cpuPercent?: Spread;
	framesPerSecond?: number;
	errors: string[];
};

export type ConsumeReport = {figures: ConsumeFigures[]; notes: string[]};

const enginePath = path.join(repoRoot, 'source', 'model', 'consume-session.ts');

/**
Each load topic read from the beginning to its end: by kcat into /dev/null (the whole process,
start-up included), by ktop's engine (from opening the session, in a process that has loaded its
modules), by the engine inside the consume view, and by `ktop consume` when the printer exists.
*/
export async function measureConsume(topics: ReadonlyArray<{topic: string; recordBytes: number; records: number}>, runs: number, log: (line: string) => void): Promise<ConsumeReport> {
	const figures: ConsumeFigures[] = [];
	const notes: string[] = [];
	const hasEngine = fs.existsSync(enginePath);
	if (!hasEngine) notes.push('ktop engine: skipped, source/model/consume-session.ts does not exist yet (the consume issue)');
	const hasPrinter = /\bconsume\b/.test(spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), '--help'], {encoding: 'utf8'}).stdout ?? '');
	if (!hasPrinter) notes.push('ktop consume (printer): skipped, the built cli has no consume command yet');

	for (const {topic, recordBytes, records} of topics) {
		const kcat: Array<{seconds: number; rss: number}> = [];
		const errors: string[] = [];
		for (let run = 0; run < runs; run++) {
			const result = await timedRun('kcat', ['-C', '-b', bootstrapServers.join(','), '-t', topic, '-o', 'beginning', '-e', '-q'], {timeoutMs: 600_000});
			if (result.exitCode === 0) kcat.push({seconds: result.wallMs / 1000, rss: result.peakRssMb});
			else errors.push(`exit ${result.exitCode}: ${result.stderr.slice(-300)}`);
		}

		figures.push(summarize('kcat', topic, recordBytes, records, kcat, errors));
		log(`  consume ${topic}: kcat ${Math.round(figures.at(-1)!.recordsPerSecond.median).toLocaleString('en')} records/s`);

		if (hasEngine) {
			for (const [tool, mode, count] of [['ktop engine', 'engine', runs], ['ktop view', 'view', 1]] as const) {
				const results: ConsumeProbeResult[] = [];
				const failures: string[] = [];
				for (let run = 0; run < count; run++) {
					try {
						const result = await runProbe<ConsumeProbeResult>('consume-probe.ts', [mode, topic, records, bootstrapServers.join(',')], {timeoutMs: 420_000});
						if (result.error) failures.push(result.error);
						results.push(result);
					} catch (error) {
						failures.push((error as Error).message);
					}
				}

				const entry = summarize(tool, topic, recordBytes, records, results.map(result => ({seconds: result.seconds, rss: result.peakRssMb})), failures);
				entry.recordsPerSecond = spread(results.map(result => result.recordsPerSecond));
				entry.cpuPercent = spread(results.map(result => result.cpuPercent));
				if (mode === 'view') entry.framesPerSecond = results[0]?.framesPerSecond;
				figures.push(entry);
				log(`  consume ${topic}: ${tool} ${Math.round(entry.recordsPerSecond.median).toLocaleString('en')} records/s${failures.length > 0 ? ` (${failures[0]})` : ''}`);
			}
		}

		if (hasPrinter) {
			const result = await timedRun(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), 'consume', topic, '--from', 'beginning', '--exit', '-b', bootstrapServers.join(',')], {timeoutMs: 420_000});
			const ok = result.exitCode === 0;
			figures.push(summarize('ktop consume (printer)', topic, recordBytes, records, ok ? [{seconds: result.wallMs / 1000, rss: result.peakRssMb}] : [], ok ? [] : [`exit ${result.exitCode}: ${result.stderr.slice(-300)}`]));
		}
	}

	return {figures, notes};
}

function summarize(tool: ConsumeTool, topic: string, recordBytes: number, records: number, runs: ReadonlyArray<{seconds: number; rss: number}>, errors: string[]): ConsumeFigures {
	return {
		tool, topic, recordBytes, records,
		recordsPerSecond: spread(runs.map(run => records / run.seconds)),
		seconds: spread(runs.map(run => run.seconds)),
		peakRssMb: spread(runs.map(run => run.rss)),
		errors,
	};
}
