/**
An in-memory ClusterWriter for action tests: seeded from a snapshot, it keeps watermarks,
leaders, configs and group offsets, applies writes to them (never when validateOnly), records
every call, refuses writes when read-only as the real writer does, and fails on request.
*/
import {
	type ApiVersionRange, type BrokerApis, type ClusterWriter, type GroupOffsets, type OffsetSpec, type PartitionLeadership, type TopicConfigEntry, WriteError, type WriteFailure,
} from '../../../source/cluster/write-types.js';
import type {ClusterSnapshot} from '../../../source/model/types.js';

export type FakePartition = {low: number; high: number; leader: number; replicas: number[]; isr: number[]; timestamps?: number[]};
export type FakeTopic = {partitions: FakePartition[]; overrides: Record<string, string>};
export type FakeGroup = {state: string; members: number; offsets: Map<string, number>};
export type Call = {method: string; args: unknown[]};

/** Kafka's topic config defaults, as DescribeConfigs lists them for a topic without overrides. */
export const defaultConfigs: Record<string, string> = {
	'cleanup.policy': 'delete', 'retention.ms': '604800000', 'retention.bytes': '-1', 'segment.bytes': '1073741824',
	'min.insync.replicas': '1', 'delete.retention.ms': '86400000', 'max.message.bytes': '1048588', 'min.compaction.lag.ms': '0',
};

export function failure(code: string, message: string, next?: string, detail?: string): WriteFailure {
	return {code, message, next, detail};
}

const key = (topic: string, partition: number) => `${topic}-${partition}`;

/** Every request an action sends, at the versions a Kafka 3.9 controller offers them (ApiVersions). */
export function modernApis(): Map<number, ApiVersionRange> {
	return new Map([[0, 9], [2, 8], [8, 9], [19, 7], [20, 6], [21, 2], [33, 2], [37, 3], [42, 2], [43, 2], [44, 1]].map(([apiKey, max]) => [apiKey!, {min: 0, max: max!}]));
}

/** The same controller without the requests a Kafka before 2.3 (or 2.2…) lacks. */
export function apisWithout(...keys: number[]): Map<number, ApiVersionRange> {
	const apis = modernApis();
	for (const apiKey of keys) apis.delete(apiKey);
	return apis;
}

