import {describe, expect, it} from 'vitest';
import type {ProtocolRequest} from '../../../../source/cluster/kafka/kafkajs-wire.js';
import {electLeadersRequest, type ElectLeadersArgs} from '../../../../source/cluster/kafka/writer/elect-leaders-request.js';
import {incrementalAlterConfigsRequest, type IncrementalAlterConfigsArgs} from '../../../../source/cluster/kafka/writer/incremental-alter-configs-request.js';

/** Builds bytes field by field, the way the grammar in each codec's comment reads. */
class Bytes {
	readonly parts: Buffer[] = [];
	int8(value: number): this {
		const buffer = Buffer.alloc(1);
		buffer.writeInt8(value);
		return this.push(buffer);
	}

	int16(value: number): this {
		const buffer = Buffer.alloc(2);
		buffer.writeInt16BE(value);
		return this.push(buffer);
	}

	int32(value: number): this {
		const buffer = Buffer.alloc(4);
		buffer.writeInt32BE(value);
		return this.push(buffer);
	}

	string(value: string | null): this {
		if (value === null) return this.int16(-1);
		return this.int16(Buffer.byteLength(value)).push(Buffer.from(value));
	}

	get buffer(): Buffer {
		return Buffer.concat(this.parts);
	}

	private push(buffer: Buffer): this {
		this.parts.push(buffer);
		return this;
	}
}

type Built = {request: {apiKey: number; apiVersion: number; encode: () => Promise<{buffer: Buffer}>}; response: ProtocolRequest['response']};

function build(definition: typeof electLeadersRequest, version: number, args: unknown): Built {
	const create = definition.protocol!({version}) as unknown as (args: unknown) => Built;
	return create(args);
}

describe('ElectLeaders, ktop\'s own codec', () => {
	const args: ElectLeadersArgs = {electionType: 0, topicPartitions: [{topic: 'orders', partitions: [0, 2]}], timeoutMs: 8000};

	it('encodes v1 as election_type [topic [partition_id]] timeout_ms', async () => {
		const {request} = build(electLeadersRequest, 1, args);
		expect([request.apiKey, request.apiVersion]).toEqual([43, 1]);
		const expected = new Bytes().int8(0).int32(1).string('orders').int32(2).int32(0).int32(2).int32(8000).buffer;
		expect((await request.encode()).buffer).toEqual(expected);
	});

	it('encodes v0 without election_type', async () => {
		const {request} = build(electLeadersRequest, 0, args);
		expect((await request.encode()).buffer).toEqual(new Bytes().int32(1).string('orders').int32(2).int32(0).int32(2).int32(8000).buffer);
	});

	it('refuses an empty partition list, which the controller would read as every partition', () => {
		expect(() => build(electLeadersRequest, 1, {...args, topicPartitions: []})).toThrow('every partition');
	});

	it('decodes a v1 reply, per partition, with its error message', async () => {
		const reply = new Bytes().int32(0).int16(0).int32(1).string('orders').int32(2)
			.int32(0).int16(0).string(null)
			.int32(2).int16(84).string('Leader election not needed for topic partition.')
			.buffer;
		expect(await build(electLeadersRequest, 1, args).response.decode(reply)).toEqual({
			throttleTime: 0,
			errorCode: 0,
			results: [{topic: 'orders', partitions: [
				{partition: 0, errorCode: 0, errorMessage: null},
				{partition: 2, errorCode: 84, errorMessage: 'Leader election not needed for topic partition.'},
			]}],
		});
	});
});

describe('IncrementalAlterConfigs, ktop\'s own codec', () => {
	const args: IncrementalAlterConfigsArgs = {
		resources: [{resourceType: 2, resourceName: 'orders', configs: [{name: 'retention.ms', operation: 0, value: '3600000'}, {name: 'cleanup.policy', operation: 1, value: null}]}],
		validateOnly: true,
	};

	it('encodes v0 as [resource_type resource_name [name config_operation value]] validate_only', async () => {
		const {request} = build(incrementalAlterConfigsRequest, 0, args);
		expect([request.apiKey, request.apiVersion]).toEqual([44, 0]);
		const expected = new Bytes().int32(1).int8(2).string('orders').int32(2)
			.string('retention.ms').int8(0).string('3600000')
			.string('cleanup.policy').int8(1).string(null)
			.int8(1)
			.buffer;
		expect((await request.encode()).buffer).toEqual(expected);
	});

	it('decodes a v0 reply', async () => {
		const reply = new Bytes().int32(0).int32(1).int16(40).string('Unknown topic config name: x').int8(2).string('orders').buffer;
		expect(await build(incrementalAlterConfigsRequest, 0, args).response.decode(reply)).toEqual({
			throttleTime: 0,
			responses: [{errorCode: 40, errorMessage: 'Unknown topic config name: x', resourceType: 2, resourceName: 'orders'}],
		});
	});

	it('has no other version', () => {
		expect(incrementalAlterConfigsRequest.versions).toEqual(['0']);
	});
});
