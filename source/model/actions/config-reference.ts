import type {ClusterWriter, TopicConfigEntry} from '../../cluster/write-types.js';
import {similarNames} from '../similar-names.js';
import type {ClusterSnapshot} from '../types.js';

/**
The broker's own list of topic configs and the cluster's default of each. DescribeConfigs on
any topic returns every topic config the broker knows, so the list is always the broker's
version's, never one ktop would have to keep up to date.
*/
export type ReferenceConfigs = {
	known: ReadonlySet<string>;
	readOnly: ReadonlySet<string>;
	/** The value a topic gets without an override, where the reference topic shows it. */
	defaults: ReadonlyMap<string, TopicConfigEntry>;
};

export type ConfigReference = {
	/** undefined when there is no topic to ask, or asking failed (the broker's dry run still checks). */
	read(): Promise<ReferenceConfigs | undefined>;
};

/** Read once per factory; a failed read is tried again next time. */
export function createConfigReference(writer: ClusterWriter, snapshot: () => ClusterSnapshot | undefined): ConfigReference {
	let cached: Promise<ReferenceConfigs | undefined> | undefined;
	return {
		async read() {
			const topic = referenceTopic(snapshot());
			if (topic === undefined) return undefined;
			cached ??= writer.describeTopicConfigs(topic).then(referenceFrom, () => {
				cached = undefined;
				return undefined;
			});
			return cached;
		},
	};
}

export function referenceFrom(entries: readonly TopicConfigEntry[]): ReferenceConfigs {
	return {
		known: new Set(entries.map(entry => entry.name)),
		readOnly: new Set(entries.filter(entry => entry.readOnly).map(entry => entry.name)),
		defaults: new Map(entries.filter(entry => entry.source !== 'topic').map(entry => [entry.name, entry])),
	};
}

/** The topic with the fewest overrides (so most defaults show), an ordinary one before an internal one. */
function referenceTopic(snapshot: ClusterSnapshot | undefined): string | undefined {
	const candidates = (snapshot?.topics ?? []).filter(topic => !topic.pendingDeletion);
	const rank = (topic: (typeof candidates)[number]) => (topic.internal ? 1_000_000 : 0) + Object.keys(topic.configOverrides).length;
	return [...candidates].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name))[0]?.name;
}

/** "configs: unknown config retention.msx; did you mean retention.ms?" for each name the broker does not know. */
export function unknownConfigErrors(names: readonly string[], known: ReadonlySet<string>, label: string): string[] {
	return names.filter(name => !known.has(name)).map(name => {
		const similar = similarNames(name, [...known], 3);
		return `${label}: unknown config ${name}${similar.length > 0 ? `; did you mean ${similar.join(' or ')}?` : ''}`;
	});
}