export function createFakeWriter(snapshot: ClusterSnapshot, options: {readOnly?: boolean; zookeeperTrouble?: () => string | undefined; apis?: BrokerApis; zookeeperWritable?: boolean} = {}) {
	const topics = new Map<string, FakeTopic>(snapshot.topics.map(t => [t.name, {
		overrides: {...t.configOverrides},
		partitions: t.partitions.map(p => ({low: p.lowWatermark ?? 0, high: p.highWatermark ?? 0, leader: p.leader, replicas: [...p.replicas], isr: [...p.isr]})),
	}]));
	const groups = new Map<string, FakeGroup>(snapshot.groups.map(g => [g.groupId, {
		state: g.state, members: g.members,
		offsets: new Map(g.partitions.filter(p => p.committed !== undefined).map(p => [key(p.topic, p.partition), p.committed!])),
	}]));
	const calls: Call[] = [];
	/** Method name -> the failure it throws. */
	const fails = new Map<string, WriteFailure>();
	/** 'topic-partition' -> the failure that part reports (deleteRecords, electPreferredLeaders, commitGroupOffsets). */
	const partFails = new Map<string, WriteFailure>();
	/** Read-only config names, and extra known names. */
	const readOnlyConfigs = new Set<string>();
	const readOnly = options.readOnly ?? false;
	/** What the fake controller offers; tests may swap it. undefined until apiVersions() is called, as the real writer. */
	const state: {apis: BrokerApis; learned: BrokerApis | undefined; electionZnode: string | undefined} = {apis: options.apis ?? modernApis(), learned: undefined, electionZnode: undefined};

	const record = (method: string, args: unknown[]) => {
		calls.push({method, args});
		const failing = fails.get(method);
		if (failing) throw new WriteError(failing);
	};

	const write = (method: string, args: unknown[]) => {
		record(method, args);
		// The real writer's words (read-only-guard.ts), so outcomes read the same in both.
		if (readOnly) throw new WriteError(failure('READ_ONLY', 'ktop is in read-only mode (--read-only): nothing was sent', 'restart ktop without --read-only to make changes'));
	};

	const topicOf = (name: string): FakeTopic => {
		const topic = topics.get(name);
		if (!topic) throw new WriteError(failure('UNKNOWN_TOPIC_OR_PARTITION', `topic ${name} does not exist`));
		return topic;
	};

	const writer: ClusterWriter = {
		readOnly,
		connection: 'bootstrap 127.0.0.1:9092',
		zookeeperTrouble: () => options.zookeeperTrouble?.(),
		zookeeperWritable: options.zookeeperWritable ?? true,
		async apiVersions() {
			record('apiVersions', []);
			state.learned = state.apis;
			return state.apis;
		},
		knownApiVersions: () => state.learned,
		async describeTopicConfigs(name) {
			record('describeTopicConfigs', [name]);
			const {overrides} = topicOf(name);
			const names = [...new Set([...Object.keys(defaultConfigs), ...Object.keys(overrides)])];
			return names.map((config): TopicConfigEntry => ({
				name: config, value: overrides[config] ?? defaultConfigs[config], source: config in overrides ? 'topic' : 'default',
				readOnly: readOnlyConfigs.has(config), sensitive: false,
			}));
		},
		async readPartitions(names) {
			record('readPartitions', [names]);
			return names.flatMap(name => (topics.get(name)?.partitions ?? []).map((p, partition): PartitionLeadership => ({topic: name, partition, leader: p.leader, replicas: [...p.replicas], isr: [...p.isr]})));
		},
		async listOffsets(name, partitions, spec: OffsetSpec) {
			record('listOffsets', [name, partitions, spec]);
			const topic = topicOf(name);
			return new Map(partitions.map(partition => {
				const p = topic.partitions[partition]!;
				if (spec === 'earliest') return [partition, p.low];
				if (spec === 'latest') return [partition, p.high];
				const index = (p.timestamps ?? []).findIndex(at => at >= spec.timestamp);
				return [partition, index < 0 ? undefined : p.low + index];
			}));
		},
		async groupOffsets(id): Promise<GroupOffsets> {
			record('groupOffsets', [id]);
			const found = groups.get(id) ?? {state: 'Dead', members: 0, offsets: new Map()};
			return {
				state: found.state, members: found.members,
				offsets: [...found.offsets].map(([name, offset]) => {
					const dash = name.lastIndexOf('-');
					return {topic: name.slice(0, dash), partition: Number(name.slice(dash + 1)), offset};
				}),
			};
		},
		async createTopic(topic, {validateOnly}) {
			write('createTopic', [topic, {validateOnly}]);
			if (topics.has(topic.name)) throw new WriteError(failure('TOPIC_ALREADY_EXISTS', `a topic named ${topic.name} already exists`));
			if (!validateOnly) {
				topics.set(topic.name, {overrides: {...topic.configs}, partitions: Array.from({length: topic.partitions}, () => ({low: 0, high: 0, leader: 1, replicas: [1], isr: [1]}))});
			}
		},
		async deleteTopic(name) {
			write('deleteTopic', [name]);
			topicOf(name);
			topics.delete(name);
		},
		async createPartitions(name, total, {validateOnly}) {
			write('createPartitions', [name, total, {validateOnly}]);
			const topic = topicOf(name);
			if (!validateOnly) while (topic.partitions.length < total) topic.partitions.push({low: 0, high: 0, leader: 1, replicas: [1], isr: [1]});
		},
		async alterTopicConfigs(name, changes, {validateOnly}) {
			write('alterTopicConfigs', [name, changes, {validateOnly}]);
			const topic = topicOf(name);
			if (validateOnly) return;
			for (const change of changes) {
				if (change.value === undefined) delete topic.overrides[change.name];
				else topic.overrides[change.name] = change.value;
			}
		},
		async replaceTopicConfigs(name, overrides, {validateOnly}) {
			write('replaceTopicConfigs', [name, overrides, {validateOnly}]);
			const topic = topicOf(name);
			if (!validateOnly) topic.overrides = {...overrides};
		},
		async produce(input) {
			write('produce', [input]);
			const partition = input.partition ?? 0;
			const p = topicOf(input.topic).partitions[partition]!;
			p.high++;
			return {partition, offset: p.high - 1};
		},
		async deleteRecords(name, requests) {
			write('deleteRecords', [name, requests]);
			const topic = topicOf(name);
			return requests.map(({partition, beforeOffset}) => {
				const failing = partFails.get(key(name, partition));
				if (failing) return {partition, outcome: {ok: false as const, failure: failing}, lowWatermark: undefined};
				const p = topic.partitions[partition]!;
				p.low = Math.max(p.low, beforeOffset);
				return {partition, outcome: {ok: true as const}, lowWatermark: p.low};
			});
		},
		async electPreferredLeaders(partitions) {
			write('electPreferredLeaders', [partitions]);
			return partitions.map(({topic, partition}) => {
				const failing = partFails.get(key(topic, partition));
				if (failing) return {topic, partition, outcome: {ok: false as const, failure: failing}};
				const p = topicOf(topic).partitions[partition]!;
				if (p.leader === p.replicas[0]) return {topic, partition, outcome: {ok: true as const, notNeeded: true as const}};
				p.leader = p.replicas[0]!;
				return {topic, partition, outcome: {ok: true as const}};
			});
		},
		async requestPreferredElection(partitions) {
			write('requestPreferredElection', [partitions]);
			if (state.electionZnode !== undefined) throw new WriteError(failure('NOT_REQUESTED', '/admin/preferred_replica_election exists: a preferred leader election is already running; nothing was written'));
			// The controller elects at once and deletes the znode.
			for (const {topic, partition} of partitions) {
				const p = topicOf(topic).partitions[partition]!;
				if (p.isr.includes(p.replicas[0]!)) p.leader = p.replicas[0]!;
			}
		},
		async preferredElectionRunning() {
			record('preferredElectionRunning', []);
			return state.electionZnode !== undefined;
		},
		async commitGroupOffsets(id, offsets) {
			write('commitGroupOffsets', [id, offsets]);
			const found = groups.get(id) ?? {state: 'Empty', members: 0, offsets: new Map<string, number>()};
			groups.set(id, found);
			return offsets.map(({topic, partition, offset}) => {
				const failing = partFails.get(key(topic, partition));
				if (failing) return {topic, partition, outcome: {ok: false as const, failure: failing}};
				found.offsets.set(key(topic, partition), offset);
				return {topic, partition, outcome: {ok: true as const}};
			});
		},
		async deleteGroup(id) {
			write('deleteGroup', [id]);
			groups.delete(id);
		},
		async close() {
			calls.push({method: 'close', args: []});
		},
	};

	return {
		writer, topics, groups, calls, fails, partFails, readOnlyConfigs, state,
		/** The calls that would change the cluster, with their arguments. */
		writes: (method?: string) => calls.filter(call => !['describeTopicConfigs', 'readPartitions', 'listOffsets', 'groupOffsets', 'apiVersions', 'preferredElectionRunning', 'close'].includes(call.method) && (method === undefined || call.method === method)),
	};
}
