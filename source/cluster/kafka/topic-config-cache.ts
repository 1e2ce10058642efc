import type {MetadataTopic, TopicConfigs} from '../types.js';

/**
Topic configs from earlier reads. Configs change rarely and are the largest reply of a refresh
(about 36 entries per topic: some 70,000 for 2,000 topics), so each read asks only for topics
that are new or whose configs are older than `maxAgeMs`. Each entry expires at a random point
between half and all of `maxAgeMs`, so 2,000 topics read together are not all read again
together. A topic deleted and re-created under the same name within that time shows its old
configs until they expire (Metadata v6 carries no topic ids to tell the two apart).
*/
export class TopicConfigCache {
	readonly #entries = new Map<string, {configs: TopicConfigs; expiresAt: number}>();

	constructor(readonly maxAgeMs: number, readonly random: () => number = Math.random) {}

	/** Gives topics with fresh cached configs those configs; returns the topics left to read. */
	fill(topics: MetadataTopic[], now: number): MetadataTopic[] {
		const missing: MetadataTopic[] = [];
		for (const topic of topics) {
			const entry = this.#entries.get(topic.name);
			if (entry && entry.expiresAt > now) topic.configs = entry.configs;
			else missing.push(topic);
		}

		return missing;
	}

	/** Keeps the configs `topics` now have (read just now), and forgets topics no longer listed. */
	remember(topics: MetadataTopic[], read: MetadataTopic[], now: number): void {
		const listed = new Set(topics.map(topic => topic.name));
		for (const name of this.#entries.keys()) if (!listed.has(name)) this.#entries.delete(name);
		if (this.maxAgeMs <= 0) return;
		for (const topic of read) {
			if (topic.configs) this.#entries.set(topic.name, {configs: topic.configs, expiresAt: now + (this.maxAgeMs * (0.5 + (this.random() / 2)))});
		}
	}
}
