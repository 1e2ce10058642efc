import {plural} from '../phrases.js';
import {type ActionEnv, findGroup, guardPlan, isUnavailable, refuse, targetOf, type Unavailable} from './action-env.js';
import {activeGroupRefusal, committedTopics, groupStateLines} from './group-state.js';
import {guardApply} from './outcome-lines.js';
import {table} from './preview-table.js';
import type {ActionSpec} from './types.js';

export function deleteGroupAction(env: ActionEnv, groupId: string | undefined): ActionSpec | Unavailable {
	const found = findGroup(env.snapshot(), groupId);
	if (isUnavailable(found)) return found;
	const group = found.groupId;
	return {
		id: 'deleteGroup',
		title: `Delete group ${group}`,
		fields: [],
		async info() {
			return {lines: groupStateLines(group, await env.writer.groupOffsets(group))};
		},
		plan: guardPlan(async () => {
			const fresh = await env.writer.groupOffsets(group);
			const active = activeGroupRefusal(group, fresh, 'Kafka deletes only an empty group');
			if (active) return refuse(active);
			const topics = committedTopics(fresh);
			return {ok: true, preview: {
				title: `Delete group ${group}`,
				subject: `group ${group}`,
				target: targetOf(env),
				lines: table([
					['delete group', group],
					['state', fresh.state],
					['committed offsets', topics.size === 0 ? 'none' : `${plural(fresh.offsets.length, 'partition')} on ${[...topics.keys()].join(', ')}`],
				]),
				warnings: topics.size === 0 ? [] : [`its committed offsets are gone: a consumer that joins ${group} later starts where its auto.offset.reset says (latest by default: it skips what is already there)`],
				typed: group,
				apply: async () => guardApply(async () => {
					await env.writer.deleteGroup(group);
					return {status: 'applied', lines: [`deleted group ${group} and its committed offsets`]};
				}),
			}};
		}),
	};
}
