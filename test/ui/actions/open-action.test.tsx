import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {buildKeymap} from '../../../source/ui/keymap.js';
import {fakeStore, keys, renderApp} from '../harness.js';
import {healthySnapshot} from '../snapshots.js';
import {fakeActions, scriptedSpec, settle} from './fake-actions.js';
import {realRegistry, snapshotWithGroup} from './fixtures.js';

afterEach(() => cleanup());

async function open(extra: Parameters<typeof renderApp>[1] = {}) {
	const actions = fakeActions();
	const app = await renderApp(fakeStore(snapshotWithGroup()), {registry: realRegistry, actions: actions.factory, ...extra});
	/** Presses `key`, checks the dialog opened (its title is the id and subject), and closes it with Esc. */
	const press = async (key: string) => {
		const before = actions.calls.length;
		await app.type(key);
		await settle();
		expect(actions.calls.length, `key ${JSON.stringify(key)} asked for an action`).toBe(before + 1);
		const {id, subject} = actions.calls.at(-1)!;
		expect(app.frame()).toContain(`${id} ${JSON.stringify(subject)}`);
		await app.type(keys.escape);
		expect(app.frame()).not.toContain(`${id} ${JSON.stringify(subject)}`);
		return {id, subject};
	};

	return {app, actions, press};
}

describe('action keys open the action on the row under the cursor', () => {
	it('a topic row: the topic (create takes nothing from the row)', async () => {
		const {press} = await open();
		expect(await press('e')).toEqual({id: 'editConfigs', subject: {topic: 'orders'}});
		expect(await press(keys.ctrlD)).toEqual({id: 'deleteTopic', subject: {topic: 'orders'}});
		expect(await press('+')).toEqual({id: 'addPartitions', subject: {topic: 'orders'}});
		expect(await press('p')).toEqual({id: 'produce', subject: {topic: 'orders'}});
		expect(await press('x')).toEqual({id: 'purge', subject: {topic: 'orders'}});
		expect(await press('l')).toEqual({id: 'electLeaders', subject: {topic: 'orders'}});
		expect(await press('n')).toEqual({id: 'createTopic', subject: {}});
	});

	it('follows the cursor: the second topic row is payments', async () => {
		const {app, press} = await open();
		await app.type('j');
		expect(await press('e')).toEqual({id: 'editConfigs', subject: {topic: 'payments'}});
	});

	it('a partition row: the topic and the partition (delete and add partitions: the topic)', async () => {
		const {app, press} = await open();
		await app.type(keys.enter, 'j');
		expect(app.frame()).toContain('partitions of orders');
		expect(await press('x')).toEqual({id: 'purge', subject: {topic: 'orders', partition: 1}});
		expect(await press('p')).toEqual({id: 'produce', subject: {topic: 'orders', partition: 1}});
		expect(await press('l')).toEqual({id: 'electLeaders', subject: {topic: 'orders', partition: 1}});
		expect(await press(keys.ctrlD)).toEqual({id: 'deleteTopic', subject: {topic: 'orders'}});
		expect(await press('+')).toEqual({id: 'addPartitions', subject: {topic: 'orders'}});
		expect(await press('e')).toEqual({id: 'editConfigs', subject: {topic: 'orders'}});
	});

	it('a group row: the group; a group\'s partition row: the group, and its topic and partition for a reset', async () => {
		const {app, press} = await open();
		await app.type(':groups', keys.enter);
		expect(await press('o')).toEqual({id: 'resetOffsets', subject: {group: 'billing'}});
		expect(await press(keys.ctrlD)).toEqual({id: 'deleteGroup', subject: {group: 'billing'}});
		await app.type(keys.enter, 'j', 'j');
		expect(app.frame()).toContain('group billing');
		expect(await press('o')).toEqual({id: 'resetOffsets', subject: {group: 'billing', topic: 'orders', partition: 2}});
		expect(await press(keys.ctrlD)).toEqual({id: 'deleteGroup', subject: {group: 'billing'}});
	});

	it('an empty group\'s pane still acts on its group', async () => {
		const actions = fakeActions();
		const app = await renderApp(fakeStore(healthySnapshot({groups: [{...snapshotWithGroup().groups[0]!, partitions: []}]})), {registry: realRegistry, actions: actions.factory});
		await app.type(':groups', keys.enter, keys.enter, 'o');
		expect(actions.calls).toEqual([{id: 'resetOffsets', subject: {group: 'billing'}}]);
	});

	it('health and brokers: elect leaders for every imbalanced partition (no subject)', async () => {
		const {app, press} = await open();
		await app.type(':health', keys.enter);
		expect(await press('l')).toEqual({id: 'electLeaders', subject: {}});
		await app.type(':brokers', keys.enter);
		expect(await press('l')).toEqual({id: 'electLeaders', subject: {}});
	});
});

