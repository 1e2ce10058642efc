import {describe, expect, it} from 'vitest';
import {translateMetadata} from '../../../source/cluster/kafka/translate-metadata.js';
import type {RawMetadata} from '../../../source/cluster/kafka/wire-types.js';
import {recorded} from './recorded.js';

const reply = () => recorded<RawMetadata>('metadata.json');

describe('translateMetadata', () => {
	it('reads brokers, controller and cluster id, brokers sorted by id', () => {
		const view = translateMetadata(reply());
		expect(view.clusterId).toBe('n3vcL_kPQBqE_SPkveCh6Q');
		expect(view.controllerId).toBe(2);
		expect(view.brokers).toEqual([
			{id: 1, host: '127.0.0.1', port: 9092, rack: 'rack-a'},
			{id: 2, host: '127.0.0.1', port: 9093, rack: 'rack-b'},
			{id: 3, host: '127.0.0.1', port: 9094, rack: 'rack-c'},
		]);
		expect(view.errors).toEqual([]);
	});

	it('keeps replica order (the first is the preferred leader), sorts ISR and partitions', () => {
		const raw = reply();
		const fixtureTopic = raw.topicMetadata.find(topic => topic.topic === 'ktop-fixture-orders')!;
		const view = translateMetadata(raw);
		const topic = view.topics.find(entry => entry.name === 'ktop-fixture-orders')!;
		expect(topic.internal).toBe(false);
		expect(topic.partitions.map(partition => partition.partition)).toEqual([0, 1, 2]);
		for (const partition of topic.partitions) {
			const original = fixtureTopic.partitionMetadata.find(entry => entry.partitionId === partition.partition)!;
			expect(partition.replicas).toEqual(original.replicas);
			expect(partition.isr).toEqual([1, 2, 3]);
			expect(partition.leader).toBe(original.leader);
			expect(partition.offlineReplicas).toEqual([]);
			expect(partition.lowWatermark).toBeUndefined();
		}
	});

	it('marks Kafka\'s own topics internal, by flag or, without one (Metadata v0), by name', () => {
		const raw = reply();
		expect(translateMetadata(raw).topics.find(topic => topic.name === '__consumer_offsets')?.internal).toBe(true);
		for (const topic of raw.topicMetadata) delete topic.isInternal;
		const view = translateMetadata(raw);
		expect(view.topics.find(topic => topic.name === '__consumer_offsets')?.internal).toBe(true);
		expect(view.topics.find(topic => topic.name === 'ktop-fixture-orders')?.internal).toBe(false);
	});

	it('sorts topics by name in code-point order', () => {
		expect(translateMetadata(reply()).topics.map(topic => topic.name)).toEqual(['__consumer_offsets', 'ktop-fixture-orders']);
	});

	it('shows an offline partition as data (leader -1, offline replicas), not as an error', () => {
		// The recorded reply, with partition 0 changed to what Kafka sends once its only live replica died.
		const raw = reply();
		const partition = raw.topicMetadata.find(topic => topic.topic === 'ktop-fixture-orders')!.partitionMetadata.find(entry => entry.partitionId === 0)!;
		Object.assign(partition, {partitionErrorCode: 5, leader: -1, isr: [3], offlineReplicas: [3, 1]});
		const view = translateMetadata(raw);
		const translated = view.topics.find(topic => topic.name === 'ktop-fixture-orders')!.partitions[0]!;
		expect(translated.leader).toBe(-1);
		expect(translated.offlineReplicas).toEqual([1, 3]);
		expect(view.errors).toEqual([]);
	});

	it('reports a topic the broker could not describe, and keeps it listed', () => {
		const raw = reply();
		raw.topicMetadata.push({topicErrorCode: 3, topic: 'going-away', isInternal: false, partitionMetadata: []});
		const view = translateMetadata(raw);
		expect(view.topics.map(topic => topic.name)).toContain('going-away');
		expect(view.errors).toEqual([{source: 'kafka:topic:going-away', message: 'metadata: UNKNOWN_TOPIC_OR_PARTITION'}]);
	});

	it('reads "no controller" (-1) and a missing rack as undefined', () => {
		const raw = reply();
		raw.controllerId = -1;
		raw.brokers[0]!.rack = null;
		const view = translateMetadata(raw);
		expect(view.controllerId).toBeUndefined();
		expect(view.brokers.find(broker => broker.id === raw.brokers[0]!.nodeId)?.rack).toBeUndefined();
	});
});
