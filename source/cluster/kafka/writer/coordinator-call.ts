import {setTimeout as sleep} from 'node:timers/promises';
import {WriteError} from '../../write-types.js';
import type {Wire} from '../kafkajs-wire.js';
import {coordinatorMoved, kafkaFailure} from './write-failure.js';
import type {WriteSession} from './write-session.js';

/** A short pause before asking again: a coordinator that moved or is loading settles in moments. */
const settleMs = 300;
const offsetsTopic = '__consumer_offsets';

/**
Sends a request to the group's coordinator, found with FindCoordinator (any broker answers it).
When FindCoordinator or the reply says the coordinator is not there (NOT_COORDINATOR: it moved;
COORDINATOR_LOAD_IN_PROGRESS / COORDINATOR_NOT_AVAILABLE: it is loading the group, or
__consumer_offsets is being created), nothing was done: find it again and send once more.
`coordinatorError` reads that code out of a reply (undefined when there is none).
*/
export async function callCoordinator<T>(session: WriteSession, group: string, send: (wire: Wire) => Promise<T>, coordinatorError: (reply: T) => number | undefined): Promise<T> {
	// On a cluster without __consumer_offsets, FindCoordinator makes the broker create it: a ZooKeeper write.
	const trouble = session.zookeeperTrouble();
	if (trouble !== undefined && !(await session.metadata()).topicMetadata.some(topic => topic.topic === offsetsTopic)) {
		throw new WriteError({code: 'ZOOKEEPER_UNAVAILABLE', message: `${trouble}: nothing was sent (the cluster has no ${offsetsTopic} yet, and finding a group's coordinator would create it)`, next: 'wait until ZooKeeper has its quorum again, then try again', detail: undefined});
	}

	for (let attempt = 0; ; attempt++) {
		const found = await session.callAny(async wire => wire.findGroupCoordinator(group));
		if (found.errorCode !== 0) {
			if (attempt === 0 && coordinatorMoved.has(found.errorCode)) {
				await sleep(settleMs);
				continue;
			}

			throw new WriteError(kafkaFailure(found.errorCode, {group}, found.errorMessage));
		}

		const {host, port} = found.coordinator;
		const reply = await session.call({host, port}, send);
		const error = coordinatorError(reply);
		if (attempt === 0 && error !== undefined && coordinatorMoved.has(error)) {
			await sleep(settleMs);
			continue;
		}

		return reply;
	}
}
