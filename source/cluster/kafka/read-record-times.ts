import type {ConsumerGroup, MetadataTopic, NextRecordTime} from '../types.js';
import type {Round} from './broker-connections.js';
import type {RawFetch} from './fetch-response.js';
import {errorName, type FetchRequest} from './kafkajs-wire.js';
import {decodeRecordSet} from './record-batches.js';

export type RecordTimeOptions = {
	/** Partitions asked of one leader in one read; the rest wait for the next read (default 200). */
	maxPartitionsPerLeader: number;
	/** Bytes asked per partition (default 64 KiB): enough for the batch holding the record in all but huge batches. */
	partitionMaxBytes: number;
	/** Bound on one reply (default 1 MiB). */
	maxBytes: number;
};

export const defaultRecordTimeOptions: RecordTimeOptions = {maxPartitionsPerLeader: 200, partitionMaxBytes: 64 * 1024, maxBytes: 1024 * 1024};

const offsetOutOfRange = 1;

/**
The timestamp of the record at a given offset never changes while the record exists, so it is
read once and kept for as long as some group's committed offset still points at it.
*/
export class RecordTimeCache {
	#times = new Map<string, number>();

	get(key: string): number | undefined {
		return this.#times.get(key);
	}

	/** Keeps `found` and the entries still wanted; the rest go, so memory follows the groups. */
	replace(wanted: ReadonlySet<string>, found: ReadonlyMap<string, number>): void {
		const next = new Map<string, number>();
		for (const key of wanted) {
			const time = found.get(key) ?? this.#times.get(key);
			if (time !== undefined) next.set(key, time);
		}

		this.#times = next;
	}
}

type Wanted = {topic: string; partition: number; offset: number; leader: number; key: string};

/**
Sets `nextRecord` on every committed offset a group lags behind: the timestamp of the record
there, the first the group has not consumed. Its age is the group's time lag on the partition.
One Fetch per partition leader covers all the partitions it leads (at most
`maxPartitionsPerLeader`), at the committed offsets, with a small byte budget and no wait;
offsets read before are answered from the cache. Nothing is joined or committed.
*/
export async function readRecordTimes(round: Round, groups: ConsumerGroup[], topics: MetadataTopic[], cache: RecordTimeCache, options: RecordTimeOptions = defaultRecordTimeOptions): Promise<void> {
	const partitions = new Map(topics.flatMap(topic => topic.partitions.map(partition => [`${topic.name}\u0000${partition.partition}`, partition] as const)));
	const wanted = new Map<string, Wanted>();
	for (const group of groups) {
		for (const offset of group.offsets) {
			const partition = partitions.get(`${offset.topic}\u0000${offset.partition}`);
			if (offset.committed < 0 || partition?.highWatermark === undefined || partition.highWatermark <= offset.committed) continue;
			const key = `${offset.topic}\u0000${offset.partition}\u0000${offset.committed}`;
			if (cache.get(key) === undefined && partition.leader >= 0) wanted.set(key, {topic: offset.topic, partition: offset.partition, offset: offset.committed, leader: partition.leader, key});
		}
	}

	// A partition appears once in a Fetch (a broker keeps one offset per partition): other groups'
	// offsets on it wait for the next read, when the first one is cached.
	const byLeader = new Map<number, Wanted[]>();
	const found = new Map<string, NextRecordTime>();
	const asking = new Set<string>();
	for (const entry of [...wanted.values()].sort((a, b) => a.offset - b.offset)) {
		const partition = `${entry.topic}\u0000${entry.partition}`;
		if (asking.has(partition)) {
			found.set(entry.key, {unknown: 'not read yet: one offset of a partition is read a refresh, another group\'s was read this time'});
			continue;
		}

		asking.add(partition);
		byLeader.set(entry.leader, [...(byLeader.get(entry.leader) ?? []), entry]);
	}

	await Promise.all([...byLeader].map(async ([leader, list]) => {
		const asked = list.slice(0, options.maxPartitionsPerLeader);
		for (const entry of list.slice(options.maxPartitionsPerLeader)) {
			found.set(entry.key, {unknown: `not read yet: ktop reads at most ${options.maxPartitionsPerLeader} partitions a broker a refresh`});
		}

		try {
			const reply = await round.call(leader, async wire => wire.fetch(fetchRequest(asked, options)));
			if (reply.errorCode !== 0) throw new Error(`Fetch failed: ${errorName(reply.errorCode)}`);
			for (const entry of asked) found.set(entry.key, await timeIn(reply, entry, options));
		} catch (error) {
			for (const entry of asked) found.set(entry.key, {unknown: `could not read the record: ${(error as Error).message}`});
		}
	}));

	const still = new Set<string>();
	for (const group of groups) {
		for (const offset of group.offsets) {
			const key = `${offset.topic}\u0000${offset.partition}\u0000${offset.committed}`;
			const cached = cache.get(key);
			const time = cached === undefined ? found.get(key) : {timestamp: cached};
			if (!time) continue;
			still.add(key);
			offset.nextRecord = time;
		}
	}

	const timestamps = new Map<string, number>();
	for (const [key, time] of found) if ('timestamp' in time) timestamps.set(key, time.timestamp);
	cache.replace(still, timestamps);
}

function fetchRequest(asked: Wanted[], options: RecordTimeOptions): FetchRequest {
	const byTopic = new Map<string, Wanted[]>();
	for (const entry of asked) byTopic.set(entry.topic, [...(byTopic.get(entry.topic) ?? []), entry]);
	return {
		// Whatever the log holds now: a broker never waits for more.
		maxWaitTime: 0,
		minBytes: 0,
		maxBytes: options.maxBytes,
		topics: [...byTopic].map(([topic, entries]) => ({
			topic,
			partitions: entries.map(entry => ({partition: entry.partition, fetchOffset: String(entry.offset), maxBytes: options.partitionMaxBytes})),
		})),
	};
}

async function timeIn(reply: RawFetch, entry: Wanted, options: RecordTimeOptions): Promise<NextRecordTime> {
	const answer = reply.topics.find(topic => topic.topic === entry.topic)?.partitions.find(partition => partition.partition === entry.partition);
	if (!answer) return {unknown: 'the broker did not answer for this partition'};
	if (answer.errorCode === offsetOutOfRange) {
		const start = answer.logStartOffset === undefined ? '' : ` (the log starts at ${answer.logStartOffset} now)`;
		return {unknown: `the record at offset ${entry.offset} is gone, deleted by retention${start}`};
	}

	if (answer.errorCode !== 0) return {unknown: errorName(answer.errorCode)};
	const decoded = await decodeRecordSet(answer.records, {
		topic: entry.topic, partition: entry.partition, fetchOffset: BigInt(entry.offset), maxValueBytes: 0, keepBodies: true, sequence: {next: 1},
	});
	const first = decoded.records[0];
	if (!first) {
		return {unknown: answer.records.length >= options.partitionMaxBytes
			? `the record batch at offset ${entry.offset} is larger than the ${options.partitionMaxBytes / 1024} KiB ktop reads`
			: `no record at offset ${entry.offset} (transaction markers or compacted away)`};
	}

	// Message format 0 (before Kafka 0.10) has no timestamps.
	if (first.timestamp < 0) return {unknown: `the record at offset ${first.offset} has no timestamp`};
	return {timestamp: first.timestamp};
}
