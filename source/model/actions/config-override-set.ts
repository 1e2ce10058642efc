import type {ConfigChange, TopicConfigEntry} from '../../cluster/write-types.js';

/** The topic's overrides by name, as DescribeConfigs reported them; an error when one's value is hidden. */
export function currentOverrides(entries: readonly TopicConfigEntry[]): {overrides: Record<string, string>} | {error: string} {
	const overrides: Record<string, string> = {};
	for (const entry of entries.filter(candidate => candidate.source === 'topic')) {
		// AlterConfigs would drop an override ktop cannot send back.
		if (entry.value === undefined) return {error: `${entry.name} is an override whose value the broker does not return (sensitive): on this Kafka version ktop can only replace the whole override set, which would drop it`};
		overrides[entry.name] = entry.value;
	}

	return {overrides};
}

/** The override set after `changes`: what AlterConfigs (which replaces the whole set) must be sent. */
export function overridesAfter(overrides: Readonly<Record<string, string>>, changes: readonly ConfigChange[]): Record<string, string> {
	const after = {...overrides};
	for (const change of changes) {
		if (change.value === undefined) delete after[change.name];
		else after[change.name] = change.value;
	}

	return after;
}

/** "a=1, b=2", by name: the override sets a preview shows and compares. */
export function overridesText(overrides: Readonly<Record<string, string>>): string {
	const names = Object.keys(overrides).sort();
	return names.length === 0 ? '(none)' : names.map(name => `${name}=${overrides[name]}`).join(', ');
}