describe('where an action key does not apply', () => {
	it('says where it works, and asks for nothing', async () => {
		const {app, actions} = await open();
		await app.type('o');
		expect(app.frame()).toContain('o resets a group\'s offsets: open :groups');
		await app.type(':groups', keys.enter, 'e');
		expect(app.frame()).toContain('e edits a topic\'s configs: open :topics');
		await app.type(':zk', keys.enter, keys.ctrlD);
		expect(app.frame()).toContain('Ctrl-D deletes a topic or a group: open :topics or :groups');
		await app.type('l');
		expect(app.frame()).toContain('l elects preferred leaders: open :topics, :brokers or :health');
		await app.type(':brokers', keys.enter, 'n');
		expect(app.frame()).toContain('n creates a topic: open :topics');
		expect(actions.calls).toEqual([]);
	});

	it('an empty topics pane: create still works, the others say there is no topic', async () => {
		const actions = fakeActions();
		const app = await renderApp(fakeStore(healthySnapshot({topics: []})), {registry: realRegistry, actions: actions.factory});
		await app.type('e');
		expect(app.frame()).toContain('e: no topic under the cursor');
		await app.type('n');
		expect(actions.calls).toEqual([{id: 'createTopic', subject: {}}]);
	});

	it('an action the factory refuses: its reason is the message, and no dialog opens', async () => {
		const actions = fakeActions(() => ({unavailable: 'orders is internal to Kafka; ktop does not delete it'}));
		const app = await renderApp(fakeStore(snapshotWithGroup()), {registry: realRegistry, actions: actions.factory});
		await app.type(keys.ctrlD);
		expect(app.frame()).toContain('Ctrl-D: orders is internal to Kafka; ktop does not delete it');
		// Still the table: j moves, Enter drills down.
		await app.type(keys.enter);
		expect(app.frame()).toContain('partitions of orders');
	});

	it('without actions (none wired in), the keys say so', async () => {
		const app = await renderApp(fakeStore(snapshotWithGroup()), {registry: realRegistry});
		await app.type('n');
		expect(app.frame()).toContain('actions are not available here');
	});
});

describe('read-only', () => {
	it('binds no action key: pressing them does nothing, help does not list them', async () => {
		const actions = fakeActions();
		const keymap = buildKeymap({readOnly: true});
		const app = await renderApp(fakeStore(snapshotWithGroup()), {registry: realRegistry, actions: actions.factory, keymap});
		const before = app.frame();
		for (const key of ['n', keys.ctrlD, '+', 'e', 'p', 'x', 'l']) await app.type(key);
		await app.type(':groups', keys.enter);
		const groups = app.frame();
		await app.type('o', keys.ctrlD);
		expect(app.frame()).toBe(groups);
		await app.type(':topics', keys.enter);
		expect(app.frame()).toBe(before);
		expect(actions.calls).toEqual([]);
		await app.type('?');
		const help = app.frame();
		for (const description of ['create a topic', 'delete topic or group', 'add partitions', 'edit topic configs', 'produce a record', 'purge records', 'elect preferred leaders', 'reset group offsets', 'Actions', 'action\'s form']) {
			expect(help).not.toContain(description);
		}
	});
});

describe('a spec whose info and title carry the subject', () => {
	it('opens with the title in the breadcrumbs', async () => {
		const app = await renderApp(fakeStore(snapshotWithGroup()), {
			registry: realRegistry,
			actions: (id, subject) => scriptedSpec({id, title: `Edit configs of ${subject.topic}`}).spec,
		});
		await app.type('e');
		expect(app.frame()).toContain('topics › Edit configs of orders');
	});
});
