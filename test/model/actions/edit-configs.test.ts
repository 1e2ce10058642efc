import {describe, expect, it} from 'vitest';
import type {TopicConfigEntry} from '../../../source/cluster/write-types.js';
import {dataLossReasons, planConfigChanges} from '../../../source/model/actions/config-change-plan.js';
import {referenceFrom} from '../../../source/model/actions/config-reference.js';
import {failure} from './fake-writer.js';
import {errorsOf, previewOf, setup} from './harness.js';
import {topic} from './snapshot.js';

const entry = (name: string, value: string | undefined, source: TopicConfigEntry['source'] = 'default', extra: Partial<TopicConfigEntry> = {}): TopicConfigEntry =>
	({name, value, source, readOnly: false, sensitive: false, ...extra});

const current = [entry('retention.ms', '3600000', 'topic'), entry('retention.bytes', '-1'), entry('cleanup.policy', 'delete', 'broker'), entry('segment.bytes', '1073741824')];
const reference = referenceFrom([entry('retention.ms', '604800000'), entry('retention.bytes', '-1'), entry('cleanup.policy', 'delete', 'broker'), entry('segment.bytes', '1073741824')]);

describe('config change plans', () => {
	it('pairs each change with the value before and after, a removal falling back to the cluster default', () => {
		const plan = planConfigChanges(current, [{name: 'segment.bytes', value: '1048576'}], ['retention.ms'], reference);
		expect(plan).toEqual({ok: true, warnings: [], value: [
			{name: 'segment.bytes', before: {value: '1073741824', source: 'default'}, after: {value: '1048576', source: 'topic'}, change: {name: 'segment.bytes', value: '1048576'}},
			{name: 'retention.ms', before: {value: '3600000', source: 'topic'}, after: {value: '604800000', source: 'default'}, change: {name: 'retention.ms', value: undefined}},
		]});
	});

	it('refuses unknown, read-only, set-and-removed, removing a non-override, and no change at all', () => {
		const readOnly = [...current, entry('message.format.version', '3.0', 'default', {readOnly: true})];
		expect(planConfigChanges(readOnly, [{name: 'retention.msx', value: '1'}, {name: 'message.format.version', value: '2.8'}], ['retention.bytes', 'segment.bytes'], reference)).toEqual({ok: false, errors: [
			'configs: unknown config retention.msx; did you mean retention.ms?',
			'configs: message.format.version is read-only; Kafka does not let a topic change it',
			'remove: retention.bytes has no override on this topic to remove (its value -1 comes from the default)',
			'remove: segment.bytes has no override on this topic to remove (its value 1073741824 comes from the default)',
		]});
		expect(planConfigChanges(current, [{name: 'retention.ms', value: '1'}], ['retention.ms'], reference))
			.toEqual({ok: false, errors: ['configs: retention.ms is both set and removed; choose one']});
		expect(planConfigChanges(current, [], [], reference)).toEqual({ok: false, errors: ['nothing to change: give configs to set (k=v) or to remove (k)']});
		expect(planConfigChanges(current, [{name: 'retention.ms', value: '3600000'}], [], reference))
			.toEqual({ok: false, errors: ['nothing would change: retention.ms already has that value']});
	});

	it('finds the changes that can delete data: lower retention, a removal back to a lower default, a new cleanup policy', () => {
		const reasons = (set: Array<{name: string; value: string}>, remove: string[] = [], from = current) => {
			const plan = planConfigChanges(from, set, remove, reference);
			if (!plan.ok) throw new Error(plan.errors.join());
			return dataLossReasons(plan.value);
		};

		expect(reasons([{name: 'retention.ms', value: '60000'}])).toEqual([expect.stringMatching(/^retention.ms lowered \(3600000 → 60000\): records older/)]);
		expect(reasons([{name: 'retention.ms', value: '7200000'}])).toEqual([]);
		expect(reasons([{name: 'retention.ms', value: '-1'}])).toEqual([]);
		expect(reasons([{name: 'retention.bytes', value: '1000000'}])).toEqual([expect.stringMatching(/^retention.bytes lowered \(-1 → 1000000\)/)]);
		// The override is 1h and the default 7 days: removing it keeps records longer.
		expect(reasons([], ['retention.ms'])).toEqual([]);
		const longOverride = [entry('retention.ms', '-1', 'topic'), ...current.slice(1)];
		expect(reasons([], ['retention.ms'], longOverride)).toEqual([expect.stringMatching(/^retention.ms lowered \(-1 → 604800000\)/)]);
		expect(reasons([{name: 'cleanup.policy', value: 'compact'}])).toEqual(['cleanup.policy delete → compact: older values of each key are compacted away']);
		expect(reasons([{name: 'cleanup.policy', value: 'delete'}])).toEqual([]);
		expect(reasons([{name: 'segment.bytes', value: '1048576'}])).toEqual([]);
		// Without the default in view, a removal could lower retention: better to ask for the name.
		const unseen = planConfigChanges(current, [], ['retention.ms'], undefined);
		expect(unseen.ok && dataLossReasons(unseen.value)).toEqual([expect.stringContaining('goes back to a default ktop cannot see')]);
	});
});

