import type {ProduceInput} from '../../cluster/write-types.js';
import type {TopicSummary} from '../types.js';
import {type ActionEnv, type Checked, findTopic, guardPlan, isUnavailable, refuse, targetOf, type Unavailable, valueOf} from './action-env.js';
import {parseConfigPairs} from './config-pairs.js';
import {guardApply} from './outcome-lines.js';
import {rangeText} from './partition-list.js';
import {table} from './preview-table.js';
import type {ActionSpec} from './types.js';
import {parseWholeNumber} from './whole-number.js';

/** The record the form describes, checked against the topic: blank partition by key, blank key and value null. */
export function checkRecord(values: Readonly<Record<string, string>>, topic: TopicSummary): Checked<ProduceInput> {
	const errors: string[] = [];
	const warnings: string[] = [];
	const partitionText = valueOf(values, 'partition');
	let partition: number | undefined;
	if (partitionText !== '') {
		const parsed = parseWholeNumber(partitionText, 'partition', 0);
		if (typeof parsed !== 'number') errors.push(parsed.error);
		else if (!topic.partitions.some(p => p.partition === parsed)) errors.push(`partition: ${topic.name} has no partition ${parsed} (it has ${rangeText(topic.partitions.map(p => p.partition))})`);
		else partition = parsed;
	}

	// Keys and values are taken as typed, not trimmed: a space can matter to whoever reads the record.
	const keyText = values.key ?? '';
	const valueText = values.value ?? '';
	if (keyText === '' && topic.cleanupPolicy?.includes('compact')) {
		errors.push(`key: ${topic.name} is compacted (cleanup.policy=compact): Kafka refuses a record without a key`);
	}

	const headers = parseConfigPairs(valueOf(values, 'headers'), 'headers');
	if ('errors' in headers) errors.push(...headers.errors);
	const leaderless = topic.partitions.filter(p => p.leader < 0).map(p => p.partition);
	if (partition !== undefined && leaderless.includes(partition)) errors.push(`partition: ${topic.name}-${partition} has no leader now; writes to it fail until one is elected`);
	else if (partition === undefined && leaderless.length > 0) warnings.push(`${partitionsText(topic.name, leaderless)} no leader now: a record that maps there fails`);
	const short = topic.partitions.filter(p => p.leader >= 0 && topic.minInsyncReplicas !== undefined && p.isr.length < topic.minInsyncReplicas && (partition === undefined || p.partition === partition));
	if (short.length > 0) warnings.push(`${partitionsText(topic.name, short.map(p => p.partition))} fewer in-sync replicas than min.insync.replicas ${topic.minInsyncReplicas}: Kafka refuses acks=all writes there`);

	if (errors.length > 0 || 'errors' in headers) return {ok: false, errors};
	return {ok: true, warnings, value: {
		topic: topic.name,
		partition,
		key: keyText === '' ? null : Buffer.from(keyText, 'utf8'),
		value: valueText === '' ? null : Buffer.from(valueText, 'utf8'),
		headers: headers.map(header => ({key: header.name, value: Buffer.from(header.value, 'utf8')})),
	}};
}

export function recordLines(record: ProduceInput): string[] {
	return table([
		['topic', record.topic],
		['partition', record.partition === undefined ? (record.key ? "by key (the Java client's hash)" : 'any (no key)') : String(record.partition)],
		['key', record.key ? preview(record.key) : 'null'],
		['value', record.value ? preview(record.value) : 'null (a tombstone on a compacted topic)'],
		...record.headers.map(header => [`header ${header.key}`, preview(header.value)]),
	]);
}

/** "orders-2 has", "orders partitions 2, 4-5 have". */
function partitionsText(topic: string, partitions: number[]): string {
	return partitions.length === 1 ? `${topic}-${partitions[0]} has` : `${topic} partitions ${rangeText(partitions)} have`;
}

/** The text, cut at 200 characters with the full size, so one huge value cannot fill the preview. */
function preview(bytes: Buffer): string {
	const text = bytes.toString('utf8');
	return text.length <= 200 ? text : `${text.slice(0, 200)}… (${bytes.length} bytes)`;
}

export function produceAction(env: ActionEnv, name: string | undefined, partition: number | undefined): ActionSpec | Unavailable {
	const found = findTopic(env.snapshot(), name);
	if (isUnavailable(found)) return found;
	if (found.pendingDeletion) return {unavailable: `${found.name} is being deleted`};
	const topicName = found.name;
	return {
		id: 'produce',
		title: `Produce to ${topicName}`,
		fields: [
			{id: 'partition', label: 'Partition', initial: partition === undefined ? '' : String(partition), hint: 'blank: by key'},
			{id: 'key', label: 'Key', initial: '', hint: 'blank: null key'},
			{id: 'value', label: 'Value', initial: '', hint: 'blank: null'},
			{id: 'headers', label: 'Headers', initial: '', hint: 'k=v,k2=v2'},
		],
		plan: guardPlan(async values => {
			const topic = findTopic(env.snapshot(), topicName);
			if (isUnavailable(topic)) return refuse(topic.unavailable);
			const checked = checkRecord(values, topic);
			if (!checked.ok) return refuse(...checked.errors);
			const record = checked.value;
			return {ok: true, preview: {
				title: `Produce one record to ${topicName}`,
				subject: `topic ${topicName}`,
				target: targetOf(env),
				lines: recordLines(record),
				warnings: checked.warnings,
				typed: undefined,
				apply: async () => guardApply(async () => {
					const written = await env.writer.produce(record);
					return {status: 'applied', lines: [`written to partition ${written.partition} at offset ${written.offset}`]};
				}),
			}};
		}),
	};
}
