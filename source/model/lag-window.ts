import type {GroupSummary} from './types.js';

/** One observed commit: the committed offset, the high watermark when ktop first saw it, and when. */
export type LagSample = {at: number; committed: number; highWatermark: number};

export type PartitionHistory = {
	/**
	Oldest first, at most `size`. A sample is added when the committed offset moves, not on
	every refresh: like Burrow's window, it moves forward with the consumer's commits, so its
	meaning does not depend on how often ktop polls.
	*/
	samples: LagSample[];
	/** The latest refresh's values, whether or not the offset moved. */
	latest: LagSample;
	/** The last time the consumer was seen making progress: its offset moved, or it had no lag. */
	progressAt: number;
};

export type LagWindows = {
	/**
	Records one refresh. Groups and partitions no longer reported are forgotten, so memory
	follows the cluster. A group whose description failed keeps its history untouched, and a
	partition whose watermark is unknown this time is kept as it was.
	*/
	record(groups: readonly GroupSummary[], at: number): void;
	history(groupId: string, topic: string, partition: number): PartitionHistory | undefined;
	/** How many partitions are tracked across all groups. */
	tracked(): number;
};

export const defaultWindowSize = 10;

export function createLagWindows(options: {size?: number} = {}): LagWindows {
	const size = Math.max(2, options.size ?? defaultWindowSize);
	let groups = new Map<string, Map<string, PartitionHistory>>();

	return {
		record(reported, at) {
			const next = new Map<string, Map<string, PartitionHistory>>();
			for (const group of reported) {
				const previous = groups.get(group.groupId);
				if (group.error !== undefined) {
					if (previous) next.set(group.groupId, previous);
					continue;
				}

				const partitions = new Map<string, PartitionHistory>();
				for (const partition of group.partitions) {
					if (partition.committed === undefined) continue;
					const id = key(partition.topic, partition.partition);
					const history = previous?.get(id);
					if (partition.highWatermark === undefined) {
						if (history) partitions.set(id, history);
						continue;
					}

					const sample = {at, committed: partition.committed, highWatermark: partition.highWatermark};
					partitions.set(id, advance(history, sample, size));
				}

				next.set(group.groupId, partitions);
			}

			groups = next;
		},
		history(groupId, topic, partition) {
			return groups.get(groupId)?.get(key(topic, partition));
		},
		tracked() {
			let total = 0;
			for (const partitions of groups.values()) total += partitions.size;
			return total;
		},
	};
}

function advance(history: PartitionHistory | undefined, sample: LagSample, size: number): PartitionHistory {
	const caughtUp = sample.highWatermark <= sample.committed;
	const last = history?.samples.at(-1);
	// An offset moved back (a reset) or a watermark that fell (the topic was recreated) starts a new
	// story: the old samples describe a different position and would make every comparison wrong.
	if (!history || !last || sample.committed < last.committed || sample.highWatermark < history.latest.highWatermark) {
		return {samples: [sample], latest: sample, progressAt: sample.at};
	}

	if (sample.committed === last.committed) {
		return {samples: history.samples, latest: sample, progressAt: caughtUp ? sample.at : history.progressAt};
	}

	const samples = [...history.samples, sample];
	if (samples.length > size) samples.splice(0, samples.length - size);
	return {samples, latest: sample, progressAt: sample.at};
}

function key(topic: string, partition: number): string {
	return `${topic}\u0000${partition}`;
}
