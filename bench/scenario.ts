import type {Admin, Kafka} from 'kafkajs';
import {commitAsIdleGroups} from './commit-offsets.js';
import {benchPrefix, createTopics, deleteTopics, listBenchTopics, recordCount, withAdmin} from './bench-kafka.js';
import {type ProduceMethod, type ProduceResult, produce} from './load-records.js';

/**
The load the benchmark puts on the local cluster, all named `bench-…`, created only where
missing so a second run reuses the first one's topics, groups and records:

- `bench-t-NNNNN`: topics of P partitions, as many as make up the size being measured;
- `bench-g-NNNN`: consumer groups with committed offsets and no members;
- `bench-load-100b`, `bench-load-1k`: a million records each for the consume measures.
*/

export type ScenarioOptions = {
	partitionsPerTopic: number;
	/**
	1 by default: at 3, 10,000 partitions would put 10,000 replicas on each broker (512 MB heaps,
	two cores for the whole cluster), two thirds of them followers replicating from the others.
	Open files are not the limit: about one per replica, so some 10,500 a broker of its ~20,000.
	*/
	replicationFactor: number;
	groups: number;
	loadRecords: number;
	loadPartitions: number;
};

export const loadTopics = [
	{topic: `${benchPrefix}load-100b`, recordBytes: 100},
	{topic: `${benchPrefix}load-1k`, recordBytes: 1024},
] as const;

const topicName = (index: number) => `${benchPrefix}t-${String(index).padStart(5, '0')}`;
const groupName = (index: number) => `${benchPrefix}g-${String(index).padStart(4, '0')}`;
/** Groups commit to the first topics only, which exist at every size. */
const topicsWithGroups = 100;

export type TopicsReport = {partitions: number; topics: number; created: number; deleted: number; seconds: number};

/**
Exactly `partitions` partitions in `bench-t-*` topics: creates the missing topics, deletes those
beyond the size (a later run at a smaller size) and recreates any of another partition count.
*/
export async function ensurePartitions(kafka: Kafka, partitions: number, options: ScenarioOptions, log: (line: string) => void): Promise<TopicsReport> {
	const started = performance.now();
	const wanted = Array.from({length: Math.ceil(partitions / options.partitionsPerTopic)}, (_, index) => topicName(index));
	return withAdmin(kafka, async admin => {
		const existing = await listBenchTopics(admin, `${benchPrefix}t-`);
		const wantedSet = new Set(wanted);
		const extra = existing.filter(topic => !wantedSet.has(topic));
		const kept = existing.filter(topic => wantedSet.has(topic));
		const misshapen = kept.length === 0 ? [] : (await admin.fetchTopicMetadata({topics: kept})).topics
			.filter(topic => topic.partitions.length !== options.partitionsPerTopic).map(topic => topic.name);
		const doomed = [...extra, ...misshapen];
		if (doomed.length > 0) {
			log(`deleting ${doomed.length} bench topics not of this size or shape…`);
			await deleteTopics(admin, doomed);
		}

		const present = new Set(kept.filter(topic => !misshapen.includes(topic)));
		const missing = wanted.filter(topic => !present.has(topic));
		if (missing.length > 0) {
			log(`creating ${missing.length} topics × ${options.partitionsPerTopic} partitions (RF ${options.replicationFactor})…`);
			await createTopics(admin, missing, options.partitionsPerTopic, options.replicationFactor);
		}

		const seconds = (performance.now() - started) / 1000;
		if (doomed.length + missing.length > 0) log(`${wanted.length * options.partitionsPerTopic} bench partitions ready in ${seconds.toFixed(1)} s`);
		return {partitions: wanted.length * options.partitionsPerTopic, topics: wanted.length, created: missing.length, deleted: doomed.length, seconds};
	});
}

export type GroupsReport = {groups: number; created: number; seconds: number};

/**
Groups with committed offsets (0, on every partition of one of the first topics) and no
members: what a fleet of stopped consumers leaves behind, and what ktop reads on every refresh.
*/
export async function ensureGroups(kafka: Kafka, options: ScenarioOptions, log: (line: string) => void): Promise<GroupsReport> {
	const started = performance.now();
	return withAdmin(kafka, async admin => {
		const existing = new Set((await admin.listGroups()).groups.map(group => group.groupId));
		const missing = Array.from({length: options.groups}, (_, index) => index).filter(index => !existing.has(groupName(index)));
		if (missing.length > 0) {
			const topics = await listBenchTopics(admin, `${benchPrefix}t-`);
			const targets = topics.slice(0, topicsWithGroups);
			if (targets.length === 0) throw new Error('no bench topics to commit group offsets on; create partitions first');
			log(`committing offsets for ${missing.length} consumer groups…`);
			const partitions = Array.from({length: options.partitionsPerTopic}, (_, partition) => ({partition, offset: '0'}));
			await commitAsIdleGroups(missing.map(index => ({groupId: groupName(index), topic: targets[index % targets.length]!, partitions})));
		}

		const seconds = (performance.now() - started) / 1000;
		if (missing.length > 0) log(`${options.groups} groups ready in ${seconds.toFixed(1)} s`);
		return {groups: options.groups, created: missing.length, seconds};
	});
}

