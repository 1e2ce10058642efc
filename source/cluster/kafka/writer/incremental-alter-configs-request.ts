import type {ProtocolRequest, RequestDefinition} from '../kafkajs-wire.js';
import {Decoder, Encoder} from './kafkajs-codec.js';

/*
IncrementalAlterConfigs (api key 44, KIP-339), as Kafka's IncrementalAlterConfigsRequest.json and
IncrementalAlterConfigsResponse.json define it; kafkajs 2.2.4 has no codec for it. Unlike
AlterConfigs, which replaces a resource's whole set of overrides, it changes only the configs it
names. Version 1 is flexible, which kafkajs' encoder does not speak: ktop sends v0.

IncrementalAlterConfigs Request (Version: 0) => [resources] validate_only
  resources => resource_type resource_name [configs]
    resource_type => INT8                2: topic, 4: broker
    resource_name => STRING
    configs => name config_operation value
      name => STRING
      config_operation => INT8           0: SET, 1: DELETE (back to the inherited value), 2: APPEND, 3: SUBTRACT
      value => NULLABLE_STRING           null for DELETE
  validate_only => BOOLEAN

IncrementalAlterConfigs Response (Version: 0) => throttle_time_ms [responses]
  throttle_time_ms => INT32
  responses => error_code error_message resource_type resource_name
    error_code => INT16
    error_message => NULLABLE_STRING
    resource_type => INT8
    resource_name => STRING
*/

export const incrementalAlterConfigsApiKey = 44;
export const configOperation = {set: 0, delete: 1} as const;

export type IncrementalAlterConfigsArgs = {
	resources: Array<{resourceType: number; resourceName: string; configs: Array<{name: string; operation: number; value: string | null}>}>;
	validateOnly: boolean;
};

export type RawIncrementalAlterConfigs = {
	throttleTime: number;
	responses: Array<{errorCode: number; errorMessage: string | null; resourceType: number; resourceName: string}>;
};

const requestV0 = (args: IncrementalAlterConfigsArgs): ProtocolRequest => ({
	request: {
		apiKey: incrementalAlterConfigsApiKey,
		apiVersion: 0,
		apiName: 'IncrementalAlterConfigs',
		encode: async () => new Encoder()
			.writeArray(args.resources.map(resource => new Encoder()
				.writeInt8(resource.resourceType)
				.writeString(resource.resourceName)
				.writeArray(resource.configs.map(config => new Encoder()
					.writeString(config.name)
					.writeInt8(config.operation)
					.writeString(config.value)))))
			.writeBoolean(args.validateOnly),
	},
	response: {decode: async payload => decodeV0(payload), parse: async data => data},
});

function decodeV0(payload: Buffer): RawIncrementalAlterConfigs {
	const decoder = new Decoder(payload);
	const throttleTime = decoder.readInt32();
	const responses = decoder.readArray(resource => ({
		errorCode: resource.readInt16(),
		errorMessage: resource.readString(),
		resourceType: resource.readInt8(),
		resourceName: resource.readString() ?? '',
	}));
	return {throttleTime, responses};
}

export const incrementalAlterConfigsRequest: RequestDefinition = {
	versions: ['0'],
	protocol: ({version}) => (version === 0 ? requestV0 : undefined),
};
