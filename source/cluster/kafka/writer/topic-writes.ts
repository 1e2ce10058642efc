import {WriteError, type ConfigChange, type NewTopic, type ValidateOption} from '../../write-types.js';
import type {RawTopicErrors} from '../wire-types.js';
import {callController} from './controller-call.js';
import {configOperation, incrementalAlterConfigsApiKey, incrementalAlterConfigsRequest, type RawIncrementalAlterConfigs} from './incremental-alter-configs-request.js';
import {kafkaFailure, notController, type FailureContext} from './write-failure.js';
import type {WriteSession} from './write-session.js';

const topicResourceType = 2;

const movedController = (reply: RawTopicErrors) => reply.topicErrors.some(error => error.errorCode === notController);

/** The topic's entry in a per-topic reply; a reply without it is a failure of its own. */
function throwIfFailed(reply: RawTopicErrors, topic: string, context: FailureContext): void {
	const entry = reply.topicErrors.find(error => error.topic === topic);
	if (!entry) throw new WriteError({code: 'NO_REPLY', message: `the controller's reply did not mention ${topic}`, next: 'refresh and check the topic before trying again', detail: undefined});
	if (entry.errorCode !== 0) throw new WriteError(kafkaFailure(entry.errorCode, context, entry.errorMessage));
}

/**
CreateTopics to the controller. With a timeout the controller answers once every partition has a
leader (or REQUEST_TIMED_OUT when that takes longer: the topic is then still being created).
*/
export async function createTopic(session: WriteSession, topic: NewTopic, {validateOnly}: ValidateOption): Promise<void> {
	const configEntries = Object.entries(topic.configs).map(([name, value]) => ({name, value}));
	const reply = await callController(session, async wire => wire.createTopics([{
		topic: topic.name, numPartitions: topic.partitions, replicationFactor: topic.replicationFactor, configEntries,
	}], validateOnly, session.serverTimeoutMs), movedController);
	const metadata = await session.metadata();
	throwIfFailed(reply, topic.name, {
		topic: topic.name, partitions: topic.partitions, replicationFactor: topic.replicationFactor,
		brokers: metadata.brokers.length, timeoutMs: session.serverTimeoutMs,
	});
}

/** DeleteTopics to the controller, which answers once the brokers have dropped the topic (or REQUEST_TIMED_OUT). */
export async function deleteTopic(session: WriteSession, name: string): Promise<void> {
	const reply = await callController(session, async wire => wire.deleteTopics([name], session.serverTimeoutMs), movedController);
	throwIfFailed(reply, name, {topic: name, timeoutMs: session.serverTimeoutMs});
}

/** CreatePartitions to the controller; Kafka places the new partitions' replicas itself. */
export async function createPartitions(session: WriteSession, topic: string, totalCount: number, {validateOnly}: ValidateOption): Promise<void> {
	const reply = await callController(session, async wire => wire.createPartitions([{topic, count: totalCount}], validateOnly, session.serverTimeoutMs), movedController);
	const metadata = await session.metadata();
	const current = metadata.topicMetadata.find(candidate => candidate.topic === topic)?.partitionMetadata.length;
	throwIfFailed(reply, topic, {topic, growTo: totalCount, currentPartitions: current, timeoutMs: session.serverTimeoutMs});
}

/**
IncrementalAlterConfigs: each change SETs a value or DELETEs the topic's override; overrides not
named stay as they are (AlterConfigs would replace them all). Any broker takes it in ZooKeeper
mode; it goes to the controller like the other topic writes.
*/
export async function alterTopicConfigs(session: WriteSession, topic: string, changes: ConfigChange[], {validateOnly}: ValidateOption): Promise<void> {
	if (changes.length === 0) return;
	const configs = changes.map(change => (change.value === undefined
		? {name: change.name, operation: configOperation.delete, value: null}
		: {name: change.name, operation: configOperation.set, value: change.value}));
	const reply = await callController(
		session,
		async wire => wire.request<RawIncrementalAlterConfigs>(incrementalAlterConfigsApiKey, incrementalAlterConfigsRequest, {
			resources: [{resourceType: topicResourceType, resourceName: topic, configs}],
			validateOnly,
		}),
		reply => reply.responses.some(response => response.errorCode === notController),
	);
	const entry = reply.responses.find(response => response.resourceName === topic);
	if (!entry) throw new WriteError({code: 'NO_REPLY', message: `the broker's reply did not mention ${topic}`, next: 'refresh and check the topic\'s configs before trying again', detail: undefined});
	if (entry.errorCode !== 0) throw new WriteError(kafkaFailure(entry.errorCode, {topic}, entry.errorMessage));
}

/**
AlterConfigs, for brokers without IncrementalAlterConfigs (before Kafka 2.3): the topic's overrides
become exactly `overrides`, so the caller sends every override the topic keeps along with the change.
*/
export async function replaceTopicConfigs(session: WriteSession, topic: string, overrides: Record<string, string>, {validateOnly}: ValidateOption): Promise<void> {
	const configEntries = Object.entries(overrides).map(([name, value]) => ({name, value}));
	const reply = await callController(
		session,
		async wire => wire.alterTopicConfigs(topic, configEntries, validateOnly),
		reply => reply.resources.some(resource => resource.errorCode === notController),
	);
	const entry = reply.resources.find(resource => resource.resourceName === topic);
	if (!entry) throw new WriteError({code: 'NO_REPLY', message: `the broker's reply did not mention ${topic}`, next: 'refresh and check the topic\'s configs before trying again', detail: undefined});
	if (entry.errorCode !== 0) throw new WriteError(kafkaFailure(entry.errorCode, {topic}, entry.errorMessage));
}
