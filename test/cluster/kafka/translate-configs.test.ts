import {describe, expect, it} from 'vitest';
import {applyDescribeConfigs} from '../../../source/cluster/kafka/read-configs.js';
import {Tally} from '../../../source/cluster/kafka/tally.js';
import {translateConfigs} from '../../../source/cluster/kafka/translate-configs.js';
import type {RawDescribeConfigs} from '../../../source/cluster/kafka/wire-types.js';
import type {MetadataTopic} from '../../../source/cluster/types.js';
import {recorded} from './recorded.js';

const reply = () => recorded<RawDescribeConfigs>('describe-configs.json');
const entriesOf = (name: string) => reply().resources.find(resource => resource.resourceName === name)!.configEntries;

describe('translateConfigs', () => {
	it('reads the topic\'s overrides as not default (created with min.insync.replicas=2, retention.ms=3600000)', () => {
		const configs = translateConfigs(entriesOf('ktop-fixture-orders'));
		expect(configs.minInsyncReplicas).toBe(2);
		expect(configs.retentionMs).toBe(3_600_000);
		expect(configs.cleanupPolicy).toBe('delete');
		expect(configs.all['min.insync.replicas']).toEqual({value: '2', isDefault: false});
		expect(configs.all['retention.ms']).toEqual({value: '3600000', isDefault: false});
		expect(configs.all['cleanup.policy']).toEqual({value: 'delete', isDefault: true});
		expect(Object.keys(configs.all).length).toBeGreaterThan(20);
	});

	it('counts a value inherited from the broker\'s server.properties as default: it is not the topic\'s setting', () => {
		const configs = translateConfigs(entriesOf('__consumer_offsets'));
		// Source 4 (STATIC_BROKER_CONFIG): kafkajs' own isDefault says false here.
		expect(entriesOf('__consumer_offsets').find(entry => entry.configName === 'min.insync.replicas')).toMatchObject({configSource: 4, isDefault: false});
		expect(configs.all['min.insync.replicas']).toEqual({value: '1', isDefault: true});
		expect(configs.cleanupPolicy).toBe('compact');
		expect(configs.all['cleanup.policy']?.isDefault).toBe(false);
	});

	it('falls back to the v0 isDefault flag, keeps sensitive (null) values, and reads non-numbers as undefined', () => {
		const configs = translateConfigs([
			{configName: 'min.insync.replicas', configValue: 'two', isDefault: false},
			{configName: 'retention.ms', configValue: '-1', isDefault: true},
			{configName: 'sasl.jaas.config', configValue: null, isDefault: false, isSensitive: true},
		]);
		expect(configs.minInsyncReplicas).toBeUndefined();
		expect(configs.retentionMs).toBe(-1);
		expect(configs.cleanupPolicy).toBeUndefined();
		expect(configs.all['min.insync.replicas']?.isDefault).toBe(false);
		expect(configs.all['retention.ms']?.isDefault).toBe(true);
		expect(configs.all['sasl.jaas.config']).toEqual({value: null, isDefault: false});
	});
});

describe('applyDescribeConfigs', () => {
	it('fills the topics it was asked about and tallies the ones the broker refused', () => {
		const topic = (name: string): MetadataTopic => ({name, internal: false, partitions: [], configs: undefined});
		const topics = new Map(['ktop-fixture-orders', '__consumer_offsets', 'ktop-fixture-missing'].map(name => [name, topic(name)]));
		const failures = new Tally();
		applyDescribeConfigs(reply(), topics, failures);
		expect(topics.get('ktop-fixture-orders')?.configs?.minInsyncReplicas).toBe(2);
		expect(topics.get('ktop-fixture-missing')?.configs).toBeUndefined();
		expect(failures.errors('kafka:configs', 'topic')).toEqual([{source: 'kafka:configs', message: 'UNKNOWN_TOPIC_OR_PARTITION (1 topic: ktop-fixture-missing)'}]);
	});
});
