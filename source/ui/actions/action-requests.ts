import type {ActionId, ActionSubject} from '../../model/actions/types.js';
import {actionCommands, type ActionCommand, type CommandId, type Keymap, keyLabel} from '../keymap.js';
import type {Row, ViewRef} from '../panes/pane.js';

/** The action an action key asks for on a row, or why not there. */
export type ActionRequest = {id: ActionId; subject: ActionSubject} | {message: string};

/** The subject a row stands for; a drill-down pane's own subject when it has no rows (an empty group). */
type Subjects = {topic: ActionSubject | undefined; partition: ActionSubject | undefined; group: ActionSubject | undefined};

type Target = {
	/** Which action the key opens on this pane, and about what; undefined: not on this pane. */
	on(ref: ViewRef, subjects: Subjects): {id: ActionId; subject: ActionSubject | undefined} | undefined;
	/** Where the key works, after "<key> ": "resets a group's offsets: open :groups". */
	where: string;
	/** When the pane fits but there is no row to act on (create needs none). */
	needs?: string;
};

const onTopic = (id: ActionId, subject: (subjects: Subjects) => ActionSubject | undefined): Target['on'] => (ref, subjects) => {
	if (ref.view !== 'topics' && ref.view !== 'partitions') return undefined;
	return {id, subject: subject(subjects)};
};

/** Produce and purge are offered a partition row's partition (prefilled, still editable); the others act on the topic. */
const targets: Readonly<Record<ActionCommand, Target>> = {
	createTopic: {on: onTopic('createTopic', () => ({})), where: 'creates a topic: open :topics'},
	deleteResource: {
		on(ref, subjects) {
			if (ref.view === 'groups' || ref.view === 'group') return {id: 'deleteGroup', subject: subjects.group};
			return onTopic('deleteTopic', ({topic}) => topic)(ref, subjects);
		},
		where: 'deletes a topic or a group: open :topics or :groups',
		needs: 'no topic or group under the cursor',
	},
	addPartitions: {on: onTopic('addPartitions', ({topic}) => topic), where: 'adds partitions to a topic: open :topics', needs: 'no topic under the cursor'},
	editConfigs: {on: onTopic('editConfigs', ({topic}) => topic), where: 'edits a topic\'s configs: open :topics', needs: 'no topic under the cursor'},
	produce: {on: onTopic('produce', ({partition, topic}) => partition ?? topic), where: 'produces a record to a topic: open :topics', needs: 'no topic under the cursor'},
	purge: {on: onTopic('purge', ({partition, topic}) => partition ?? topic), where: 'purges a topic\'s records: open :topics', needs: 'no topic under the cursor'},
	electLeaders: {
		on(ref, subjects) {
			// From the cluster-wide panes: every partition whose preferred replica does not lead.
			if (ref.view === 'health' || ref.view === 'brokers') return {id: 'electLeaders', subject: {}};
			return onTopic('electLeaders', ({partition, topic}) => partition ?? topic)(ref, subjects);
		},
		where: 'elects preferred leaders: open :topics, :brokers or :health',
		needs: 'no topic under the cursor',
	},
	resetOffsets: {
		on(ref, subjects) {
			if (ref.view !== 'groups' && ref.view !== 'group') return undefined;
			// On a group's partition row, that topic and partition are prefilled.
			return {id: 'resetOffsets', subject: subjects.partition && subjects.group ? {...subjects.group, ...subjects.partition} : subjects.group};
		},
		where: 'resets a group\'s offsets: open :groups',
		needs: 'no group under the cursor',
	},
};

export function isActionCommand(command: CommandId): command is ActionCommand {
	return Object.hasOwn(actionCommands, command);
}

/** The action command among a key's commands, if any (the keymap binds each key to one at most). */
export function actionCommandOf(commands: ReadonlySet<CommandId>): ActionCommand | undefined {
	return [...commands].find(command => isActionCommand(command)) as ActionCommand | undefined;
}

/**
What `command` opens on the pane `ref` with `row` under the cursor: the action and its subject
(the row's topic, partition, group), or a sentence saying where the key works.
*/
export function actionRequest(command: ActionCommand, ref: ViewRef, row: Row | undefined, keymap: Keymap): ActionRequest {
	const key = keymap.bindings.find(binding => binding.command === command)?.keys[0];
	const label = key === undefined ? command : keyLabel(key);
	const target = targets[command];
	const found = target.on(ref, subjectsOf(ref, row));
	if (!found) return {message: `${label} ${target.where}`};
	if (!found.subject) return {message: `${label}: ${target.needs ?? 'nothing under the cursor'}`};
	return {id: found.id, subject: found.subject};
}

function subjectsOf(ref: ViewRef, row: Row | undefined): Subjects {
	const topic = row?.topic ?? (ref.view === 'partitions' ? ref.subject : undefined);
	const group = row?.group ?? (ref.view === 'group' ? ref.subject : undefined);
	return {
		topic: topic === undefined ? undefined : {topic},
		partition: topic !== undefined && row?.partition !== undefined ? {topic, partition: row.partition} : undefined,
		group: group === undefined ? undefined : {group},
	};
}
