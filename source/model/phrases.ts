/** Small pieces of operator language shared by findings and events. */

/** Broker ids as Kafka's own tools print them: [1,2,3]. */
export function ids(list: readonly number[]): string {
	return `[${list.join(',')}]`;
}

/** 10000 -> "10,000"; fixed locale so messages are the same on every machine. */
export function count(value: number): string {
	return value.toLocaleString('en-US');
}

/** "1 partition", "3 partitions". */
export function plural(value: number, noun: string, nouns = `${noun}s`): string {
	return `${count(value)} ${value === 1 ? noun : nouns}`;
}

/** The first `most` items, then "and N more", so a message stays one readable line at any scale. */
export function some(items: readonly string[], most = 5): string {
	if (items.length <= most) return items.join(', ');
	return `${items.slice(0, most).join(', ')} and ${count(items.length - most)} more`;
}

/** Kafka's own name for a partition: orders-3. */
export function partitionName(topic: string, partition: number): string {
	return `${topic}-${partition}`;
}

/**
What a held finding adds to its message: it is last known, not current. The time is UTC so a
line reads the same in a log, a check's output and the TUI.
*/
export function heldNote(finding: {held?: {since: number; source: string}}): string {
	if (!finding.held) return '';
	return ` [held, unknown now: ${finding.held.source} unreadable since ${new Date(finding.held.since).toISOString().slice(11, 19)} UTC]`;
}
