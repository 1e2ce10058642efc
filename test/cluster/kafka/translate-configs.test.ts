import {describe, expect, it} from 'vitest';
import {topicDefaultsOf} from '../../../source/cluster/kafka/translate-configs.js';
import type {RawConfigEntry} from '../../../source/cluster/kafka/wire-types.js';

const entry = (configName: string, configValue: string | null): RawConfigEntry => ({configName, configValue, readOnly: true, isDefault: true, isSensitive: false} as RawConfigEntry);

describe('topicDefaultsOf', () => {
	it('reads a broker\'s min.insync.replicas, log.cleanup.policy and retention (hours, as server.properties sets it)', () => {
		expect(topicDefaultsOf([
			entry('min.insync.replicas', '2'), entry('log.cleanup.policy', 'delete'),
			entry('log.retention.ms', null), entry('log.retention.minutes', null), entry('log.retention.hours', '168'),
		])).toEqual({minInsyncReplicas: 2, cleanupPolicy: 'delete', retentionMs: 604_800_000});
	});

	it('takes retention as Kafka does: ms before minutes before hours, negative as forever (-1)', () => {
		expect(topicDefaultsOf([entry('log.retention.ms', '1000'), entry('log.retention.minutes', '5'), entry('log.retention.hours', '1')]).retentionMs).toBe(1000);
		expect(topicDefaultsOf([entry('log.retention.minutes', '5'), entry('log.retention.hours', '1')]).retentionMs).toBe(300_000);
		expect(topicDefaultsOf([entry('log.retention.ms', '-5')]).retentionMs).toBe(-1);
	});

	it('leaves what the broker does not give unknown', () => {
		expect(topicDefaultsOf([entry('min.insync.replicas', null)])).toEqual({minInsyncReplicas: undefined, cleanupPolicy: undefined, retentionMs: undefined});
	});
});
