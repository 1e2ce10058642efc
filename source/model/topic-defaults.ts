import type {TopicDefaults} from '../cluster/types.js';

/**
The defaults a topic without overrides gets, where every broker read agrees. Brokers that
disagree (a rolling config change, hand-edited server.properties) leave that value unknown:
which one applies depends on the partition's leader, and a guess could hide an under-min-ISR
partition or invent one.
*/
export function agreedDefaults(brokers: ReadonlyArray<{brokerId: number; defaults: TopicDefaults}> | undefined): TopicDefaults | undefined {
	if (!brokers || brokers.length === 0) return undefined;
	const agreed = <K extends keyof TopicDefaults>(key: K): TopicDefaults[K] => {
		const values = new Set(brokers.map(broker => broker.defaults[key]));
		return values.size === 1 ? [...values][0] : undefined;
	};

	return {minInsyncReplicas: agreed('minInsyncReplicas'), cleanupPolicy: agreed('cleanupPolicy'), retentionMs: agreed('retentionMs')};
}
