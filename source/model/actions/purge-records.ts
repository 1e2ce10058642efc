import {plural} from '../phrases.js';
import type {ClusterSnapshot} from '../types.js';
import {type ActionEnv, findTopic, guardPlan, isParseError, isUnavailable, refuse, targetOf, type Unavailable, valueOf} from './action-env.js';
import {freshWatermarks} from './fresh-watermarks.js';
import {failureText, guardApply, statusOf} from './outcome-lines.js';
import {choosePartitions, parsePartitionList} from './partition-list.js';
import {table} from './preview-table.js';
import {parsePurgeBefore, planPurge, type PurgeRow, purgeRowCells} from './purge-plan.js';
import type {ActionSpec, Outcome} from './types.js';

/** Groups whose committed offset falls below a partition's new start: their consumers jump forward. */
export function purgeWarnings(snapshot: ClusterSnapshot, topic: string, rows: readonly PurgeRow[]): string[] {
	const total = rows.reduce((sum, row) => sum + row.deleted, 0);
	const warnings = [`${plural(total, 'record')} deleted for good`];
	for (const group of snapshot.groups) {
		const behind = group.partitions.filter(p => p.topic === topic && p.committed !== undefined
			&& rows.some(row => row.partition === p.partition && row.deleted > 0 && p.committed! < row.newLow));
		if (behind.length > 0) {
			warnings.push(`group ${group.groupId} has not read ${behind.map(p => `${topic}-${p.partition}`).join(', ')} up to the new start: it loses those records and resumes by its auto.offset.reset`);
		}
	}

	return warnings;
}

export function purgeOutcome(topic: string, rows: readonly PurgeRow[], results: Awaited<ReturnType<ActionEnv['writer']['deleteRecords']>>): Outcome {
	const lines: string[] = [];
	let applied = 0;
	let failed = 0;
	for (const row of rows) {
		const result = results.find(candidate => candidate.partition === row.partition);
		if (result?.outcome.ok) {
			applied++;
			lines.push(`${topic}-${row.partition}: log start ${row.low} → ${result.lowWatermark ?? row.newLow}, ${plural(row.deleted, 'record')} deleted`);
		} else {
			failed++;
			lines.push(`${topic}-${row.partition}: not purged: ${result && !result.outcome.ok ? failureText(result.outcome.failure) : 'no answer for this partition'}`);
		}
	}

	return {status: statusOf(applied, failed), lines};
}

export function purgeAction(env: ActionEnv, name: string | undefined, partition: number | undefined): ActionSpec | Unavailable {
	const found = findTopic(env.snapshot(), name);
	if (isUnavailable(found)) return found;
	if (found.pendingDeletion) return {unavailable: `${found.name} is being deleted`};
	// Kafka refuses DeleteRecords on a topic without the delete policy (a compacted topic keeps each key's latest value).
	if (found.cleanupPolicy !== undefined && !found.cleanupPolicy.includes('delete')) {
		return {unavailable: `${found.name} is compacted (cleanup.policy=${found.cleanupPolicy}): Kafka does not delete records from it by offset`};
	}

	const topicName = found.name;
	return {
		id: 'purge',
		title: `Purge records of ${topicName}`,
		fields: [
			{id: 'partitions', label: 'Partitions', initial: partition === undefined ? 'all' : String(partition), hint: 'all, or 0,2,5-7'},
			{id: 'before', label: 'Before offset', initial: 'end', hint: 'end: everything; or an offset'},
		],
		plan: guardPlan(async values => {
			const topic = findTopic(env.snapshot(), topicName);
			if (isUnavailable(topic)) return refuse(topic.unavailable);
			const selection = parsePartitionList(valueOf(values, 'partitions'));
			const before = parsePurgeBefore(valueOf(values, 'before'));
			if (isParseError(selection) || isParseError(before)) return refuse(...[selection, before].filter(isParseError).map(parsed => parsed.error));
			const partitions = choosePartitions(selection, topicName, topic.partitions.map(p => p.partition));
			if (isParseError(partitions)) return refuse(`partitions: ${partitions.error}`);
			const watermarks = await freshWatermarks(env.writer, topicName, partitions);
			if (isParseError(watermarks)) return refuse(watermarks.error);
			const rows = planPurge(watermarks, before);
			const sent = rows.filter(row => row.deleted > 0);
			if (sent.length === 0) return refuse(`nothing to delete: the chosen partitions already start at ${before === 'end' ? 'their end' : 'or after that offset'}`);
			const total = rows.reduce((sum, row) => sum + row.deleted, 0);
			return {ok: true, preview: {
				title: `Purge records of ${topicName}`,
				subject: `topic ${topicName}`,
				target: targetOf(env),
				lines: [
					...table([['partition', 'low', 'high', 'new low', 'deleted', ''], ...rows.map(row => purgeRowCells(topicName, row))], ['left', 'right', 'right', 'right', 'right']),
					`total: ${plural(total, 'record')} deleted from ${plural(sent.length, 'partition')}`,
				],
				warnings: purgeWarnings(env.snapshot(), topicName, rows),
				typed: topicName,
				apply: async () => guardApply(async () => purgeOutcome(topicName, sent,
					await env.writer.deleteRecords(topicName, sent.map(row => ({partition: row.partition, beforeOffset: row.newLow}))))),
			}};
		}),
	};
}
