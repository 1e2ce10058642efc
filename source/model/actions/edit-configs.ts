import type {ConfigChange, TopicConfigEntry} from '../../cluster/write-types.js';
import {type ActionEnv, findTopic, guardPlan, isUnavailable, refuse, targetOf, type Unavailable, valueOf} from './action-env.js';
import {actionSupport, fallbackNote, type Support} from './api-support.js';
import {configValueText, dataLossReasons, planConfigChanges, sourceText} from './config-change-plan.js';
import {currentOverrides, overridesAfter, overridesText} from './config-override-set.js';
import {parseConfigPairs, parseNameList} from './config-pairs.js';
import {dryRun} from './dry-run.js';
import {errorText, guardApply} from './outcome-lines.js';
import {table} from './preview-table.js';
import type {ActionSpec} from './types.js';

/** The topic's configs as a table: its overrides first, then the rest by name. */
export function configInfoLines(entries: readonly TopicConfigEntry[]): string[] {
	const sorted = [...entries].sort((a, b) => Number(b.source === 'topic') - Number(a.source === 'topic') || a.name.localeCompare(b.name));
	const overrides = sorted.filter(entry => entry.source === 'topic').length;
	return [
		overrides === 0 ? 'no overrides: every config has its default' : `${overrides} ${overrides === 1 ? 'override' : 'overrides'} first`,
		...table(sorted.map(entry => [entry.name, entry.sensitive ? '(sensitive)' : entry.value ?? '-', sourceText(entry.source)])),
	];
}

export function editConfigsAction(env: ActionEnv, name: string | undefined): ActionSpec | Unavailable {
	const found = findTopic(env.snapshot(), name);
	if (isUnavailable(found)) return found;
	if (found.pendingDeletion) return {unavailable: `${found.name} is being deleted`};
	const topicName = found.name;
	return {
		id: 'editConfigs',
		title: `Edit configs of ${topicName}`,
		fields: [
			{id: 'set', label: 'Set', initial: '', hint: 'k=v,k2=v2'},
			{id: 'remove', label: 'Remove', initial: '', hint: 'k1,k2: back to the default'},
		],
		async info() {
			return {lines: configInfoLines(await env.writer.describeTopicConfigs(topicName))};
		},
		plan: guardPlan(async values => {
			const set = parseConfigPairs(valueOf(values, 'set'), 'set');
			if ('errors' in set) return refuse(...set.errors);
			const remove = parseNameList(valueOf(values, 'remove'));
			let current: TopicConfigEntry[];
			try {
				current = await env.writer.describeTopicConfigs(topicName);
			} catch (error) {
				return refuse(`could not read the configs of ${topicName}: ${errorText(error)}`);
			}

			const planned = planConfigChanges(current, set, remove, await env.configs.read());
			if (!planned.ok) return refuse(...planned.errors);
			const rows = planned.value;
			const changes = rows.map(row => row.change);
			const support = actionSupport('editConfigs', await env.writer.apiVersions());
			const whole = support.mode === 'fallback' ? wholeSet(current, changes) : undefined;
			if (whole && 'error' in whole) return refuse(whole.error);
			const send = async (validateOnly: boolean) => (whole
				? env.writer.replaceTopicConfigs(topicName, whole.after, {validateOnly})
				: env.writer.alterTopicConfigs(topicName, changes, {validateOnly}));
			const dry = await dryRun(async () => send(true));
			if (dry.errors.length > 0) return refuse(...dry.errors);
			const losses = dataLossReasons(rows);
			return {ok: true, preview: {
				title: `Edit configs of ${topicName}`,
				subject: `topic ${topicName}`,
				target: targetOf(env),
				lines: [
					...table(rows.map(row => [row.name, configValueText(row.before), '→', row.change.value === undefined ? `${configValueText(row.after)}, override removed` : configValueText(row.after)])),
					...(whole ? [`the topic's overrides become: ${overridesText(whole.after)}`] : []),
				],
				warnings: [...losses, ...(whole ? wholeSetWarnings(support) : []), ...planned.warnings, ...dry.warnings],
				typed: losses.length > 0 ? topicName : undefined,
				apply: async () => guardApply(async () => {
					if (whole) {
						const moved = await overridesMoved(env, topicName, whole.before);
						if (moved) return {status: 'failed', lines: [moved]};
					}

					await send(false);
					return {status: 'applied', lines: rows.map(row => (row.change.value === undefined ? `${row.name}: override removed` : `${row.name} = ${row.change.value}`))};
				}),
			}};
		}),
	};
}

/** For AlterConfigs: the overrides the preview was built on, and the set to send (them plus the change). */
function wholeSet(current: readonly TopicConfigEntry[], changes: readonly ConfigChange[]): {before: Record<string, string>; after: Record<string, string>} | {error: string} {
	const read = currentOverrides(current);
	if ('error' in read) return read;
	return {before: read.overrides, after: overridesAfter(read.overrides, changes)};
}

function wholeSetWarnings(support: Support): string[] {
	return [
		fallbackNote(support) ?? '',
		'AlterConfigs replaces the topic\'s whole override set: ktop sends every override it read with this change, so an override someone else sets or changes before this applies would be overwritten (ktop reads them again just before sending and stops if they moved)',
	];
}

/** Why the whole set must not be sent now: the overrides are no longer the ones the preview showed. Undefined when they are. */
async function overridesMoved(env: ActionEnv, topic: string, before: Readonly<Record<string, string>>): Promise<string | undefined> {
	const read = currentOverrides(await env.writer.describeTopicConfigs(topic));
	if ('error' in read) return `${read.error}: nothing was sent`;
	const now = overridesText(read.overrides);
	if (now === overridesText(before)) return undefined;
	return `the overrides of ${topic} changed since the preview (now ${now}): nothing was sent; open the action again to build a new preview`;
}
