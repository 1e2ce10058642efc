import type {ProtocolRequest, RequestDefinition} from '../kafkajs-wire.js';
import {Decoder, Encoder, type KafkajsDecoder} from './kafkajs-codec.js';

/*
ElectLeaders (api key 43), as Kafka's ElectLeadersRequest.json and ElectLeadersResponse.json define
it; kafkajs 2.2.4 has no codec for it. Version 2 is the first flexible one (compact strings, tagged
fields), which kafkajs' encoder does not speak, so ktop sends v1, or v0 to a broker older than 2.4.

ElectLeaders Request (Version: 1) => election_type [topic_partitions] timeout_ms
  election_type => INT8                  0: the preferred replica; 1: unclean (v1+)
  topic_partitions => topic [partition_id]   nullable: null means every partition of the
    topic => STRING                          cluster, so ktop never sends null (nor an empty list,
    partition_id => INT32                    which kafkajs' writers would turn into null)
  timeout_ms => INT32                    how long the controller waits for the new leaders
Version 0 is the same without election_type (always the preferred replica).

ElectLeaders Response (Version: 1) => throttle_time_ms error_code [replica_election_results]
  throttle_time_ms => INT32
  error_code => INT16                    the request's own error (v1+): CLUSTER_AUTHORIZATION_FAILED...
  replica_election_results => topic [partition_result]
    topic => STRING
    partition_result => partition_id error_code error_message
      partition_id => INT32
      error_code => INT16                ELECTION_NOT_NEEDED when the preferred replica already leads
      error_message => NULLABLE_STRING
*/

export const electLeadersApiKey = 43;
export const preferredElection = 0;

export type ElectLeadersArgs = {
	electionType: number;
	topicPartitions: Array<{topic: string; partitions: number[]}>;
	timeoutMs: number;
};

export type RawElectLeaders = {
	throttleTime: number;
	/** 0 for v0, which has no request-level error. */
	errorCode: number;
	results: Array<{topic: string; partitions: Array<{partition: number; errorCode: number; errorMessage: string | null}>}>;
};

const request = (version: number) => (args: ElectLeadersArgs): ProtocolRequest => {
	if (args.topicPartitions.length === 0) throw new Error('ElectLeaders without partitions would elect every partition of the cluster');
	return {
		request: {
			apiKey: electLeadersApiKey,
			apiVersion: version,
			apiName: 'ElectLeaders',
			encode: async () => {
				const encoder = new Encoder();
				if (version >= 1) encoder.writeInt8(args.electionType);
				return encoder
					.writeArray(args.topicPartitions.map(({topic, partitions}) => new Encoder().writeString(topic).writeArray(partitions, 'int32')))
					.writeInt32(args.timeoutMs);
			},
		},
		response: {decode: async payload => decode(payload, version), parse: async data => data},
	};
};

function decode(payload: Buffer, version: number): RawElectLeaders {
	const decoder = new Decoder(payload);
	const throttleTime = decoder.readInt32();
	const errorCode = version >= 1 ? decoder.readInt16() : 0;
	const results = decoder.readArray(topicDecoder => ({
		topic: topicDecoder.readString() ?? '',
		partitions: topicDecoder.readArray((partitionDecoder: KafkajsDecoder) => ({
			partition: partitionDecoder.readInt32(),
			errorCode: partitionDecoder.readInt16(),
			errorMessage: partitionDecoder.readString(),
		})),
	}));
	return {throttleTime, errorCode, results};
}

const versions: Record<string, ReturnType<typeof request>> = {0: request(0), 1: request(1)};

export const electLeadersRequest: RequestDefinition = {
	versions: Object.keys(versions),
	protocol: ({version}) => versions[version],
};
