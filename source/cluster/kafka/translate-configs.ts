import type {TopicDefaults} from '../types.js';
import type {RawConfigEntry} from './wire-types.js';

const minute = 60_000;
const hour = 60 * minute;

/**
What a topic without overrides gets from this broker, read from the broker's own configs
(DescribeConfigs on its BROKER resource): `min.insync.replicas`, `log.cleanup.policy`, and the
retention as Kafka derives it (KafkaConfig.logRetentionTimeMillis: `log.retention.ms`, else
`log.retention.minutes`, else `log.retention.hours`; negative means forever, -1).
A value the broker does not give (sensitive, an older broker) stays unknown.
*/
export function topicDefaultsOf(entries: RawConfigEntry[]): TopicDefaults {
	const value = (name: string) => {
		const entry = entries.find(candidate => candidate.configName === name);
		return entry?.configValue ?? undefined;
	};

	const millis = integer(value('log.retention.ms'));
	const minutes = integer(value('log.retention.minutes'));
	const hours = integer(value('log.retention.hours'));
	const retention = millis ?? (minutes === undefined ? (hours === undefined ? undefined : hours * hour) : minutes * minute);
	return {
		minInsyncReplicas: integer(value('min.insync.replicas')),
		cleanupPolicy: value('log.cleanup.policy'),
		retentionMs: retention === undefined ? undefined : (retention < 0 ? -1 : retention),
	};
}

function integer(value: string | undefined): number | undefined {
	if (value === undefined || !/^-?\d+$/.test(value.trim())) return undefined;
	return Number(value);
}
