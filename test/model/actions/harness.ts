import {expect} from 'vitest';
import {createActionFactory} from '../../../source/model/actions/catalog.js';
import type {ActionFactory, ActionId, ActionSpec, ActionSubject, Preview} from '../../../source/model/actions/types.js';
import type {ClusterSnapshot} from '../../../source/model/types.js';
import {createFakeWriter} from './fake-writer.js';
import {snapshotOf} from './snapshot.js';

/** A factory over a fake writer seeded from the same snapshot. */
export function setup(parts: Parameters<typeof snapshotOf>[0] = {}, options: {readOnly?: boolean} = {}) {
	let current: ClusterSnapshot | undefined = snapshotOf(parts);
	const fake = createFakeWriter(current, options);
	const factory: ActionFactory = createActionFactory({snapshot: () => current, writer: fake.writer});
	return {
		fake, factory,
		snapshot: () => current!,
		setSnapshot(next: ClusterSnapshot | undefined) {
			current = next;
		},
		open: (id: ActionId, subject: ActionSubject = {}) => open(factory, id, subject),
	};
}

export function open(factory: ActionFactory, id: ActionId, subject: ActionSubject = {}): ActionSpec {
	const spec = factory(id, subject);
	if ('unavailable' in spec) throw new Error(`${id} unavailable: ${spec.unavailable}`);
	return spec;
}

/** The form's initial values with some changed, as the UI would send them. */
export function valuesOf(spec: ActionSpec, changed: Record<string, string> = {}): Record<string, string> {
	return {...Object.fromEntries(spec.fields.map(field => [field.id, field.initial])), ...changed};
}

export async function previewOf(spec: ActionSpec, changed: Record<string, string> = {}): Promise<Preview> {
	const result = await spec.plan(valuesOf(spec, changed));
	if (!result.ok) throw new Error(`plan refused: ${result.errors.join(' | ')}`);
	return result.preview;
}

export async function errorsOf(spec: ActionSpec, changed: Record<string, string> = {}): Promise<string[]> {
	const result = await spec.plan(valuesOf(spec, changed));
	expect(result.ok, 'the plan should be refused').toBe(false);
	return result.ok ? [] : result.errors;
}
