import type {ActionFactory, ActionId, ActionSpec, ActionSubject, Preview} from '../../source/model/actions/types.js';

/*
Driving an ActionSpec as the dialog does, for the model's unit tests (fake writer) and the
integration tests (real cluster) alike.
*/

/** The spec, or a thrown error naming why the factory refused it. */
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

/** The plan's errors; throws (failing the test) when the plan was accepted. */
export async function errorsOf(spec: ActionSpec, changed: Record<string, string> = {}): Promise<string[]> {
	const result = await spec.plan(valuesOf(spec, changed));
	if (result.ok) throw new Error(`plan accepted, expected it refused: ${result.preview.lines.join(' | ')}`);
	return result.errors;
}
