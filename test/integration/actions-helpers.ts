import type {Admin, Kafka, Message} from 'kafkajs';
import {bootstrapServers} from '../../cluster/layout.js';
import {Unready, waitFor} from '../../cluster/wait-for.js';
import {createClusterWriter} from '../../source/cluster/kafka/writer/cluster-writer.js';
import type {ClusterWriter} from '../../source/cluster/write-types.js';
import {createActionFactory} from '../../source/model/actions/catalog.js';
import type {ActionFactory} from '../../source/model/actions/types.js';
import {buildSnapshot} from '../../source/model/build-snapshot.js';
import {openClusterReader} from '../../source/model/cluster-reader.js';
import type {ClusterSnapshot} from '../../source/model/types.js';
import {testKafka, uniqueTopic} from '../helpers/kafka.js';
import {localAdminPorts, localConnection} from '../helpers/watch-cluster.js';
export {errorsOf, open, previewOf, valuesOf} from '../helpers/action-spec.js';
export {kcatRead, type KcatRecord} from './writer-helpers.js';

export const readOnlyMessage = 'ktop is in read-only mode (--read-only): nothing was sent; restart ktop without --read-only to make changes';

/**
The actions as the TUI runs them: snapshots from the real reader, the real writer (and a
read-only one), and a kafkajs admin that checks every effect independently of ktop's code.
Topics and groups made here are deleted in `cleanUp` (best effort: the cluster is shared).
*/
export function actionsFixture() {
	const kafka: Kafka = testKafka('ktop-actions-test');
	const admin: Admin = kafka.admin();
	const reader = openClusterReader(localConnection, {adminPorts: localAdminPorts});
	const writer: ClusterWriter = createClusterWriter(bootstrapServers, {readOnly: false, clientId: 'ktop-actions-test'});
	const readOnlyWriter: ClusterWriter = createClusterWriter(bootstrapServers, {readOnly: true, clientId: 'ktop-actions-test'});
	let snapshot: ClusterSnapshot | undefined;
	const factory: ActionFactory = createActionFactory({snapshot: () => snapshot, writer});
	const readOnlyFactory: ActionFactory = createActionFactory({snapshot: () => snapshot, writer: readOnlyWriter});
	const topics: string[] = [];
	const groups: string[] = [];

	return {
		kafka, admin, writer, factory, readOnlyFactory,
		async start() {
			await admin.connect();
		},
		/** Reads snapshots until one satisfies `check` (default: any), and makes it the actions' snapshot. */
		async refresh(what = 'a snapshot', check: (s: ClusterSnapshot) => boolean = () => true): Promise<ClusterSnapshot> {
			snapshot = await waitFor(async () => {
				const next = buildSnapshot(await reader.read());
				return check(next) ? next : new Unready(`${what} not seen yet`);
			}, {timeoutMs: 60_000, intervalMs: 500, what});
			return snapshot;
		},
		/** Reads snapshots until the topic shows with every partition led. */
		async refreshWithTopic(topic: string): Promise<ClusterSnapshot> {
			return this.refresh(`topic ${topic}`, s => {
				const found = s.topics.find(t => t.name === topic);
				return found !== undefined && found.partitions.length > 0 && found.partitions.every(p => p.leader >= 0 && p.highWatermark !== undefined);
			});
		},
		name(prefix: string): string {
			const topic = uniqueTopic(prefix);
			topics.push(topic);
			return topic;
		},
		groupName(prefix: string): string {
			const group = uniqueTopic(prefix);
			groups.push(group);
			return group;
		},
		async topic(prefix: string, partitions: number, options: {replicationFactor?: number; configs?: Record<string, string>; assignment?: number[][]} = {}): Promise<string> {
			const topic = this.name(prefix);
			await admin.createTopics({waitForLeaders: true, topics: [{
				topic,
				...(options.assignment
					? {replicaAssignment: options.assignment.map((replicas, partition) => ({partition, replicas}))}
					: {numPartitions: partitions, replicationFactor: options.replicationFactor ?? 3}),
				configEntries: Object.entries(options.configs ?? {}).map(([name, value]) => ({name, value})),
			}]});
			return topic;
		},
		async produce(topic: string, messages: Array<Message & {partition: number}>): Promise<void> {
			const producer = kafka.producer();
			await producer.connect();
			try {
				await producer.send({topic, acks: -1, messages});
			} finally {
				await producer.disconnect();
			}
		},
		/** Low and high watermark per partition, from kafkajs (not ktop's reads). */
		async watermarks(topic: string): Promise<Map<number, {low: number; high: number}>> {
			const offsets = await admin.fetchTopicOffsets(topic);
			return new Map(offsets.sort((a, b) => a.partition - b.partition).map(o => [o.partition, {low: Number(o.low), high: Number(o.high)}]));
		},
		/** The group's committed offsets on the topic, partition -> offset in partition order, from kafkajs. */
		async committed(group: string, topic: string): Promise<Map<number, number>> {
			const [entry] = await admin.fetchOffsets({groupId: group, topics: [topic]});
			const partitions = (entry?.partitions ?? []).filter(p => Number(p.offset) >= 0).sort((a, b) => a.partition - b.partition);
			return new Map(partitions.map(p => [p.partition, Number(p.offset)]));
		},
		async cleanUp() {
			await Promise.all([writer.close(), readOnlyWriter.close(), reader.close()]);
			await admin.deleteGroups(groups).catch(() => undefined);
			await admin.deleteTopics({topics}).catch(() => undefined);
			await admin.disconnect();
		},
	};
}
