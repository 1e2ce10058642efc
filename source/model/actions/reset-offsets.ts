import type {ClusterWriter} from '../../cluster/write-types.js';
import {plural} from '../phrases.js';
import type {ClusterSnapshot} from '../types.js';
import {type ActionEnv, findGroup, guardPlan, isParseError, isUnavailable, refuse, similarHint, targetOf, type Unavailable, valueOf} from './action-env.js';
import {parseNameList} from './config-pairs.js';
import {freshWatermarks} from './fresh-watermarks.js';
import {activeGroupRefusal, committedTopics, groupStateLines} from './group-state.js';
import {type OffsetResetRow, planOffsetReset, type ResetInput, resetHeader, resetRowCells} from './offset-reset-plan.js';
import {describeTarget, parseResetTarget, type ResetTarget, resetTargets, resetValueHint} from './offset-target.js';
import {errorText, failureText, guardApply, statusOf} from './outcome-lines.js';
import {choosePartitions, parsePartitionList, type PartitionSelection} from './partition-list.js';
import {table} from './preview-table.js';
import type {ActionSpec, Outcome, PlanResult} from './types.js';

const activeWhy = 'Kafka only accepts offset resets for an empty group';
const key = (topic: string, partition: number) => `${topic}\u0000${partition}`;

/** Reads what the plan needs per topic: watermarks, and for a time the first offset at or after it. */
async function resetInputs(writer: ClusterWriter, target: ResetTarget, chosen: Map<string, number[]>, committed: Map<string, number>): Promise<ResetInput[] | {error: string}> {
	const inputs: ResetInput[] = [];
	for (const [topic, partitions] of chosen) {
		const watermarks = await freshWatermarks(writer, topic, partitions);
		if (isParseError(watermarks)) return watermarks;
		const atTime = target.kind === 'timestamp' ? await writer.listOffsets(topic, partitions, {timestamp: target.at}) : undefined;
		for (const {partition, low, high} of watermarks) {
			inputs.push({topic, partition, low, high, current: committed.get(key(topic, partition)), atTimestamp: atTime?.get(partition)});
		}
	}

	return inputs;
}

/** Commits exactly the plan's offsets, then reads them back: a partition counts as reset only when it reads back as planned. */
export async function resetOutcome(writer: ClusterWriter, group: string, rows: readonly OffsetResetRow[]): Promise<Outcome> {
	const results = await writer.commitGroupOffsets(group, rows.map(row => ({topic: row.topic, partition: row.partition, offset: row.next})));
	const outcomes = new Map(results.map(result => [key(result.topic, result.partition), result.outcome]));
	let readBack: Map<string, number> | undefined;
	let readError: string | undefined;
	try {
		readBack = new Map((await writer.groupOffsets(group)).offsets.map(o => [key(o.topic, o.partition), o.offset]));
	} catch (error) {
		readError = errorText(error);
	}

	const lines: string[] = [];
	let applied = 0;
	let failed = 0;
	for (const row of rows) {
		const name = `${row.topic}-${row.partition}`;
		const outcome = outcomes.get(key(row.topic, row.partition));
		const now = readBack?.get(key(row.topic, row.partition));
		if (!outcome?.ok) {
			failed++;
			lines.push(`${name}: not reset: ${outcome ? failureText(outcome.failure) : 'no answer for this partition'}`);
		} else if (readBack && now !== row.next) {
			failed++;
			lines.push(`${name}: committed ${row.next}, but it reads back as ${now ?? 'none'}: a consumer may have joined and committed`);
		} else {
			applied++;
			lines.push(`${name}: ${row.current ?? 'none'} → ${row.next}`);
		}
	}

	if (readError) lines.push(`could not read the offsets back to check them: ${readError}`);
	return {status: statusOf(applied, failed), lines};
}

