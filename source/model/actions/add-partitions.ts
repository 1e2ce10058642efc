import type {ClusterSnapshot, TopicSummary} from '../types.js';
import {type ActionEnv, type Checked, findTopic, guardPlan, isUnavailable, refuse, targetOf, type Unavailable, valueOf} from './action-env.js';
import {dryRun} from './dry-run.js';
import {liveBrokers, liveBrokersText} from './live-brokers.js';
import {guardApply} from './outcome-lines.js';
import {rangeText} from './partition-list.js';
import {table} from './preview-table.js';
import {topicInfoLines} from './topic-usage.js';
import type {ActionSpec} from './types.js';
import {parseWholeNumber} from './whole-number.js';

/** The new total, checked: Kafka only grows a topic, and each new partition needs its replicas on live brokers. */
export function checkPartitionTotal(text: string, topic: TopicSummary, snapshot: ClusterSnapshot): Checked<number> {
	const current = topic.partitions.length;
	const total = parseWholeNumber(text, 'partitions', 1);
	if (typeof total !== 'number') return {ok: false, errors: [total.error]};
	if (total <= current) return {ok: false, errors: [`partitions: Kafka can only add partitions; ${topic.name} has ${current}`]};
	const alive = liveBrokers(snapshot).alive.length;
	if (topic.replicationFactor > alive) {
		return {ok: false, errors: [`each new partition needs ${topic.replicationFactor} replicas on live brokers; ${liveBrokersText(snapshot)}`]};
	}

	return {ok: true, value: total, warnings: addPartitionsWarnings(topic, total)};
}

export function addPartitionsWarnings(topic: TopicSummary, total: number): string[] {
	const current = topic.partitions.length;
	const warnings = [
		`records with a key will map to other partitions (the key's hash mod ${total} instead of mod ${current}): a key's new records land apart from its old ones, so per-key order breaks across the change`,
		'groups with auto.offset.reset=latest may skip the first records written to the new partitions before their consumers notice them (up to metadata.max.age.ms, 5 minutes by default)',
	];
	if (topic.cleanupPolicy?.includes('compact')) warnings.push("compaction works within a partition: a key's old values stay in its old partition, never replaced by its new ones");
	return warnings;
}

export function addPartitionsAction(env: ActionEnv, name: string | undefined): ActionSpec | Unavailable {
	const found = findTopic(env.snapshot(), name);
	if (isUnavailable(found)) return found;
	if (found.pendingDeletion) return {unavailable: `${found.name} is being deleted`};
	const topicName = found.name;
	return {
		id: 'addPartitions',
		title: `Add partitions to ${topicName}`,
		fields: [{id: 'partitions', label: 'New total', initial: String(found.partitions.length), hint: `more than ${found.partitions.length} (the count now)`}],
		async info() {
			const topic = findTopic(env.snapshot(), topicName);
			return {lines: isUnavailable(topic) ? [topic.unavailable] : topicInfoLines(env.snapshot(), topic)};
		},
		plan: guardPlan(async values => {
			const snapshot = env.snapshot();
			const topic = findTopic(snapshot, topicName);
			if (isUnavailable(topic)) return refuse(topic.unavailable);
			const checked = checkPartitionTotal(valueOf(values, 'partitions'), topic, snapshot);
			if (!checked.ok) return refuse(...checked.errors);
			const total = checked.value;
			const current = topic.partitions.length;
			const dry = await dryRun(async () => env.writer.createPartitions(topicName, total, {validateOnly: true}));
			if (dry.errors.length > 0) return refuse(...dry.errors);
			return {ok: true, preview: {
				title: `Add partitions to ${topicName}`,
				subject: `topic ${topicName}`,
				target: targetOf(env),
				lines: table([
					['topic', topicName],
					['partitions', `${current} → ${total}`],
					['new partitions', rangeText(Array.from({length: total - current}, (_, index) => current + index))],
					['replication factor', String(topic.replicationFactor)],
				]),
				warnings: [...checked.warnings, ...dry.warnings, 'partitions cannot be removed again'],
				typed: topicName,
				apply: async () => guardApply(async () => {
					await env.writer.createPartitions(topicName, total, {validateOnly: false});
					return {status: 'applied', lines: [`${topicName} now has ${total} partitions (was ${current})`]};
				}),
			}};
		}),
	};
}
