import type {GroupOffsets} from '../../cluster/write-types.js';
import {plural} from '../phrases.js';

/**
Why the group cannot be changed now, or undefined: Kafka takes an offset reset or a deletion only
from an empty group (no members, state Empty or Dead); otherwise its consumers would overwrite it.
*/
export function activeGroupRefusal(group: string, offsets: GroupOffsets, what: string): string | undefined {
	if (offsets.members === 0 && (offsets.state === 'Empty' || offsets.state === 'Dead')) return undefined;
	return `group ${group} has ${plural(offsets.members, 'active member')} (state ${offsets.state}): stop its consumers first; ${what}`;
}

/** Topics with committed offsets, each with how many partitions: "orders (6 partitions)". */
export function committedTopics(offsets: GroupOffsets): Map<string, number> {
	const topics = new Map<string, number>();
	for (const {topic} of offsets.offsets) topics.set(topic, (topics.get(topic) ?? 0) + 1);
	return new Map([...topics].sort(([a], [b]) => a.localeCompare(b)));
}

export function groupStateLines(group: string, offsets: GroupOffsets): string[] {
	const topics = committedTopics(offsets);
	return [
		`group ${group}: state ${offsets.state}, ${plural(offsets.members, 'member')}`,
		topics.size === 0 ? 'no committed offsets' : `committed offsets on ${[...topics].map(([topic, count]) => `${topic} (${plural(count, 'partition')})`).join(', ')}`,
		// Said up front, so nobody fills in a form only to be refused at the preview.
		...(offsets.members > 0 ? ['Kafka refuses offset resets and deletion until its consumers stop'] : []),
	];
}
