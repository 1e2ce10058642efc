import type {ConfigChange, TopicConfigEntry, TopicConfigSource} from '../../cluster/write-types.js';
import type {Checked} from './action-env.js';
import type {ConfigPair} from './config-pairs.js';
import {type ReferenceConfigs, unknownConfigErrors} from './config-reference.js';

export type ConfigValue = {value: string | undefined; source: TopicConfigSource};

export type ConfigChangeRow = {
	name: string;
	before: ConfigValue | undefined;
	/** After a removal: the cluster's default where the reference topic shows it, else value undefined. */
	after: ConfigValue;
	change: ConfigChange;
};

const sourceNames: Record<TopicConfigSource, string> = {topic: 'topic override', broker: 'broker', default: 'default', other: 'other'};

export function sourceText(source: TopicConfigSource): string {
	return sourceNames[source];
}

/** "604800000 (default)"; a removal whose default ktop cannot see reads "the default (default)" → "the default". */
export function configValueText(config: ConfigValue | undefined): string {
	if (!config) return 'not set';
	if (config.value === undefined) return config.source === 'topic' ? '(hidden) (topic override)' : 'the default';
	return `${config.value} (${sourceNames[config.source]})`;
}

/** The rows `set` and `remove` make from the topic's current configs; every mistake at once. */
export function planConfigChanges(current: readonly TopicConfigEntry[], set: readonly ConfigPair[], remove: readonly string[], reference: ReferenceConfigs | undefined): Checked<ConfigChangeRow[]> {
	const byName = new Map(current.map(entry => [entry.name, entry]));
	const known = new Set([...byName.keys(), ...(reference?.known ?? [])]);
	const errors = unknownConfigErrors([...set.map(pair => pair.name), ...remove], known, 'configs');
	for (const name of [...set.map(pair => pair.name), ...remove]) {
		if (byName.get(name)?.readOnly || reference?.readOnly.has(name)) errors.push(`configs: ${name} is read-only; Kafka does not let a topic change it`);
	}

	for (const name of remove) {
		if (set.some(pair => pair.name === name)) errors.push(`configs: ${name} is both set and removed; choose one`);
		const entry = byName.get(name);
		if (entry && entry.source !== 'topic') errors.push(`remove: ${name} has no override on this topic to remove (its value ${entry.value ?? ''} comes from the ${sourceNames[entry.source]})`);
	}

	if (set.length === 0 && remove.length === 0) errors.push('nothing to change: give configs to set (k=v) or to remove (k)');
	if (errors.length > 0) return {ok: false, errors: [...new Set(errors)]};

	const before = (name: string): ConfigValue | undefined => {
		const entry = byName.get(name);
		return entry ? {value: entry.value, source: entry.source} : undefined;
	};

	const rows: ConfigChangeRow[] = [
		...set.map(pair => ({name: pair.name, before: before(pair.name), after: {value: pair.value, source: 'topic' as const}, change: pair})),
		...remove.map(name => {
			const fallback = reference?.defaults.get(name);
			return {
				name, before: before(name),
				after: fallback ? {value: fallback.value, source: fallback.source} : {value: undefined, source: 'default' as const},
				change: {name, value: undefined},
			};
		}),
	];
	const unchanged = rows.filter(row => row.before?.source === 'topic' && row.change.value !== undefined && row.before.value === row.change.value);
	if (unchanged.length === rows.length) return {ok: false, errors: [`nothing would change: ${rows.map(row => row.name).join(', ')} already ${rows.length === 1 ? 'has' : 'have'} that value`]};
	return {ok: true, value: rows, warnings: unchanged.map(row => `${row.name} already has the value ${row.change.value ?? ''}`)};
}

/** Configs where a lower value lets Kafka delete records (or tombstones) sooner; -1 means no limit. */
const lowerDeletes: Record<string, string> = {
	'retention.ms': 'records older than the new retention are deleted at the next retention check (every 5 minutes by default)',
	'retention.bytes': 'each partition larger than the new limit loses its oldest segments at the next retention check',
	'local.retention.ms': "with tiered storage, local segments older than the new limit are deleted from the brokers' disks",
	'local.retention.bytes': "with tiered storage, local segments over the new limit are deleted from the brokers' disks",
	'delete.retention.ms': 'tombstones are removed sooner: a consumer further behind than the new value can miss a delete',
	'min.compaction.lag.ms': 'compaction may remove older values of a key sooner',
};

/** Why this change can delete data (each reason makes the operator type the topic name), or none. */
export function dataLossReasons(rows: readonly ConfigChangeRow[]): string[] {
	const reasons: string[] = [];
	for (const row of rows) {
		if (row.name === 'cleanup.policy') {
			const before = policySet(row.before?.value);
			const after = policySet(row.after.value);
			if (before === undefined || after === undefined) reasons.push(`cleanup.policy ${row.before?.value ?? 'unknown'} → ${row.after.value ?? 'the default'}: records may be deleted by retention or compaction`);
			else if (before !== after) reasons.push(`cleanup.policy ${row.before?.value} → ${row.after.value}: ${policyEffect(before, after)}`);
			continue;
		}

		const consequence = lowerDeletes[row.name];
		if (!consequence) continue;
		const before = limit(row.before?.value);
		const after = limit(row.after.value);
		if (after === undefined) reasons.push(`${row.name} goes back to a default ktop cannot see, which may be lower: ${consequence}`);
		else if (before === undefined || after < before) reasons.push(`${row.name} lowered (${row.before?.value ?? 'unknown'} → ${row.after.value}): ${consequence}`);
	}

	return reasons;
}

/** -1 is "no limit"; other negatives (-2: "as retention.ms") and non-numbers are unknown. */
function limit(value: string | undefined): number | undefined {
	if (value === undefined || !/^-?\d+$/.test(value.trim())) return undefined;
	const number = Number(value);
	if (number === -1) return Number.POSITIVE_INFINITY;
	return number < 0 ? undefined : number;
}

function policySet(value: string | undefined): string | undefined {
	return value === undefined ? undefined : value.split(',').map(part => part.trim().toLowerCase()).filter(Boolean).sort().join(',');
}

function policyEffect(before: string, after: string): string {
	const effects: string[] = [];
	if (after.includes('delete') && !before.includes('delete')) effects.push('records older than retention.ms are deleted');
	if (after.includes('compact') && !before.includes('compact')) effects.push('older values of each key are compacted away');
	if (effects.length === 0) effects.push('records are kept differently from now on');
	return effects.join(', and ');
}
