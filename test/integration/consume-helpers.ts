import {spawn} from 'node:child_process';
import type {Admin, ITopicConfig} from 'kafkajs';
import {bootstrapServers} from '../../cluster/layout.js';
import {Unready, waitFor} from '../../cluster/wait-for.js';
import {openConsumeSession, type ConsumeSessionOptions} from '../../source/model/consume-session.js';
import type {ConsumedRecord, ConsumeSession} from '../../source/model/consume-types.js';
import {uniqueTopic} from '../helpers/kafka.js';

/** Topics a test file created, deleted in its afterAll. */
export class TestTopics {
	readonly created: string[] = [];

	constructor(readonly admin: Admin) {}

	async create(prefix: string, partitions: number, configEntries: ITopicConfig['configEntries'] = []): Promise<string> {
		const topic = uniqueTopic(prefix);
		this.created.push(topic);
		await this.admin.createTopics({waitForLeaders: true, topics: [{topic, numPartitions: partitions, replicationFactor: 3, configEntries}]});
		return topic;
	}

	async deleteAll(): Promise<void> {
		await this.admin.deleteTopics({topics: this.created}).catch(() => undefined);
	}
}

/** Produces with kcat, as an independent client would: `input` on stdin, one record per line. */
export async function kcatProduce(topic: string, input: string | Buffer, args: string[]): Promise<void> {
	const child = spawn('kcat', ['-P', '-b', bootstrapServers.join(','), '-t', topic, '-X', 'acks=all', ...args], {stdio: ['pipe', 'ignore', 'pipe']});
	let stderr = '';
	child.stderr.on('data', (chunk: Buffer) => {
		stderr += chunk.toString();
	});
	child.stdin.end(input);
	const code = await new Promise<number | null>((resolve, reject) => {
		child.on('error', reject);
		child.on('close', resolve);
	});
	if (code !== 0 || stderr.includes('Delivery failed')) throw new Error(`kcat -P exited ${code}: ${stderr}`);
}

/** A session that also collects every record read, in arrival order. */
export async function collectingSession(options: Omit<ConsumeSessionOptions, 'bootstrap' | 'onRecords'>): Promise<{session: ConsumeSession; records: ConsumedRecord[]}> {
	const records: ConsumedRecord[] = [];
	const session = await openConsumeSession({
		bootstrap: bootstrapServers,
		...options,
		onRecords(batch) {
			records.push(...batch);
		},
	});
	return {session, records};
}

/** Waits until every partition read is at its high watermark and `count` records came. */
export async function caughtUp(session: ConsumeSession, count: number, timeoutMs = 60_000): Promise<void> {
	await waitFor(async () => {
		const stats = session.getStats();
		const behind = stats.partitions.filter(partition => partition.highWatermark === undefined || partition.position !== partition.highWatermark);
		if (stats.received < count || behind.length > 0) {
			return new Unready(`${stats.received}/${count} received; behind: ${behind.map(partition => `${partition.partition} at ${partition.position}/${partition.highWatermark}`).join(', ')}; error: ${stats.error}`);
		}

		return true;
	}, {timeoutMs, intervalMs: 50, what: `${count} records read to the end`});
}

/** "partition:offset:key:value" of each record, for compact exact comparisons. */
export function summary(records: readonly ConsumedRecord[]): string[] {
	return records.map(record => `${record.partition}:${record.offset}:${record.key?.toString() ?? 'null'}:${record.value?.toString() ?? 'null'}`);
}

export function byPartition(records: readonly ConsumedRecord[]): Map<number, string[]> {
	const map = new Map<number, string[]>();
	for (const record of records) map.set(record.partition, [...(map.get(record.partition) ?? []), record.offset]);
	return map;
}
