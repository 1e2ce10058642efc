import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {runtimeFor} from '../../cluster/harness.js';
import {bootstrapServers, zookeeperConnect} from '../../cluster/layout.js';
import {type ClusterVersion, compareVersions, defaultKafkaVersion} from '../../cluster/versions.js';

const run = promisify(execFile);

/**
Kafka's own kafka-topics and kafka-consumer-groups, from the release's jars on its runtime.
Their main classes moved to kafka-tools (TopicCommand 3.5, ConsumerGroupCommand 3.7), and
kafka-topics takes --bootstrap-server from 2.2 (--zookeeper before).
*/
export function kafkaTools(version: ClusterVersion) {
	const kafka = version.kafka ?? defaultKafkaVersion;
	const runtime = runtimeFor(version, () => undefined);
	const atLeast = (release: string) => compareVersions(kafka, release) >= 0;
	const topicClass = atLeast('3.5.0') ? 'org.apache.kafka.tools.TopicCommand' : 'kafka.admin.TopicCommand';
	const groupClass = atLeast('3.7.0') ? 'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand' : 'kafka.admin.ConsumerGroupCommand';
	const topicConnect = atLeast('2.2.0') ? ['--bootstrap-server', bootstrapServers[0]!] : ['--zookeeper', zookeeperConnect];

	async function java(mainClass: string, args: string[]): Promise<string> {
		const {stdout} = await run(runtime.java, ['-Xmx256M', '-cp', runtime.classpath, mainClass, ...args], {timeout: 90_000, maxBuffer: 16 * 1024 * 1024});
		return stdout;
	}

	return {
		topics: async (args: string[]) => java(topicClass, [...topicConnect, ...args]),
		groups: async (args: string[]) => java(groupClass, ['--bootstrap-server', bootstrapServers[0]!, ...args]),
	};
}

export type PartitionLine = {partition: number; leader: number; replicas: number[]; isr: number[]};

const ids = (text: string) => (text === '' ? [] : text.split(',').map(Number));

/** kafka-topics --describe partition lines, the same from 2.0 on: "Topic: t  Partition: 0  Leader: 1  Replicas: 1,2  Isr: 1,2". */
export function parseTopicDescribe(text: string): PartitionLine[] {
	return text.split('\n').flatMap(line => {
		const match = /^\s+Topic:\s*\S+\s+Partition:\s*(\d+)\s+Leader:\s*(-?\d+|none)\s+Replicas:\s*([\d,]*)\s+Isr:\s*([\d,]*)/.exec(line);
		if (!match) return [];
		return [{partition: Number(match[1]), leader: match[2] === 'none' ? -1 : Number(match[2]), replicas: ids(match[3]!), isr: ids(match[4]!)}];
	}).sort((a, b) => a.partition - b.partition);
}

export type GroupOffsetRow = {topic: string; partition: number; current: string; end: string; lag: string};

/**
kafka-consumer-groups --describe: the columns are found by their header, since 2.0 has no GROUP
column and later releases do; '-' where a value is unknown.
*/
export function parseGroupDescribe(text: string): GroupOffsetRow[] {
	const lines = text.split('\n').map(line => line.trim()).filter(Boolean);
	const headerIndex = lines.findIndex(line => /\bPARTITION\b/.test(line) && /\bLAG\b/.test(line));
	if (headerIndex < 0) return [];
	const header = lines[headerIndex]!.split(/\s+/);
	const column = (name: string) => header.indexOf(name);
	return lines.slice(headerIndex + 1).flatMap(line => {
		const cells = line.split(/\s+/);
		if (cells.length < header.length - 3 || !/^\d+$/.test(cells[column('PARTITION')] ?? '')) return [];
		return [{
			topic: cells[column('TOPIC')]!,
			partition: Number(cells[column('PARTITION')]),
			current: cells[column('CURRENT-OFFSET')]!,
			end: cells[column('LOG-END-OFFSET')]!,
			lag: cells[column('LAG')]!,
		}];
	}).sort((a, b) => a.partition - b.partition);
}
