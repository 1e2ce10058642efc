import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {Unready, waitFor} from '../../cluster/wait-for.js';
import type {ClusterSnapshot} from '../../source/model/types.js';
import {commitGroupOffsets} from '../helpers/kafka.js';
import {actionsFixture, errorsOf, open, previewOf, readOnlyMessage} from './actions-helpers.js';

/**
Group actions against the real cluster: the reset the plan shows is exactly what the group's
committed offsets read back as (kafkajs' fetchOffsets, not ktop's reads), a group with live
consumers is refused, and a read-only writer changes nothing.
*/
describe('group actions against the real cluster', () => {
	const fx = actionsFixture();
	const hour = 3_600_000;
	// Partition 0: ten records a minute apart, an hour ago; partition 1: ten records a day ago.
	const base = Date.now() - hour;
	let topic: string;

	const cases: Array<{id: string; to: string; value: string; expected: Array<[string, number]>; notes: string[]}> = [
		{id: 'offset', to: 'offset', value: '1', expected: [['0', 1], ['1', 2]], notes: ['1 is below the log start: 2']},
		{id: 'back', to: 'shift', value: '-5', expected: [['0', 3], ['1', 2]], notes: ['-2 is below the log start: 2']},
		{id: 'forward', to: 'shift', value: '+5', expected: [['0', 10], ['1', 8]], notes: ['13 is past the log end: 10']},
		{id: 'earliest', to: 'earliest', value: '', expected: [['0', 0], ['1', 2]], notes: []},
		{id: 'latest', to: 'latest', value: '', expected: [['0', 10], ['1', 10]], notes: []},
		{id: 'time', to: 'timestamp', value: `@${base + (4 * 60_000) + 30_000}`, expected: [['0', 5], ['1', 10]], notes: ['no record at or after that time: latest']},
	];

	beforeAll(async () => {
		await fx.start();
		topic = await fx.topic('act-grp', 2);
		await fx.produce(topic, [
			...Array.from({length: 10}, (_, index) => ({partition: 0, value: `p0-${index}`, timestamp: String(base + (index * 60_000))})),
			...Array.from({length: 10}, (_, index) => ({partition: 1, value: `p1-${index}`, timestamp: String(base - (24 * hour) + index)})),
		]);
		// Partition 1 starts at 2: the log start a reset is clamped to. kafkajs finds the leaders only for topics it has fetched metadata for.
		await fx.watermarks(topic);
		await fx.admin.deleteTopicRecords({topic, partitions: [{partition: 1, offset: '2'}]});
		await makeGroups([...cases.map(c => `act-reset-${c.id}`), 'act-reset-all', 'act-live', 'act-delgrp', 'act-ro-grp']);
	});

	afterAll(async () => fx.cleanUp());

	const ready = new Map<string, string>();

	/** A group per test with offsets 8 and 3 committed (kafkajs' setOffsets takes seconds each, so all at once), seen by the snapshot. */
	async function makeGroups(prefixes: string[]): Promise<void> {
		await Promise.all(prefixes.map(async prefix => {
			const group = fx.groupName(prefix);
			await commitGroupOffsets(fx.kafka, group, topic, [{partition: 0, offset: '8'}, {partition: 1, offset: '3'}]);
			ready.set(prefix, group);
		}));
		await fx.refresh('the groups', (s: ClusterSnapshot) => [...ready.values()].every(group => s.groups.some(g => g.groupId === group)) && s.topics.some(t => t.name === topic));
	}

	function groupAt(prefix: string): string {
		const group = ready.get(prefix);
		if (!group) throw new Error(`no group made for ${prefix}`);
		return group;
	}

	/** The plan's rows as [partition, current, new] from the preview's table. */
	function planned(lines: string[]): Array<[string, string, number]> {
		return lines.slice(1, -1).map(line => {
			const [name, current, next] = line.trim().split(/\s+/);
			return [name!, current!, Number(next)];
		});
	}

	for (const {id, to, value, expected, notes} of cases) {
		it(`resets to ${to} ${value}: the plan's new offsets are exactly what reads back committed`, async () => {
			const group = groupAt(`act-reset-${id}`);
			const preview = await previewOf(open(fx.factory, 'resetOffsets', {group, topic}), {to, value});
			expect(preview.typed).toBe(group);
			const rows = planned(preview.lines);
			expect(rows.map(([name, current, next]) => [name.slice(topic.length + 1), current, next])).toEqual([['0', '8', expected[0]![1]], ['1', '3', expected[1]![1]]]);
			for (const note of notes) expect(preview.lines.some(line => line.endsWith(note)), note).toBe(true);

			const outcome = await preview.apply();
			expect(outcome).toEqual({status: 'applied', lines: rows.map(([name, current, next]) => `${name}: ${current} → ${next}`)});
			expect([...(await fx.committed(group, topic))]).toEqual(rows.map(([name, , next]) => [Number(name.slice(topic.length + 1)), next]));
		});
	}

	it('takes "all" as every topic the group has offsets on, and says what is wrong with bad values', async () => {
		const group = groupAt('act-reset-all');
		const spec = open(fx.factory, 'resetOffsets', {group});
		const preview = await previewOf(spec, {to: 'earliest'});
		expect(planned(preview.lines).map(([name]) => name)).toEqual([`${topic}-0`, `${topic}-1`]);
		expect(await errorsOf(spec, {id: 'time', to: 'timestamp', value: 'noon'})).toEqual([expect.stringContaining('"noon" is not a time')]);
		expect(await errorsOf(spec, {topics: topic, partitions: '5'})).toEqual([`partitions: ${topic} has no partition 5 (it has 0-1)`]);
		expect(await errorsOf(spec, {topics: `${topic}x`})).toEqual([`topics: ${topic}x does not exist; similar: ${topic}`]);
	});

	describe('with a consumer in the group', () => {
		it('refuses to reset or delete it, from a fresh read', async () => {
			const group = groupAt('act-live');
			// Opened while the group is empty; the consumer joins before the plan.
			const reset = open(fx.factory, 'resetOffsets', {group, topic});
			const remove = open(fx.factory, 'deleteGroup', {group});
			const consumer = fx.kafka.consumer({groupId: group});
			await consumer.connect();
			try {
				await consumer.subscribe({topics: [topic]});
				await consumer.run({eachMessage: async () => undefined});
				await waitFor(async () => {
					const {groups} = await fx.admin.describeGroups([group]);
					return groups[0]?.state === 'Stable' ? true : new Unready(groups[0]?.state ?? 'unknown');
				}, {timeoutMs: 60_000, what: `${group} Stable`});
				expect(await errorsOf(reset, {to: 'earliest'}))
					.toEqual([`group ${group} has 1 active member (state Stable): stop its consumers first; Kafka only accepts offset resets for an empty group`]);
				expect(await errorsOf(remove)).toEqual([`group ${group} has 1 active member (state Stable): stop its consumers first; Kafka deletes only an empty group`]);
			} finally {
				await consumer.disconnect();
			}
		});
	});

	describe('delete group', () => {
		it('shows the group, asks for its name, and deletes it', async () => {
			const group = groupAt('act-delgrp');
			const spec = open(fx.factory, 'deleteGroup', {group});
			expect((await spec.info!()).lines).toEqual([`group ${group}: state Empty, 0 members`, `committed offsets on ${topic} (2 partitions)`]);
			const preview = await previewOf(spec);
			expect(preview.typed).toBe(group);
			expect(await preview.apply()).toEqual({status: 'applied', lines: [`deleted group ${group} and its committed offsets`]});
			const {groups} = await fx.admin.listGroups();
			expect(groups.map(g => g.groupId)).not.toContain(group);
			expect((await fx.committed(group, topic)).size).toBe(0);
		});
	});

	describe('read-only', () => {
		it('previews reset and delete, and both applies fail with the read-only message, changing nothing', async () => {
			const group = groupAt('act-ro-grp');
			const reset = await previewOf(open(fx.readOnlyFactory, 'resetOffsets', {group, topic}), {to: 'earliest'});
			expect(await reset.apply()).toEqual({status: 'failed', lines: [readOnlyMessage]});
			const remove = await previewOf(open(fx.readOnlyFactory, 'deleteGroup', {group}));
			expect(await remove.apply()).toEqual({status: 'failed', lines: [readOnlyMessage]});
			expect([...(await fx.committed(group, topic))]).toEqual([[0, 8], [1, 3]]);
		});
	});
});
