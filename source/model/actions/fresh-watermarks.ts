import type {ClusterWriter} from '../../cluster/write-types.js';

/** Low and high watermark of each partition, read now from the leaders (not the snapshot's copy). */
export async function freshWatermarks(writer: ClusterWriter, topic: string, partitions: number[]): Promise<Array<{partition: number; low: number; high: number}> | {error: string}> {
	const [lows, highs] = await Promise.all([writer.listOffsets(topic, partitions, 'earliest'), writer.listOffsets(topic, partitions, 'latest')]);
	const rows: Array<{partition: number; low: number; high: number}> = [];
	const missing: number[] = [];
	for (const partition of partitions) {
		const low = lows.get(partition);
		const high = highs.get(partition);
		if (low === undefined || high === undefined) missing.push(partition);
		else rows.push({partition, low, high});
	}

	if (missing.length > 0) return {error: `no watermarks for ${missing.map(partition => `${topic}-${partition}`).join(', ')}: the leader did not answer; try again`};
	return rows;
}
