/** A create-topic-like form opened with `n` on the stub topics pane, for the dialog's tests. */
import type {AppProps} from '../../../source/ui/app.js';
import type {FieldSpec} from '../../../source/model/actions/types.js';
import {fakeStore, renderApp} from '../harness.js';
import {healthySnapshot} from '../snapshots.js';
import {fakeActions, scriptedSpec, settle} from './fake-actions.js';

export const fields: FieldSpec[] = [
	{id: 'name', label: 'Name', initial: '', hint: 'letters, digits, . _ -'},
	{id: 'partitions', label: 'Partitions', initial: '3', hint: '1-10000'},
	{id: 'cleanup', label: 'Cleanup policy', initial: 'delete', choices: ['delete', 'compact', 'delete,compact']},
];

export async function openForm(options: {info?: boolean; fields?: FieldSpec[]; extra?: Partial<AppProps>} = {}) {
	const scripted = scriptedSpec({id: 'createTopic', title: 'Create topic', fields: options.fields ?? fields, info: options.info ?? false});
	const actions = fakeActions(() => scripted.spec);
	let refreshes = 0;
	const extra: Partial<AppProps> = {actions: actions.factory, refreshNow: () => refreshes++, ...options.extra};
	const app = await renderApp(fakeStore(healthySnapshot()), extra);
	await app.type('n');
	await settle();
	return {app, ...scripted, actions, refreshes: () => refreshes};
}

/** The line of the frame that holds `text`. */
export function lineWith(frame: string, text: string): string | undefined {
	return frame.split('\n').find(line => line.includes(text));
}
