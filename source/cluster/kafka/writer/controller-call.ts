import {WriteError} from '../../write-types.js';
import type {Wire} from '../kafkajs-wire.js';
import type {WriteSession} from './write-session.js';

/**
Sends a request to the controller (in ZooKeeper mode only the active controller creates, deletes
and grows topics, and elects leaders). When the reply says NOT_CONTROLLER, the controller moved
between the metadata read and the request, and nothing was done: read metadata again and send once
more. A request that got no reply is never sent again: it may have been applied.
*/
export async function callController<T>(session: WriteSession, send: (wire: Wire) => Promise<T>, notController: (reply: T) => boolean): Promise<T> {
	for (let attempt = 0; ; attempt++) {
		const metadata = await session.metadata(attempt > 0);
		const controller = metadata.controllerId;
		if (controller === undefined || controller < 0) {
			throw new WriteError({
				code: 'NO_BROKER',
				message: 'the cluster has no active controller right now',
				next: 'wait for a controller election (the brokers must reach ZooKeeper), then try again',
				detail: undefined,
			});
		}

		const reply = await session.call(controller, send);
		if (attempt === 0 && notController(reply)) continue;
		return reply;
	}
}