/**
The partitions to reset per topic: "all" is every topic the group has offsets on (a deleted one
is left alone, with a warning); named topics must exist, and may be new to the group.
*/
export function chooseResetPartitions(snapshot: ClusterSnapshot, group: string, committed: ReadonlyMap<string, number>, topicsText: string, selection: PartitionSelection): {chosen: Map<string, number[]>; warnings: string[]} | {errors: string[]} {
	const all = topicsText.toLowerCase() === 'all';
	const named = all ? [...committed.keys()] : parseNameList(topicsText);
	if (named.length === 0) return {errors: [all ? `group ${group} has no committed offsets; name the topics to reset` : 'topics: required ("all", or t1,t2)']};
	const errors: string[] = [];
	const warnings: string[] = [];
	const chosen = new Map<string, number[]>();
	for (const name of named) {
		const topic = snapshot.topics.find(candidate => candidate.name === name);
		if (!topic && all) warnings.push(`offsets on ${name} are left as they are: the topic no longer exists`);
		else if (!topic) errors.push(`topics: ${name} does not exist${similarHint(name, snapshot.topics.map(t => t.name))}`);
		else if (topic.pendingDeletion) errors.push(`topics: ${name} is being deleted`);
		else {
			const partitions = choosePartitions(selection, name, topic.partitions.map(p => p.partition));
			if (isParseError(partitions)) errors.push(`partitions: ${partitions.error}`);
			else chosen.set(name, partitions);
			if (!committed.has(name)) warnings.push(`${group} has no committed offsets on ${name} yet: this starts them`);
		}
	}

	if (errors.length > 0) return {errors};
	if (chosen.size === 0) return {errors: [`nothing to reset: ${warnings.join('; ')}`]};
	return {chosen, warnings};
}

export function resetOffsetsAction(env: ActionEnv, groupId: string | undefined, subject: {topic?: string; partition?: number}): ActionSpec | Unavailable {
	const found = findGroup(env.snapshot(), groupId);
	if (isUnavailable(found)) return found;
	const group = found.groupId;
	const partitionsInitial = subject.topic !== undefined && subject.partition !== undefined ? String(subject.partition) : 'all';
	return {
		id: 'resetOffsets',
		title: `Reset offsets of ${group}`,
		fields: [
			{id: 'topics', label: 'Topics', initial: subject.topic ?? 'all', hint: "all: every topic it has offsets on; or t1,t2"},
			{id: 'partitions', label: 'Partitions', initial: partitionsInitial, hint: 'all, or 0,2,5-7'},
			{id: 'to', label: 'To', initial: 'earliest', choices: resetTargets},
			{id: 'value', label: 'Value', initial: '', hint: resetValueHint},
		],
		async info() {
			return {lines: groupStateLines(group, await env.writer.groupOffsets(group))};
		},
		plan: guardPlan(async (values): Promise<PlanResult> => {
			const target = parseResetTarget(valueOf(values, 'to'), valueOf(values, 'value'));
			const selection = parsePartitionList(valueOf(values, 'partitions'));
			if (isParseError(target) || isParseError(selection)) return refuse(...[target, selection].filter(isParseError).map(parsed => parsed.error));
			const fresh = await env.writer.groupOffsets(group);
			const active = activeGroupRefusal(group, fresh, activeWhy);
			if (active) return refuse(active);

			const choice = chooseResetPartitions(env.snapshot(), group, committedTopics(fresh), valueOf(values, 'topics'), selection);
			if ('errors' in choice) return refuse(...choice.errors);
			const {chosen, warnings} = choice;
			const inputs = await resetInputs(env.writer, target, chosen, new Map(fresh.offsets.map(o => [key(o.topic, o.partition), o.offset])));
			if (isParseError(inputs)) return refuse(inputs.error);
			const {rows, errors: planErrors} = planOffsetReset(target, inputs);
			if (planErrors.length > 0) return refuse(...planErrors);
			const sum = (lags: Array<number | undefined>) => lags.reduce<number>((total, lag) => total + (lag ?? 0), 0);
			return {ok: true, preview: {
				title: `Reset offsets of ${group} to ${describeTarget(target)}`,
				subject: `group ${group}`,
				target: targetOf(env),
				lines: [
					...table([resetHeader, ...rows.map(resetRowCells)], ['left', 'right', 'right', 'right', 'right']),
					`${plural(rows.length, 'partition')}; lag ${sum(rows.map(row => row.lagBefore))} → ${sum(rows.map(row => row.lagAfter))}`,
				],
				warnings: [...warnings, `a consumer that joins ${group} before you confirm makes Kafka refuse the reset`],
				typed: group,
				apply: async () => guardApply(async () => resetOutcome(env.writer, group, rows)),
			}};
		}),
	};
}
