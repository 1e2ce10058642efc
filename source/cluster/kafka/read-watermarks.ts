import {mapLimit} from '../map-limit.js';
import type {MetadataPartition, MetadataTopic, SourceError} from '../types.js';
import type {Round} from './broker-connections.js';
import {errorName} from './kafkajs-wire.js';
import {Tally} from './tally.js';
import type {RawListOffsets} from './wire-types.js';

/** ListOffsets timestamps: the log start offset and the log end offset. */
const earliest = -2;
const latest = -1;
/** READ_UNCOMMITTED: the true high watermark, not the last stable offset a transactional reader sees. */
const readUncommitted = 0;

export type ListOffsetsRequest = {
	leader: number;
	topics: Array<{topic: string; partitions: number[]}>;
};

/**
Groups partitions by leader, at most `maxPartitions` per request: one request per leader (two,
for low and high) instead of kafkajs' two per topic, and each reply small enough to decode
without holding the event loop long. Partitions without a leader have no watermarks to ask for.
*/
export function planByLeader(topics: MetadataTopic[], maxPartitions: number): ListOffsetsRequest[] {
	const byLeader = new Map<number, Array<{topic: string; partition: number}>>();
	for (const topic of topics) {
		for (const partition of topic.partitions) {
			if (partition.leader < 0) continue;
			const list = byLeader.get(partition.leader) ?? [];
			list.push({topic: topic.name, partition: partition.partition});
			byLeader.set(partition.leader, list);
		}
	}

	const requests: ListOffsetsRequest[] = [];
	for (const [leader, partitions] of [...byLeader].sort((a, b) => a[0] - b[0])) {
		for (let start = 0; start < partitions.length; start += maxPartitions) {
			const byTopic = new Map<string, number[]>();
			for (const {topic, partition} of partitions.slice(start, start + maxPartitions)) {
				byTopic.set(topic, [...(byTopic.get(topic) ?? []), partition]);
			}

			requests.push({leader, topics: [...byTopic].map(([topic, ids]) => ({topic, partitions: ids}))});
		}
	}

	return requests;
}

/**
Puts each partition's offset from a ListOffsets reply into `field`. Partitions the reply reports
an error for are tallied under that error.
*/
export function applyListOffsets(reply: RawListOffsets, index: PartitionIndex, field: 'lowWatermark' | 'highWatermark', failures: Tally): void {
	for (const topic of reply.responses) {
		for (const answer of topic.partitions) {
			const partition = index.get(topic.topic)?.get(answer.partition);
			if (!partition) continue;
			if (answer.errorCode !== 0) {
				failures.add(errorName(answer.errorCode), `${topic.topic}-${answer.partition}`);
				continue;
			}

			const offset = Number(answer.offset ?? answer.offsets?.[0]);
			if (Number.isFinite(offset) && offset >= 0) partition[field] = offset;
		}
	}
}

export type PartitionIndex = Map<string, Map<number, MetadataPartition>>;

export function indexPartitions(topics: MetadataTopic[]): PartitionIndex {
	return new Map(topics.map(topic => [topic.name, new Map(topic.partitions.map(partition => [partition.partition, partition]))]));
}

/** Fills in low and high watermarks of `topics` in place; returns what could not be read. */
export async function readWatermarks(round: Round, topics: MetadataTopic[], options: {concurrency: number; maxPartitionsPerRequest: number}): Promise<SourceError[]> {
	const index = indexPartitions(topics);
	const failures = new Tally();
	const requests = planByLeader(topics, options.maxPartitionsPerRequest);
	await mapLimit(requests, options.concurrency, async request => {
		const ask = (timestamp: number) => request.topics.map(({topic, partitions}) => ({topic, partitions: partitions.map(partition => ({partition, timestamp}))}));
		const [low, high] = await Promise.allSettled([
			round.call(request.leader, async wire => wire.listOffsets(readUncommitted, ask(earliest))),
			round.call(request.leader, async wire => wire.listOffsets(readUncommitted, ask(latest))),
		]);
		for (const [result, field] of [[low, 'lowWatermark'], [high, 'highWatermark']] as const) {
			if (result.status === 'fulfilled') applyListOffsets(result.value, index, field, failures);
		}

		// Both usually fail together (the same broker): count the partitions once.
		const failed = [low, high].find(result => result.status === 'rejected');
		if (failed) failures.add((failed.reason as Error).message, request.topics.flatMap(({topic, partitions}) => partitions.map(partition => `${topic}-${partition}`)));
	});
	return failures.errors('kafka:watermarks', 'partition');
}
