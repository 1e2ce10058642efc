/*
`npm run bench`: ktop measured against kcat and Kafka's own tools on the local cluster, at
scale. Prints tables on stdout (progress on stderr) and writes bench/results/latest.json. A
benchmark prints figures: a slow machine never fails it; a cluster that cannot start, or a
measure that breaks, does (after writing what was measured).
*/
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {HarnessError, up} from '../cluster/harness.js';
import {repoRoot} from '../cluster/layout.js';
import {benchKafka} from './bench-kafka.js';
import {brokerUsage} from './broker-usage.js';
import {machineInfo} from './machine.js';
import {measureConsume} from './measure-consume.js';
import {measureRefresh} from './measure-refresh.js';
import {measureInputLatency, measureRender} from './measure-render.js';
import {measureReadParts, measureSnapshot} from './measure-snapshot.js';
import {type BenchOptions, parseOptions, usage} from './options.js';
import {report} from './report.js';
import type {BenchResults, SizeResults} from './results.js';
import {cleanScenario, ensureGroups, ensureLoad, ensurePartitions, type ScenarioOptions} from './scenario.js';
import {settle} from './settle.js';
import {judge} from './targets.js';
import {ensureTools} from './tools.js';

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

async function main(options: BenchOptions): Promise<number> {
	const started = performance.now();
	const needsCluster = options.clean || (['snapshot', 'refresh', 'consume'] as const).some(measure => options.only.has(measure));
	ensureTools(log);
	if (needsCluster) {
		const {started: nodes} = await up(log);
		if (nodes.length > 0) log(`started ${nodes.join(', ')}; left running afterwards (npm run cluster -- down stops it)`);
	}

	const kafka = benchKafka();
	if (options.clean) {
		const removed = await cleanScenario(kafka, log);
		log(`removed ${removed.topics} topics and ${removed.groups} groups`);
		return 0;
	}

	if (options.build && (options.only.has('snapshot') || options.only.has('consume'))) {
		log('npm run build (the snapshot and consume measures run dist/cli.js)…');
		const build = spawnSync('npm', ['run', 'build'], {cwd: repoRoot, stdio: ['ignore', 2, 2]});
		if (build.status !== 0) throw new Error('npm run build failed; fix it, or measure dist/ as it is with --skip-build');
	}

	const scenario: ScenarioOptions = {
		partitionsPerTopic: options.partitionsPerTopic, replicationFactor: options.replicationFactor,
		groups: options.groups, loadRecords: options.records, loadPartitions: 6,
	};
	const results: BenchResults = {
		startedAt: new Date().toISOString(), seconds: 0, command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
		machine: machineInfo(), scenario: {...scenario}, sizes: [], load: [], targets: [],
		notes: [
			`replication factor ${options.replicationFactor} for the bench topics: at 3, 10,000 partitions put 10,000 replicas on each of three brokers with 512 MB heaps on two cores, two thirds of them followers fetching from the others; open files would be about 10,500 a broker (one per replica, see the brokers' figures), within their ~20,000`,
			'probe processes (refresh, render, consume engine) run under tsx: their RSS includes its loader (see "idle" RSS); ktop snapshot and kcat are measured as plain processes',
		],
	};
	const failures: string[] = [];
	const attempt = async (what: string, work: () => Promise<void>) => {
		const {busyPercent, waitedMs} = await settle();
		results.load.push({before: what, busyPercent, waitedMs});
		// Measures on a box that other work keeps busy are slower than they should be: say so next to the figures.
		if (busyPercent >= 25) log(`  the machine is still ${Math.round(busyPercent)}% busy after ${Math.round(waitedMs / 1000)} s of waiting; measuring ${what} anyway`);
		try {
			await work();
		} catch (error) {
			failures.push(`${what}: ${(error as Error).message}`);
			log(`${what} FAILED: ${(error as Error).message}`);
		}
	};

	if (options.only.has('snapshot') || options.only.has('refresh')) {
		for (const partitions of options.sizes) {
			log(`size ${partitions.toLocaleString('en')} partitions`);
			const topics = await ensurePartitions(kafka, partitions, scenario, log);
			results.scenario.groupsReport ??= await ensureGroups(kafka, scenario, log);
			const size: SizeResults = {partitions, clusterPartitions: undefined, groups: undefined, topics, brokers: []};
			results.sizes.push(size);
			if (options.only.has('snapshot')) {
				await attempt(`snapshot at ${partitions}`, async () => {
					size.snapshot = await measureSnapshot(options.runs, log);
					size.readParts = await measureReadParts();
					const ktop = size.snapshot.find(figure => figure.tool === 'ktop');
					size.clusterPartitions = ktop?.partitionsSeen;
					size.groups = ktop?.groupsSeen;
				});
			}

			if (options.only.has('refresh')) {
				log(`  refresh loop for ${options.refreshSeconds} s…`);
				await attempt(`refresh at ${partitions}`, async () => {
					size.refresh = await measureRefresh(options.refreshSeconds, options.intervalSeconds * 1000);
					size.clusterPartitions ??= size.refresh.partitions;
					size.groups ??= size.refresh.groups;
					log(`  refresh: cycle p50 ${Math.round(size.refresh.cycleMs.p50)} ms, CPU ${size.refresh.steadyCpuPercent.toFixed(1)}% of a core`);
				});
			}

			// After the measures: a broker closes a deleted topic's files only a minute later (file.delete.delay.ms).
			size.brokers = brokerUsage();
		}
	}

	const nodeEnvs = options.compareDevelopment ? [undefined, 'development'] : [undefined];
	if (options.only.has('render')) {
		await attempt('render', async () => {
			results.render = await measureRender(options.renderSeconds, nodeEnvs, log);
		});
	}

	if (options.only.has('input')) {
		await attempt('input latency', async () => {
			results.inputLatency = await measureInputLatency(options.renderSeconds, nodeEnvs, log);
		});
	}

	if (options.only.has('consume')) {
		await attempt('consume', async () => {
			const load = await ensureLoad(kafka, scenario, log);
			results.scenario.load = load;
			results.consume = await measureConsume(load.topics, options.consumeRuns, log);
		});
	}

	results.seconds = (performance.now() - started) / 1000;
	results.targets = judge(results);
	results.notes.push(...failures.map(failure => `FAILED ${failure}`));
	const busy = results.load.filter(entry => entry.busyPercent >= 25);
	if (busy.length > 0) results.notes.push(`the machine was busy with other work when these measures began: ${busy.map(entry => `${entry.before} (${Math.round(entry.busyPercent)}% of its CPU)`).join(', ')}`);
	const out = path.resolve(repoRoot, options.out);
	fs.mkdirSync(path.dirname(out), {recursive: true});
	fs.writeFileSync(out, `${JSON.stringify(results, null, '\t')}\n`);
	process.stdout.write(report(results));
	log(`results written to ${path.relative(process.cwd(), out)}`);
	return failures.length > 0 ? 1 : 0;
}

let options: BenchOptions;
try {
	options = parseOptions(process.argv.slice(2));
} catch (error) {
	process.stderr.write(`${(error as Error).message}\n\n${usage}\n`);
	process.exit(64);
}

try {
	process.exitCode = await main(options);
} catch (error) {
	process.stderr.write(`bench: ${error instanceof HarnessError ? `${error.message}${error.hint ? `\n${error.hint}` : ''}` : (error as Error).stack}\n`);
	process.exitCode = 1;
}

// kafkajs and the cluster harness may hold sockets or timers; the figures are out.
process.exit();
