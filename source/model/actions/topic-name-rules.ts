/**
Kafka's own topic name rules (org.apache.kafka.common.internals.Topic), checked before anything
is sent, in the words an operator can act on.
*/

export const maxTopicNameLength = 249;

const legal = /^[a-zA-Z0-9._-]+$/;

export function topicNameErrors(name: string): string[] {
	if (name === '') return ['name: required'];
	if (name === '.' || name === '..') return ['name: cannot be "." or ".."'];
	const errors: string[] = [];
	if (name.length > maxTopicNameLength) errors.push(`name: ${name.length} characters; Kafka allows at most ${maxTopicNameLength}`);
	if (!legal.test(name)) {
		const illegal = [...new Set([...name].filter(char => !legal.test(char)))].map(char => JSON.stringify(char)).join(' ');
		errors.push(`name: ${illegal} not allowed; Kafka allows only letters, digits, '.', '_' and '-'`);
	}

	return errors;
}

/** Kafka's metric names turn '.' into '_', so names equal after that swap share their metrics. */
function unified(name: string): string {
	return name.replaceAll('.', '_');
}

export function hasCollisionChars(name: string): boolean {
	return name.includes('.') || name.includes('_');
}

/**
Existing topics this name would collide with: equal once '.' and '_' are treated alike, but not
the same name. In ZooKeeper mode Kafka refuses to create such a topic ("collides with existing
topics"), so this is an error before sending, not just a warning.
*/
export function collidingTopics(name: string, existing: readonly string[]): string[] {
	if (!hasCollisionChars(name)) return [];
	const key = unified(name);
	return existing.filter(other => other !== name && unified(other) === key);
}

/** What kafka-topics.sh prints for any name with '.' or '_'. */
export const collisionCharsWarning = "names with '.' or '_' can collide in Kafka's metric names (orders.eu and orders_eu share them): use one or the other, not both";