describe('edit configs', () => {
	const world = () => ({topics: [topic('orders', 3, {configOverrides: {'retention.ms': '3600000'}}), topic('plain', 1)]});

	it('lists the current configs with their source, overrides first', async () => {
		const {open} = setup(world());
		const lines = (await open('editConfigs', {topic: 'orders'}).info!()).lines;
		expect(lines[0]).toBe('1 override first');
		expect(lines[1]).toMatch(/^retention\.ms\s+3600000\s+topic override$/);
		expect(lines.slice(2).every(line => / default$| broker$/.test(line))).toBe(true);
	});

	it('previews "before → after" per config, dry-runs, and applies without typing when nothing can be deleted', async () => {
		const {open, fake} = setup(world());
		const preview = await previewOf(open('editConfigs', {topic: 'orders'}), {set: 'segment.bytes=1048576', remove: 'retention.ms'});
		expect(preview.lines).toEqual([
			'segment.bytes  1073741824 (default)      →  1048576 (topic override)',
			'retention.ms   3600000 (topic override)  →  604800000 (default), override removed',
		]);
		expect(preview.typed).toBeUndefined();
		const changes = [{name: 'segment.bytes', value: '1048576'}, {name: 'retention.ms', value: undefined}];
		expect(fake.writes()).toEqual([{method: 'alterTopicConfigs', args: ['orders', changes, {validateOnly: true}]}]);
		expect(await preview.apply()).toEqual({status: 'applied', lines: ['segment.bytes = 1048576', 'retention.ms: override removed']});
		expect(fake.topics.get('orders')!.overrides).toEqual({'segment.bytes': '1048576'});
	});

	it('asks for the topic name when a change can delete data', async () => {
		const preview = await previewOf(setup(world()).open('editConfigs', {topic: 'orders'}), {set: 'retention.ms=60000'});
		expect(preview.typed).toBe('orders');
		expect(preview.lines).toEqual(['retention.ms  3600000 (topic override)  →  60000 (topic override)']);
		expect(preview.warnings[0]).toMatch(/^retention.ms lowered/);
	});

	it('refuses bad input and shows the broker\'s refusal of a value', async () => {
		const {open, fake} = setup(world());
		const spec = open('editConfigs', {topic: 'orders'});
		expect(await errorsOf(spec, {set: 'retention.ms'})).toEqual([expect.stringContaining('is not key=value')]);
		expect(await errorsOf(spec, {set: 'retension.ms=1'})).toEqual(['configs: unknown config retension.ms; did you mean retention.ms?']);
		fake.fails.set('alterTopicConfigs', failure('INVALID_CONFIG', 'cleanup.policy: "sometimes" is not compact or delete', undefined));
		expect(await errorsOf(spec, {set: 'cleanup.policy=sometimes'})).toEqual(['cleanup.policy: "sometimes" is not compact or delete']);
		fake.fails.set('describeTopicConfigs', failure('NO_REPLY', 'no broker answered', 'check the brokers'));
		expect(await errorsOf(spec, {set: 'retention.ms=1'})).toEqual(['could not read the configs of orders: no broker answered; check the brokers']);
	});
});
