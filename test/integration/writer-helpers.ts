import {execFile} from 'node:child_process';
import type {Admin} from 'kafkajs';
import {bootstrapServers} from '../../cluster/layout.js';
import {createClusterWriter, type ClusterWriterOptions} from '../../source/cluster/kafka/writer/cluster-writer.js';
import {WriteError, type ClusterWriter, type WriteFailure} from '../../source/cluster/write-types.js';
import {uniqueTopic} from '../helpers/kafka.js';

/** Writers, topics and groups a test file made, closed and deleted in its afterAll (best effort: the cluster is shared). */
export class WriterFixture {
	readonly writers: ClusterWriter[] = [];
	readonly topics: string[] = [];
	readonly groups: string[] = [];

	constructor(readonly admin: Admin) {}

	writer(options: Partial<ClusterWriterOptions> = {}): ClusterWriter {
		const writer = createClusterWriter(bootstrapServers, {readOnly: false, clientId: 'ktop-writer-test', ...options});
		this.writers.push(writer);
		return writer;
	}

	/** A name to create a topic under; deleted at the end whether or not the test created it. */
	topicName(prefix: string): string {
		const topic = uniqueTopic(prefix);
		this.topics.push(topic);
		return topic;
	}

	groupName(prefix: string): string {
		const group = uniqueTopic(prefix);
		this.groups.push(group);
		return group;
	}

	/** A topic made with kafkajs' admin, independent of the writer under test. */
	async topic(prefix: string, partitions: number, replicationFactor = 3): Promise<string> {
		const topic = this.topicName(prefix);
		await this.admin.createTopics({waitForLeaders: true, topics: [{topic, numPartitions: partitions, replicationFactor}]});
		return topic;
	}

	async cleanUp(): Promise<void> {
		await Promise.all(this.writers.map(async writer => writer.close()));
		await this.admin.deleteGroups(this.groups).catch(() => undefined);
		await this.admin.deleteTopics({topics: this.topics}).catch(() => undefined);
	}
}

/** What a call threw, as a WriteFailure; fails the test when it did not throw a WriteError. */
export async function failureOf(call: Promise<unknown>): Promise<WriteFailure> {
	const error = await call.then(() => undefined, (error: unknown) => error);
	if (!(error instanceof WriteError)) throw new Error(`expected a WriteError, got ${error === undefined ? 'success' : String(error)}`);
	return error.failure;
}

export async function run(command: string, args: string[]): Promise<string> {
	return new Promise((resolve, reject) => {
		execFile(command, args, {encoding: 'utf8', timeout: 30_000}, (error, stdout, stderr) => {
			if (error) reject(new Error(`${command} ${args.join(' ')}: ${error.message}\n${stderr}`));
			else resolve(stdout);
		});
	});
}

/** A record as kcat -J prints it: headers as a flat [key, value, key, value...] list. */
export type KcatRecord = {partition: number; offset: number; key: string | null; payload: string | null; headers?: string[]};

/** The records of one partition from `offset`, read by kcat (librdkafka): `count` of them, or to the end. */
export async function kcatRead(topic: string, partition: number, offset: number, count?: number): Promise<KcatRecord[]> {
	const stdout = await run('kcat', ['-C', '-b', bootstrapServers.join(','), '-t', topic, '-p', String(partition), '-o', String(offset), ...(count ? ['-c', String(count)] : []), '-e', '-J', '-q']);
	return stdout.split('\n').filter(line => line.trim() !== '').map(line => JSON.parse(line) as KcatRecord);
}
