import {plural} from '../phrases.js';
import type {ClusterSnapshot, TopicSummary} from '../types.js';
import {type ActionEnv, findTopic, guardPlan, isUnavailable, refuse, targetOf, type Unavailable} from './action-env.js';
import {guardApply} from './outcome-lines.js';
import {table} from './preview-table.js';
import {groupsOn, groupText, recordCount, topicInfoLines} from './topic-usage.js';
import type {ActionSpec} from './types.js';

const kafkaInternal = new Set(['__consumer_offsets', '__transaction_state']);

/** Why a topic cannot be deleted from ktop at all, or undefined. */
export function deleteTopicRefusal(topic: TopicSummary): string | undefined {
	// Deleting __consumer_offsets loses every group's position; __transaction_state, every open transaction.
	if (topic.internal || kafkaInternal.has(topic.name)) return `${topic.name} is internal to Kafka; ktop does not delete it`;
	if (topic.pendingDeletion) return `${topic.name} is already marked for deletion (DELETING); the brokers finish it`;
	return undefined;
}

/** What deleting the topic takes with it, as warnings to read before typing its name. */
export function deleteTopicWarnings(snapshot: ClusterSnapshot, topic: TopicSummary): string[] {
	const warnings: string[] = [];
	if (topic.name.startsWith('__')) warnings.push(`a name starting with __ is usually a tool's own topic (a monitoring agent, a connector's state): make sure nothing relies on ${topic.name}`);
	const records = recordCount(topic);
	warnings.push(`${records === undefined ? 'every record' : plural(records, 'record')} in ${plural(topic.partitions.length, 'partition')} will be gone for good`);
	const {committed, consuming} = groupsOn(snapshot, topic.name);
	for (const group of consuming) {
		warnings.push(`group ${groupText(group)} is consuming it: its consumers will fail, and recreate the topic if the brokers have auto.create.topics.enable=true`);
	}

	if (committed.length > 0) warnings.push(`committed offsets on it are removed with it: ${committed.map(group => group.groupId).join(', ')}`);
	return warnings;
}

export function deleteTopicAction(env: ActionEnv, name: string | undefined): ActionSpec | Unavailable {
	const found = findTopic(env.snapshot(), name);
	if (isUnavailable(found)) return found;
	const refusal = deleteTopicRefusal(found);
	if (refusal) return {unavailable: refusal};
	const topicName = found.name;
	return {
		id: 'deleteTopic',
		title: `Delete topic ${topicName}`,
		fields: [],
		async info() {
			const topic = findTopic(env.snapshot(), topicName);
			return {lines: isUnavailable(topic) ? [topic.unavailable] : topicInfoLines(env.snapshot(), topic)};
		},
		plan: guardPlan(async () => {
			const snapshot = env.snapshot();
			const topic = findTopic(snapshot, topicName);
			if (isUnavailable(topic)) return refuse(topic.unavailable);
			const refused = deleteTopicRefusal(topic);
			if (refused) return refuse(refused);
			return {ok: true, preview: {
				title: `Delete topic ${topicName}`,
				subject: `topic ${topicName}`,
				target: targetOf(env),
				lines: table([['delete topic', topicName], ['partitions', String(topic.partitions.length)], ['replication factor', String(topic.replicationFactor)]]),
				warnings: deleteTopicWarnings(snapshot, topic),
				typed: topicName,
				apply: async () => guardApply(async () => {
					await env.writer.deleteTopic(topicName);
					return {status: 'applied', lines: [
						`${topicName} is marked for deletion`,
						'it shows as DELETING until every broker holding a replica has removed it; a broker that is down holds the deletion until it returns',
					]};
				}),
			}};
		}),
	};
}
