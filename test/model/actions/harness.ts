import {createActionFactory} from '../../../source/model/actions/catalog.js';
import type {ActionFactory, ActionId, ActionSubject} from '../../../source/model/actions/types.js';
import type {ClusterSnapshot} from '../../../source/model/types.js';
import {createFakeWriter} from './fake-writer.js';
import {snapshotOf} from './snapshot.js';
import {open} from '../../helpers/action-spec.js';

export {errorsOf, open, previewOf, valuesOf} from '../../helpers/action-spec.js';

/** A factory over a fake writer seeded from the same snapshot. */
export function setup(parts: Parameters<typeof snapshotOf>[0] = {}, options: Parameters<typeof createFakeWriter>[1] = {}) {
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
