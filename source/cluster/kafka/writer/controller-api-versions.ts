import type {BrokerApis} from '../../write-types.js';
import {WriteError} from '../../write-types.js';
import type {WriteSession} from './write-session.js';

/**
The controller's ApiVersions answer, which the wire learned when it connected (no request of its
own). The controller takes every topic write and election, so its versions are the ones the
actions check; `hidden` API keys are left out (a test hook that makes a current broker look like an
older one, so the fallbacks can be exercised against it).
*/
export async function controllerApiVersions(session: WriteSession, hidden: readonly number[] = []): Promise<BrokerApis> {
	const metadata = await session.metadata();
	const target = metadata.controllerId !== undefined && metadata.controllerId >= 0 ? metadata.controllerId : metadata.brokers[0]?.nodeId;
	if (target === undefined) {
		throw new WriteError({code: 'NO_BROKER', message: 'the metadata lists no broker', next: 'check that the brokers are up', detail: undefined});
	}

	const versions = await session.call(target, async wire => wire.apiVersions());
	if (!versions) throw new WriteError({code: 'NO_REPLY', message: 'the broker\'s API versions are not known yet', next: 'try again', detail: undefined});
	return new Map([...versions].filter(([key]) => !hidden.includes(key)));
}
