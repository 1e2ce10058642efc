import type {NewTopic} from '../../cluster/write-types.js';
import {plural} from '../phrases.js';
import type {ClusterSnapshot} from '../types.js';
import {type ActionEnv, type Checked, guardPlan, refuse, targetOf, valueOf} from './action-env.js';
import {parseConfigPairs} from './config-pairs.js';
import {type ReferenceConfigs, unknownConfigErrors} from './config-reference.js';
import {dryRun} from './dry-run.js';
import {liveBrokers, liveBrokersText} from './live-brokers.js';
import {guardApply} from './outcome-lines.js';
import {table} from './preview-table.js';
import {collidingTopics, collisionCharsWarning, hasCollisionChars, topicNameErrors} from './topic-name-rules.js';
import type {ActionSpec} from './types.js';
import {parseWholeNumber} from './whole-number.js';

/** Everything Kafka would refuse, checked before sending; `reference` (the broker's config list) when it could be read. */
export function checkNewTopic(values: Readonly<Record<string, string>>, snapshot: ClusterSnapshot, reference: ReferenceConfigs | undefined): Checked<NewTopic> {
	const errors: string[] = [];
	const warnings: string[] = [];
	const name = valueOf(values, 'name');
	errors.push(...topicNameErrors(name));
	const existing = snapshot.topics.find(topic => topic.name === name);
	if (existing?.pendingDeletion) errors.push(`name: ${name} is still being deleted; wait until it is gone, or pick another name`);
	else if (existing) errors.push(`name: a topic named ${name} already exists`);
	const colliding = collidingTopics(name, snapshot.topics.map(topic => topic.name));
	if (colliding.length > 0) errors.push(`name: ${name} collides with ${colliding.join(', ')} ('.' and '_' are the same in metric names); Kafka refuses it`);
	else if (hasCollisionChars(name) && errors.length === 0) warnings.push(collisionCharsWarning);

	const partitions = parseWholeNumber(valueOf(values, 'partitions'), 'partitions', 1);
	if (typeof partitions !== 'number') errors.push(partitions.error);
	// The protocol carries the replication factor as an int16.
	const replicationFactor = parseWholeNumber(valueOf(values, 'replicationFactor'), 'replication factor', 1, 32_767);
	if (typeof replicationFactor !== 'number') errors.push(replicationFactor.error);
	else if (replicationFactor > liveBrokers(snapshot).alive.length) {
		errors.push(`replication factor: ${replicationFactor} needs ${replicationFactor} live brokers; ${liveBrokersText(snapshot)}`);
	}

	const configs = parseConfigPairs(valueOf(values, 'configs'), 'configs');
	if ('errors' in configs) errors.push(...configs.errors);
	else if (reference) {
		errors.push(...unknownConfigErrors(configs.map(pair => pair.name), reference.known, 'configs'));
		for (const pair of configs) if (reference.readOnly.has(pair.name)) errors.push(`configs: ${pair.name} is read-only; Kafka does not let a topic set it`);
	}

	if (errors.length > 0 || typeof partitions !== 'number' || typeof replicationFactor !== 'number' || 'errors' in configs) return {ok: false, errors};
	return {ok: true, value: {name, partitions, replicationFactor, configs: Object.fromEntries(configs.map(pair => [pair.name, pair.value]))}, warnings};
}

export function newTopicLines(topic: NewTopic): string[] {
	const configs = Object.entries(topic.configs);
	return table([
		['name', topic.name],
		['partitions', String(topic.partitions)],
		['replication factor', String(topic.replicationFactor)],
		...(configs.length === 0 ? [['configs', "the cluster's defaults"]] : configs.map(([name, value]) => [name, value])),
	]);
}

export function createTopicAction(env: ActionEnv): ActionSpec {
	const alive = liveBrokers(env.snapshot()).alive.length;
	return {
		id: 'createTopic',
		title: 'Create topic',
		fields: [
			{id: 'name', label: 'Name', initial: '', hint: "letters, digits, '.', '_', '-'"},
			{id: 'partitions', label: 'Partitions', initial: '3', hint: 'at least 1'},
			{id: 'replicationFactor', label: 'Replication factor', initial: String(Math.max(1, Math.min(3, alive))), hint: `at most ${alive} (brokers alive)`},
			{id: 'configs', label: 'Configs', initial: '', hint: 'k=v,k2=v2 (blank: the defaults)'},
		],
		async info() {
			return {lines: [liveBrokersText(env.snapshot())]};
		},
		plan: guardPlan(async values => {
			const checked = checkNewTopic(values, env.snapshot(), await env.configs.read());
			if (!checked.ok) return refuse(...checked.errors);
			const topic = checked.value;
			const dry = await dryRun(async () => env.writer.createTopic(topic, {validateOnly: true}));
			if (dry.errors.length > 0) return refuse(...dry.errors);
			return {ok: true, preview: {
				title: `Create topic ${topic.name}`,
				subject: `topic ${topic.name}`,
				target: targetOf(env),
				lines: newTopicLines(topic),
				warnings: [...checked.warnings, ...dry.warnings],
				typed: undefined,
				apply: async () => guardApply(async () => {
					await env.writer.createTopic(topic, {validateOnly: false});
					return {status: 'applied', lines: [`created topic ${topic.name}: ${plural(topic.partitions, 'partition')}, replication factor ${topic.replicationFactor}`]};
				}),
			}};
		}),
	};
}
