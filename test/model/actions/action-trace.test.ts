import {describe, expect, it} from 'vitest';
import {actionEvent, actionLogLine, traceActions} from '../../../source/model/actions/action-trace.js';
import type {Outcome, Preview} from '../../../source/model/actions/types.js';
import {createStore} from '../../../source/model/store.js';
import {failure} from './fake-writer.js';
import {previewOf, setup} from './harness.js';
import {committed, group, partition, T0, topic} from './snapshot.js';

function preview(extra: Partial<Preview> = {}): Preview {
	return {
		title: 'Delete topic orders', subject: 'topic orders', target: {clusterId: 'cluster-A', connection: 'bootstrap 127.0.0.1:9092'},
		lines: ['delete topic        orders', 'partitions          2'], warnings: ['150 records in 2 partitions will be gone for good'], typed: 'orders',
		async apply(): Promise<Outcome> {
			throw new Error('not applied in these tests');
		},
		...extra,
	};
}

describe('the timeline entry of an action', () => {
	it('applied: info, about the preview\'s subject, titled, with the first outcome line and how many more', () => {
		const outcome: Outcome = {status: 'applied', lines: ['orders is marked for deletion', 'it shows as DELETING until…']};
		expect(actionEvent(preview(), outcome, T0)).toEqual({
			at: T0, kind: 'action-applied', subject: 'topic orders', severity: 'info',
			message: 'ktop: Delete topic orders — applied: orders is marked for deletion (+1 more)',
		});
	});

	it('partly applied and failed: warnings of their own kinds', () => {
		const partial = actionEvent(preview({title: 'Purge records of orders'}), {status: 'partial', lines: ['orders-0: 10 records deleted', 'orders-1: not purged: not the leader']}, T0);
		expect(partial).toMatchObject({kind: 'action-partial', severity: 'warning', message: 'ktop: Purge records of orders — partly applied: orders-0: 10 records deleted (+1 more)'});
		const failed = actionEvent(preview(), {status: 'failed', lines: ['topic orders does not exist']}, T0);
		expect(failed).toMatchObject({kind: 'action-failed', severity: 'warning', message: 'ktop: Delete topic orders — failed: topic orders does not exist'});
	});

	it('an outcome without lines is just its status', () => {
		expect(actionEvent(preview(), {status: 'applied', lines: []}, T0).message).toBe('ktop: Delete topic orders — applied');
	});
});

describe('the log line of an action', () => {
	it('one line: status, title, cluster id, connection, every preview, warning and outcome line', () => {
		expect(actionLogLine(preview(), {status: 'applied', lines: ['orders is marked for deletion']})).toBe([
			'action applied: Delete topic orders',
			'cluster cluster-A',
			'bootstrap 127.0.0.1:9092',
			'preview ["delete topic        orders","partitions          2"]',
			'warnings ["150 records in 2 partitions will be gone for good"]',
			'outcome ["orders is marked for deletion"]',
		].join(' · '));
	});

	it('says when the cluster id is unknown, and keeps a hostile name from reaching the terminal that reads the log', () => {
		const evil = 'evil\u001B[2J\nnext';
		const line = actionLogLine(
			preview({title: `Delete topic ${evil}`, target: {clusterId: undefined, connection: 'bootstrap 10.0.0.1:9092'}, lines: [`delete topic  ${evil}`]}),
			{status: 'failed', lines: [`${evil} is gone`]},
		);
		expect(line).toContain('action failed: Delete topic evil\\x1b[2J\\nnext · cluster (id unknown) · bootstrap 10.0.0.1:9092');
		expect(line).not.toMatch(/[\u0000-\u001F\u007F-\u009F]/);
		expect(line).toContain(String.raw`outcome ["evil\\x1b[2J\\nnext is gone"]`);
	});
});

describe('tracing a real action', () => {
	it('a produced record is logged only as far as the preview shows it: a long value is cut as there', async () => {
		const {open} = setup({topics: [topic('orders', [partition(0)])]});
		const value = `${'v'.repeat(200)}SECRET-TAIL`;
		const produced = await previewOf(open('produce', {topic: 'orders'}), {partition: '0', value});
		const lines: string[] = [];
		traceActions(createStore(), {write: line => lines.push(line)})(produced, await produced.apply());
		expect(lines).toHaveLength(1);
		expect(lines[0]).toContain('v'.repeat(200));
		expect(lines[0]).not.toContain('SECRET-TAIL');
		expect(lines[0]).toMatch(/^action applied: Produce one record to orders · cluster cluster-A · bootstrap 127\.0\.0\.1:9092 · /);
	});

	it('writes the log line and records the event in the store, stamped by the clock given', async () => {
		const {open, fake} = setup({topics: [topic('orders', 2)], groups: [group('billing', [committed('orders', 0, 5)])]});
		const deleting = await previewOf(open('deleteGroup', {group: 'billing'}));
		fake.fails.set('deleteGroup', failure('GROUP_ID_NOT_FOUND', 'group billing does not exist'));
		const store = createStore();
		const lines: string[] = [];
		traceActions(store, {write: line => lines.push(line)}, () => T0 + 5000)(deleting, await deleting.apply());
		expect(store.getEvents()).toEqual([{
			at: T0 + 5000, kind: 'action-failed', subject: 'group billing', severity: 'warning',
			message: 'ktop: Delete group billing — failed: group billing does not exist',
		}]);
		expect(lines).toEqual([expect.stringMatching(/^action failed: Delete group billing · cluster cluster-A · .* · outcome \["group billing does not exist"\]$/)]);
	});

	it('every action names its subject as the timeline does', async () => {
		const {open} = setup({topics: [topic('orders', [partition(0, {leader: 2}), partition(1)])], groups: [group('billing', [committed('orders', 0, 5)])]});
		expect((await previewOf(open('deleteTopic', {topic: 'orders'}))).subject).toBe('topic orders');
		expect((await previewOf(open('createTopic'), {name: 'quotes'})).subject).toBe('topic quotes');
		expect((await previewOf(open('addPartitions', {topic: 'orders'}), {partitions: '4'})).subject).toBe('topic orders');
		expect((await previewOf(open('editConfigs', {topic: 'orders'}), {set: 'retention.ms=60000'})).subject).toBe('topic orders');
		expect((await previewOf(open('produce', {topic: 'orders'}))).subject).toBe('topic orders');
		expect((await previewOf(open('purge', {topic: 'orders'}))).subject).toBe('topic orders');
		expect((await previewOf(open('electLeaders', {topic: 'orders'}))).subject).toBe('topic orders');
		expect((await previewOf(open('electLeaders'))).subject).toBe('all topics');
		expect((await previewOf(open('deleteGroup', {group: 'billing'}))).subject).toBe('group billing');
		expect((await previewOf(open('resetOffsets', {group: 'billing'}))).subject).toBe('group billing');
	});
});
