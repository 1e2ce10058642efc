import type {TopicConfigs} from '../types.js';
import type {RawConfigEntry} from './wire-types.js';

/** config_source 1: set on the topic itself (`kafka-configs --alter --entity-type topics`). */
const topicOverride = 1;

/**
A topic's describeConfigs entries in ktop's terms. `isDefault` is false only for the topic's own
overrides: a value inherited from the broker's server.properties is not the topic's setting, even
though it is not Kafka's default either. Sensitive values arrive as null and stay null.
*/
export function translateConfigs(entries: RawConfigEntry[]): TopicConfigs {
	const all: TopicConfigs['all'] = {};
	for (const entry of entries) {
		const isDefault = entry.configSource === undefined ? entry.isDefault !== false : entry.configSource !== topicOverride;
		all[entry.configName] = {value: entry.configValue, isDefault};
	}

	return {
		minInsyncReplicas: integer(all['min.insync.replicas']?.value),
		cleanupPolicy: all['cleanup.policy']?.value ?? undefined,
		retentionMs: integer(all['retention.ms']?.value),
		all,
	};
}

function integer(value: string | null | undefined): number | undefined {
	if (value === null || value === undefined || !/^-?\d+$/.test(value.trim())) return undefined;
	return Number(value);
}
