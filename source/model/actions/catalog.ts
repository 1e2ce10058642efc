import {addPartitionsAction} from './add-partitions.js';
import type {ActionEnv} from './action-env.js';
import {actionSupport} from './api-support.js';
import {errorText} from './outcome-lines.js';
import {createConfigReference} from './config-reference.js';
import {createTopicAction} from './create-topic.js';
import {deleteGroupAction} from './delete-group.js';
import {deleteTopicAction} from './delete-topic.js';
import {editConfigsAction} from './edit-configs.js';
import {electLeadersAction} from './elect-leaders.js';
import {produceAction} from './produce-record.js';
import {purgeAction} from './purge-records.js';
import {resetOffsetsAction} from './reset-offsets.js';
import type {ActionContext, ActionFactory, ActionId, ActionSpec, ActionSubject} from './types.js';

/**
Actions a ZooKeeper-mode broker applies in ZooKeeper from its request thread (and whose previews
read ZooKeeper there too: a topic's configs, the dry runs). While ktop's view of ZooKeeper says it
cannot serve them, they are refused before the form and again before the preview, with the reason.
*/
const throughZookeeper: ReadonlySet<ActionId> = new Set<ActionId>(['createTopic', 'deleteTopic', 'addPartitions', 'editConfigs', 'electLeaders']);

/**
Every topic and group action, built on demand for the row it is opened on. The broker's list of
topic configs is read once per factory and shared by the actions that check config names.
*/
export function createActionFactory(context: ActionContext): ActionFactory {
	const configs = createConfigReference(context.writer, context.snapshot);
	return (id, subject) => {
		const opened = context.snapshot();
		if (!opened) return {unavailable: 'no snapshot of the cluster yet: wait for the first refresh'};
		if (throughZookeeper.has(id)) {
			const trouble = context.writer.zookeeperTrouble();
			if (trouble !== undefined) return {unavailable: trouble};
		}

		// Versions learned on an earlier action: an action the brokers cannot take is refused before its form.
		const known = context.writer.knownApiVersions();
		const before = known && actionSupport(id, known);
		if (before?.mode === 'refused') return {unavailable: before.reason};

		// Checks use the newest snapshot when the plan runs, not the one the form was opened on.
		const env: ActionEnv = {snapshot: () => context.snapshot() ?? opened, writer: context.writer, configs};
		const spec = build(id, subject, env);
		if ('unavailable' in spec) return spec;
		return {
			...spec,
			async plan(values) {
				if (throughZookeeper.has(id)) {
					const trouble = context.writer.zookeeperTrouble();
					if (trouble !== undefined) return {ok: false, errors: [trouble]};
				}

				// Before any preview: what the controller's API versions allow (the action reads them again to pick its mechanism).
				try {
					const support = actionSupport(id, await context.writer.apiVersions());
					if (support.mode === 'refused') return {ok: false, errors: [support.reason]};
				} catch (error) {
					return {ok: false, errors: [`could not learn which requests the brokers take: ${errorText(error)}`]};
				}

				return spec.plan(values);
			},
		};
	};
}

function build(id: ActionId, subject: ActionSubject, env: ActionEnv): ActionSpec | {unavailable: string} {
	switch (id) {
		case 'createTopic': return createTopicAction(env);
		case 'deleteTopic': return deleteTopicAction(env, subject.topic);
		case 'addPartitions': return addPartitionsAction(env, subject.topic);
		case 'editConfigs': return editConfigsAction(env, subject.topic);
		case 'produce': return produceAction(env, subject.topic, subject.partition);
		case 'purge': return purgeAction(env, subject.topic, subject.partition);
		case 'electLeaders': return electLeadersAction(env, subject.topic);
		case 'resetOffsets': return resetOffsetsAction(env, subject.group, subject);
		case 'deleteGroup': return deleteGroupAction(env, subject.group);
	}
}
