import {mapLimit} from '../map-limit.js';
import type {MetadataTopic, SourceError} from '../types.js';
import type {Round} from './broker-connections.js';
import {chunk} from './chunk.js';
import {errorName} from './kafkajs-wire.js';
import {Tally} from './tally.js';
import {translateConfigs} from './translate-configs.js';
import type {RawDescribeConfigs} from './wire-types.js';

/**
Fills in each topic's configs, `batchSize` topics per DescribeConfigs. Any broker can describe
a topic's configs, so batches are spread over the brokers, and a batch whose broker fails moves
on to the next one: a hung broker costs configs nothing but one timeout.
*/
export async function readConfigs(round: Round, topics: MetadataTopic[], brokerIds: number[], options: {concurrency: number; batchSize: number}): Promise<SourceError[]> {
	const byName = new Map(topics.map(topic => [topic.name, topic]));
	const failures = new Tally();
	const batches = chunk(topics.map(topic => topic.name), options.batchSize);
	await mapLimit(batches, options.concurrency, async (names, index) => {
		let lastFailure = 'no broker to ask';
		for (let attempt = 0; attempt < brokerIds.length; attempt++) {
			const brokerId = brokerIds[(index + attempt) % brokerIds.length]!;
			let reply: RawDescribeConfigs;
			try {
				reply = await round.call(brokerId, async wire => wire.describeTopicConfigs(names));
			} catch (error) {
				lastFailure = (error as Error).message;
				continue;
			}

			applyDescribeConfigs(reply, byName, failures);
			return;
		}

		failures.add(lastFailure, names);
	});
	return failures.errors('kafka:configs', 'topic');
}

export function applyDescribeConfigs(reply: RawDescribeConfigs, byName: Map<string, MetadataTopic>, failures: Tally): void {
	for (const resource of reply.resources) {
		const topic = byName.get(resource.resourceName);
		if (!topic) continue;
		if (resource.errorCode === 0) topic.configs = translateConfigs(resource.configEntries);
		else failures.add(errorName(resource.errorCode), resource.resourceName);
	}
}