export type LoadReport = {
	/** Both producers on a sample of each record size, when anything had to be produced: the faster one loads the topics. */
	trial: ProduceResult[];
	produced: ProduceResult[];
	topics: Array<{topic: string; recordBytes: number; records: number}>;
};

/** The record-load topics, full; a topic holding any other count (an interrupted run) is recreated. */
export async function ensureLoad(kafka: Kafka, options: ScenarioOptions, log: (line: string) => void): Promise<LoadReport> {
	return withAdmin(kafka, async admin => {
		const existing = new Set(await listBenchTopics(admin));
		const missing: Array<(typeof loadTopics)[number]> = [];
		for (const load of loadTopics) {
			if (existing.has(load.topic) && await recordCount(admin, load.topic) === options.loadRecords) continue;
			if (existing.has(load.topic)) await deleteTopics(admin, [load.topic]);
			missing.push(load);
		}

		const report: LoadReport = {trial: [], produced: [], topics: []};
		if (missing.length > 0) {
			report.trial = await produceTrial(kafka, admin, options, log);
			for (const load of missing) {
				const method = fastest(report.trial, load.recordBytes);
				log(`producing ${options.loadRecords.toLocaleString('en')} records of ${load.recordBytes} B into ${load.topic} with ${method}…`);
				await createTopics(admin, [load.topic], options.loadPartitions, options.replicationFactor);
				const result = await produce(method, kafka, load.topic, options.loadRecords, load.recordBytes);
				log(`  ${Math.round(result.recordsPerSecond).toLocaleString('en')} records/s, ${result.megabytesPerSecond.toFixed(1)} MB/s`);
				report.produced.push(result);
			}
		}

		for (const load of loadTopics) {
			const records = await recordCount(admin, load.topic);
			if (records !== options.loadRecords) throw new Error(`${load.topic} holds ${records} records, expected ${options.loadRecords}`);
			report.topics.push({topic: load.topic, recordBytes: load.recordBytes, records});
		}

		return report;
	});
}

const trialTopic = `${benchPrefix}produce-trial`;
const trialRecords = 100_000;

/** kcat and kafkajs each produce the same sample of both record sizes into a scratch topic. */
async function produceTrial(kafka: Kafka, admin: Admin, options: ScenarioOptions, log: (line: string) => void): Promise<ProduceResult[]> {
	if ((await listBenchTopics(admin)).includes(trialTopic)) await deleteTopics(admin, [trialTopic]);
	await createTopics(admin, [trialTopic], options.loadPartitions, options.replicationFactor);
	const results: ProduceResult[] = [];
	try {
		for (const {recordBytes} of loadTopics) {
			for (const method of ['kcat', 'kafkajs'] as const) {
				const result = await produce(method, kafka, trialTopic, trialRecords, recordBytes);
				log(`produce trial: ${method}, ${trialRecords.toLocaleString('en')} × ${recordBytes} B: ${Math.round(result.recordsPerSecond).toLocaleString('en')} records/s`);
				results.push(result);
			}
		}
	} finally {
		await deleteTopics(admin, [trialTopic]);
	}

	return results;
}

function fastest(trial: readonly ProduceResult[], recordBytes: number): ProduceMethod {
	const sized = trial.filter(result => result.recordBytes === recordBytes).sort((a, b) => b.recordsPerSecond - a.recordsPerSecond);
	return sized[0]?.method ?? 'kcat';
}

/** `--clean`: every topic and group whose name starts with `bench-`. */
export async function cleanScenario(kafka: Kafka, log: (line: string) => void): Promise<{topics: number; groups: number}> {
	return withAdmin(kafka, async admin => {
		const groups = (await admin.listGroups()).groups.map(group => group.groupId).filter(group => group.startsWith(benchPrefix));
		for (let index = 0; index < groups.length; index += 100) await admin.deleteGroups(groups.slice(index, index + 100));
		const topics = await listBenchTopics(admin);
		log(`deleting ${topics.length} topics and ${groups.length} groups named ${benchPrefix}*…`);
		await deleteTopics(admin, topics);
		return {topics: topics.length, groups: groups.length};
	});
}
