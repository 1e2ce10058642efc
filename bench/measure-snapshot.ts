import fs from 'node:fs';
import path from 'node:path';
import {bootstrapServers, kafkaNodes, repoRoot, zookeeperConnect} from '../cluster/layout.js';
import {libJars} from './machine.js';
import {type Spread, spread} from './stats.js';
import {runProbe} from './run-probe.js';
import type {ReadPartsProbeResult} from './probes/read-parts-probe.js';
import {scratchFile, timedRun} from './timed-process.js';

/** One whole-cluster read, as each tool does it: a fresh process every time, as a script would run it. */
type Tool = {
	name: 'ktop' | 'ktop --version' | 'kafka-topics' | 'kcat';
	command: string;
	args: string[];
	/** Partitions the tool's output lists, to show every tool read the same cluster. */
	partitionsIn?(output: string): number;
	groupsIn?(output: string): number;
};

const firstBroker = `127.0.0.1:${kafkaNodes[0]!.port}`;

function tools(): Tool[] {
	// kafka-topics.sh's own JVM settings (kafka-run-class.sh): 256 MB heap, G1, tools-log4j at WARN to stderr.
	const log4j = scratchFile('tools-log4j.properties');
	fs.writeFileSync(log4j, 'log4j.rootLogger=WARN, stderr\nlog4j.appender.stderr=org.apache.log4j.ConsoleAppender\nlog4j.appender.stderr.layout=org.apache.log4j.PatternLayout\nlog4j.appender.stderr.layout.ConversionPattern=[%d] %p %m (%c)%n\nlog4j.appender.stderr.Target=System.err\n');
	return [
		{
			name: 'ktop',
			command: process.execPath,
			args: [path.join(repoRoot, 'dist', 'cli.js'), 'snapshot', '--json', '-z', zookeeperConnect, '-b', bootstrapServers.join(',')],
			partitionsIn: output => (JSON.parse(output) as {topics: Array<{partitions: unknown[]}>}).topics.reduce((sum, topic) => sum + topic.partitions.length, 0),
			groupsIn: output => (JSON.parse(output) as {groups: unknown[]}).groups.length,
		},
		// What starting ktop costs before it reads anything: Node and the cli's modules.
		{name: 'ktop --version', command: process.execPath, args: [path.join(repoRoot, 'dist', 'cli.js'), '--version']},
		{
			name: 'kafka-topics',
			command: 'java',
			args: [
				'-Xmx256M', '-server', '-XX:+UseG1GC', '-XX:MaxGCPauseMillis=20', '-XX:InitiatingHeapOccupancyPercent=35',
				'-XX:+ExplicitGCInvokesConcurrent', '-XX:MaxInlineLevel=15', '-Djava.awt.headless=true', `-Dlog4j.configuration=file:${log4j}`,
				'-cp', libJars(), 'org.apache.kafka.tools.TopicCommand', '--bootstrap-server', firstBroker, '--describe',
			],
			partitionsIn: output => output.split('\n').filter(line => /\tPartition: \d+/.test(line)).length,
		},
		{
			name: 'kcat',
			command: 'kcat',
			args: ['-L', '-b', firstBroker],
			partitionsIn: output => output.split('\n').filter(line => /^\s+partition \d+,/.test(line)).length,
		},
	];
}

export type SnapshotFigures = {
	tool: Tool['name'];
	command: string;
	wallMs: Spread;
	peakRssMb: Spread;
	/** What the tool listed, from a warm-up run: every tool should see the same cluster. */
	partitionsSeen?: number;
	groupsSeen?: number;
	failures: string[];
};

/**
`runs` measured runs of each tool after one warm-up each (page cache, JIT-less start either way),
interleaved so that a slow moment of the machine does not land on one tool only.
*/
export async function measureSnapshot(runs: number, log: (line: string) => void): Promise<SnapshotFigures[]> {
	const list = tools();
	const figures = new Map(list.map(tool => [tool.name, {wall: [] as number[], rss: [] as number[], failures: [] as string[]}]));
	const seen = new Map<Tool['name'], {partitions?: number; groups?: number}>();
	for (const tool of list) {
		const output = scratchFile(`${tool.name}.out`);
		const run = await timedRun(tool.command, tool.args, {stdoutFile: output, timeoutMs: 300_000});
		const text = fs.readFileSync(output, 'utf8');
		if (run.exitCode !== 0) throw new Error(`${tool.name} failed (exit ${run.exitCode}): ${run.stderr.slice(-500)}`);
		seen.set(tool.name, {partitions: tool.partitionsIn?.(text), groups: tool.groupsIn?.(text)});
		fs.rmSync(output);
	}

	for (let index = 0; index < runs; index++) {
		for (const tool of list) {
			const run = await timedRun(tool.command, tool.args, {timeoutMs: 300_000});
			const entry = figures.get(tool.name)!;
			if (run.exitCode === 0) {
				entry.wall.push(run.wallMs);
				entry.rss.push(run.peakRssMb);
			} else {
				entry.failures.push(`exit ${run.exitCode}: ${run.stderr.slice(-300)}`);
			}
		}

		log(`  snapshot run ${index + 1}/${runs}: ${list.map(tool => `${tool.name} ${Math.round(figures.get(tool.name)!.wall.at(-1) ?? Number.NaN)} ms`).join(', ')}`);
	}

	return list.map(tool => {
		const entry = figures.get(tool.name)!;
		const sight = seen.get(tool.name)!;
		return {
			tool: tool.name,
			command: [tool.command === process.execPath ? 'node' : tool.command, ...tool.args].join(' '),
			wallMs: spread(entry.wall),
			peakRssMb: spread(entry.rss),
			...(sight.partitions === undefined ? {} : {partitionsSeen: sight.partitions}),
			...(sight.groups === undefined ? {} : {groupsSeen: sight.groups}),
			failures: entry.failures,
		};
	});
}

/** ktop's read split in two, cold then warm: ZooKeeper (servers and Kafka's znodes) and the brokers. */
export async function measureReadParts(): Promise<ReadPartsProbeResult> {
	return runProbe<ReadPartsProbeResult>('read-parts-probe.ts', [zookeeperConnect, bootstrapServers.join(','), 3], {timeoutMs: 180_000});
}
