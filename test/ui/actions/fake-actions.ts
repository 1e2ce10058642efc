/**
Scripted actions for the dialog's tests: every info(), plan() and apply() returns a promise the
test settles when it chooses, so the "reading…", "checking…" and "applying…" states can be
seen, and results can be made to arrive late (after Esc, after the dialog closed).
*/
import type {
	ActionFactory, ActionId, ActionSpec, ActionSubject, FieldSpec, InfoBlock, Outcome, PlanResult, Preview,
} from '../../../source/model/actions/types.js';

export type Deferred<T> = {promise: Promise<T>; resolve(value: T): void; reject(error: unknown): void};

export function deferred<T>(): Deferred<T> {
	let resolve!: (value: T) => void;
	let reject!: (error: unknown) => void;
	const promise = new Promise<T>((yes, no) => {
		resolve = yes;
		reject = no;
	});
	return {promise, resolve, reject};
}

export type ScriptedSpec = {
	spec: ActionSpec;
	/** One per info() call, in order. */
	infos: Array<Deferred<InfoBlock>>;
	/** One per plan() call: the values it was given, and its result to settle. */
	plans: Array<{values: Record<string, string>; result: Deferred<PlanResult>}>;
};

export function scriptedSpec(options: {id?: ActionId; title?: string; fields?: FieldSpec[]; info?: boolean} = {}): ScriptedSpec {
	const infos: ScriptedSpec['infos'] = [];
	const plans: ScriptedSpec['plans'] = [];
	const spec: ActionSpec = {
		id: options.id ?? 'createTopic',
		title: options.title ?? 'Create topic',
		fields: options.fields ?? [],
		plan(values) {
			const result = deferred<PlanResult>();
			plans.push({values: {...values}, result});
			return result.promise;
		},
	};
	if (options.info) {
		spec.info = () => {
			const block = deferred<InfoBlock>();
			infos.push(block);
			return block.promise;
		};
	}

	return {spec, infos, plans};
}

export type ScriptedPreview = {preview: Preview; applies: Array<Deferred<Outcome>>};

export function scriptedPreview(options: Partial<Omit<Preview, 'apply'>> = {}): ScriptedPreview {
	const applies: Array<Deferred<Outcome>> = [];
	const preview: Preview = {
		title: 'Create topic quotes',
		subject: 'topic quotes',
		target: {clusterId: 'lab-cluster', connection: 'bootstrap 127.0.0.1:9092'},
		lines: ['name        quotes', 'partitions  3'],
		warnings: [],
		typed: undefined,
		...options,
		apply() {
			const outcome = deferred<Outcome>();
			applies.push(outcome);
			return outcome.promise;
		},
	};
	return {preview, applies};
}

export type FakeActions = {
	factory: ActionFactory;
	/** Every call, in order: what the UI asked for. */
	calls: Array<{id: ActionId; subject: ActionSubject}>;
};

/** A factory answering with `answer` (by default a spec without fields, titled by the id and subject). */
export function fakeActions(answer?: (id: ActionId, subject: ActionSubject) => ActionSpec | {unavailable: string}): FakeActions {
	const calls: FakeActions['calls'] = [];
	return {
		calls,
		factory(id, subject) {
			calls.push({id, subject});
			return answer ? answer(id, subject) : scriptedSpec({id, title: `${id} ${JSON.stringify(subject)}`}).spec;
		},
	};
}

/** Lets the promise callbacks run, then Ink render. */
export async function settle(): Promise<void> {
	for (let index = 0; index < 3; index++) await new Promise(resolve => setImmediate(resolve));
}
