import {describe, expect, it} from 'vitest';
import {TopicConfigCache} from '../../../source/cluster/kafka/topic-config-cache.js';
import type {MetadataTopic, TopicConfigs} from '../../../source/cluster/types.js';

const configs = (minInsyncReplicas: number): TopicConfigs => ({minInsyncReplicas, cleanupPolicy: 'delete', retentionMs: 1, all: {}});
const topic = (name: string, withConfigs?: TopicConfigs): MetadataTopic => ({name, internal: false, partitions: [], configs: withConfigs});

describe('TopicConfigCache', () => {
	it('reuses configs until they expire, between half and all of the max age', () => {
		const cache = new TopicConfigCache(30_000, () => 0.5);
		const read = [topic('a', configs(2)), topic('b', configs(1))];
		cache.remember(read, read, 1000);
		// Expires at 1000 + 30000 * 0.75.
		const fresh = [topic('a'), topic('b'), topic('new')];
		expect(cache.fill(fresh, 23_499).map(entry => entry.name)).toEqual(['new']);
		expect(fresh[0]!.configs?.minInsyncReplicas).toBe(2);
		expect(cache.fill([topic('a'), topic('b')], 23_500).map(entry => entry.name)).toEqual(['a', 'b']);
	});

	it('forgets deleted topics and topics whose configs could not be read', () => {
		const cache = new TopicConfigCache(30_000, () => 1);
		cache.remember([topic('a', configs(2)), topic('b')], [topic('a', configs(2)), topic('b')], 0);
		expect(cache.fill([topic('a'), topic('b')], 1).map(entry => entry.name)).toEqual(['b']);
		cache.remember([topic('b')], [], 2);
		expect(cache.fill([topic('a')], 3).map(entry => entry.name)).toEqual(['a']);
	});

	it('caches nothing with a max age of 0', () => {
		const cache = new TopicConfigCache(0);
		cache.remember([topic('a', configs(2))], [topic('a', configs(2))], 0);
		expect(cache.fill([topic('a')], 0)).toHaveLength(1);
	});
});
