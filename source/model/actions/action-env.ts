import type {ClusterWriter} from '../../cluster/write-types.js';
import {similarNames} from '../similar-names.js';
import type {ClusterSnapshot, GroupSummary, TopicSummary} from '../types.js';
import type {ConfigReference} from './config-reference.js';
import {errorText} from './outcome-lines.js';
import type {ActionSpec, ActionTarget, PlanResult} from './types.js';

/** What every action is built from: the latest snapshot (there is one once an action opens), the writer, shared caches. */
export type ActionEnv = {
	snapshot(): ClusterSnapshot;
	writer: ClusterWriter;
	configs: ConfigReference;
};

export type Unavailable = {unavailable: string};

/** A local check's result: the value with warnings, or every error at once (so the form shows them together). */
export type Checked<T> = {ok: true; value: T; warnings: string[]} | {ok: false; errors: string[]};

/** What a parser returns instead of a value: why, in the field's words. */
export type ParseError = {error: string};

export function isParseError(value: unknown): value is ParseError {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && 'error' in value;
}

export function isUnavailable(value: object): value is Unavailable {
	return 'unavailable' in value;
}

/** Who the write goes to, read when the preview is built, so a reconnect in between shows. */
export function targetOf(env: ActionEnv): ActionTarget {
	return {clusterId: env.snapshot().clusterId, connection: env.writer.connection};
}

export function findTopic(snapshot: ClusterSnapshot, name: string | undefined): TopicSummary | Unavailable {
	if (name === undefined) return {unavailable: 'open this on a topic'};
	const topic = snapshot.topics.find(candidate => candidate.name === name);
	if (topic) return topic;
	return {unavailable: `topic ${name} is not in the latest refresh${similarHint(name, snapshot.topics.map(t => t.name))}`};
}

export function findGroup(snapshot: ClusterSnapshot, id: string | undefined): GroupSummary | Unavailable {
	if (id === undefined) return {unavailable: 'open this on a consumer group'};
	const group = snapshot.groups.find(candidate => candidate.groupId === id);
	if (group) return group;
	return {unavailable: `group ${id} is not in the latest refresh${similarHint(id, snapshot.groups.map(g => g.groupId))}`};
}

export function similarHint(name: string, candidates: readonly string[]): string {
	const similar = similarNames(name, candidates, 3);
	return similar.length > 0 ? `; similar: ${similar.join(', ')}` : '';
}

/** plan() must never throw (the contract): anything unexpected becomes an error line for the form. */
export function guardPlan(plan: ActionSpec['plan']): ActionSpec['plan'] {
	return async values => {
		try {
			return await plan(values);
		} catch (error) {
			return {ok: false, errors: [errorText(error)]};
		}
	};
}

export function refuse(...errors: string[]): PlanResult {
	return {ok: false, errors};
}

/** A form value, trimmed; a field the UI did not send reads as its empty text. */
export function valueOf(values: Readonly<Record<string, string>>, id: string): string {
	return (values[id] ?? '').trim();
}
