/** Which partitions the operator chose: "all", or "0,2,5-7". */
export type PartitionSelection = 'all' | number[];

/** Parses the text only; whether the partitions exist depends on the topic (see `choosePartitions`). */
export function parsePartitionList(text: string, label = 'partitions'): PartitionSelection | {error: string} {
	const value = text.trim().toLowerCase();
	if (value === 'all') return 'all';
	if (value === '') return {error: `${label}: required ("all", or a list like 0,2,5-7)`};
	const chosen = new Set<number>();
	for (const part of value.split(',').map(piece => piece.trim())) {
		const range = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part);
		if (!range) return {error: `${label}: ${JSON.stringify(part)} is not a partition or a range like 5-7`};
		const from = Number(range[1]);
		const to = range[2] === undefined ? from : Number(range[2]);
		if (to < from) return {error: `${label}: ${part} runs backwards; write ${to}-${from}`};
		// Partition ids are below Kafka's limit of a few hundred thousand; a huge range is a typo, not a request.
		if (to - from > 100_000) return {error: `${label}: ${part} is too large a range`};
		for (let partition = from; partition <= to; partition++) chosen.add(partition);
	}

	return [...chosen].sort((a, b) => a - b);
}

/** The chosen partitions of one topic, or which do not exist there. */
export function choosePartitions(selection: PartitionSelection, topic: string, available: readonly number[]): number[] | {error: string} {
	const sorted = [...available].sort((a, b) => a - b);
	if (selection === 'all') return sorted;
	const known = new Set(sorted);
	const missing = selection.filter(partition => !known.has(partition));
	if (missing.length === 0) return selection;
	return {error: `${topic} has no partition ${missing.join(', ')} (it has ${rangeText(sorted)})`};
}

/** [0,1,2,3,5] -> "0-3, 5"; for messages. */
export function rangeText(partitions: readonly number[]): string {
	if (partitions.length === 0) return 'no partitions';
	const parts: string[] = [];
	let start = partitions[0]!;
	let previous = start;
	for (const partition of [...partitions.slice(1), Number.NaN]) {
		if (partition === previous + 1) {
			previous = partition;
			continue;
		}

		parts.push(start === previous ? String(start) : `${start}-${previous}`);
		start = partition;
		previous = partition;
	}

	return parts.join(', ');
}
