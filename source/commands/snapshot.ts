import type {Connection} from '../model/reach.js';
import {type CollectOptions, collectSnapshot} from './collect.js';
import {exitStatus, reachedNothing} from './exit-status.js';
import {snapshotJson} from './snapshot-json.js';
import {snapshotText} from './snapshot-text.js';

/** `ktop snapshot [--json]`: exit 0, or 3 when nothing at all could be reached. */
export async function runSnapshot(connection: Connection, options: CollectOptions & {json: boolean}, write: (text: string) => void): Promise<number> {
	const snapshot = await collectSnapshot(connection, options);
	if (options.json) write(`${snapshotJson(snapshot)}\n`);
	else write(`${snapshotText(snapshot).join('\n')}\n`);
	return reachedNothing(snapshot) ? exitStatus.unknown : exitStatus.ok;
}
