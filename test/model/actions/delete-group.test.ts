import {describe, expect, it} from 'vitest';
import {failure} from './fake-writer.js';
import {errorsOf, previewOf, setup} from './harness.js';
import {activeGroup, committed, group, topic} from './snapshot.js';

describe('delete group', () => {
	const world = () => ({
		topics: [topic('orders', 2)],
		groups: [group('billing', [committed('orders', 0, 5), committed('orders', 1, 7)]), activeGroup('live', 'orders', 3)],
	});

	it('shows the fresh state, members and topics', async () => {
		expect((await setup(world()).open('deleteGroup', {group: 'billing'}).info!()).lines).toEqual([
			'group billing: state Empty, 0 members', 'committed offsets on orders (2 partitions)',
		]);
	});

	it('refuses a group with members, from a fresh read', async () => {
		const {open, fake} = setup(world());
		expect(await errorsOf(open('deleteGroup', {group: 'live'})))
			.toEqual(['group live has 3 active members (state Stable): stop its consumers first; Kafka deletes only an empty group']);
		fake.groups.get('billing')!.members = 1;
		fake.groups.get('billing')!.state = 'Stable';
		expect(await errorsOf(open('deleteGroup', {group: 'billing'}))).toEqual([expect.stringMatching(/^group billing has 1 active member/)]);
	});

	it('asks for the group name, warns about the lost offsets, and deletes', async () => {
		const {open, fake} = setup(world());
		const preview = await previewOf(open('deleteGroup', {group: 'billing'}));
		expect(preview.typed).toBe('billing');
		expect(preview.lines).toEqual(['delete group       billing', 'state              Empty', 'committed offsets  2 partitions on orders']);
		expect(preview.warnings).toEqual([expect.stringContaining('its committed offsets are gone')]);
		expect(await preview.apply()).toEqual({status: 'applied', lines: ['deleted group billing and its committed offsets']});
		expect(fake.groups.has('billing')).toBe(false);
	});

	it('reports the broker\'s refusal', async () => {
		const {open, fake} = setup(world());
		const preview = await previewOf(open('deleteGroup', {group: 'billing'}));
		fake.fails.set('deleteGroup', failure('NON_EMPTY_GROUP', 'billing has members again', 'stop its consumers first'));
		expect(await preview.apply()).toEqual({status: 'failed', lines: ['billing has members again; stop its consumers first']});
	});
});
