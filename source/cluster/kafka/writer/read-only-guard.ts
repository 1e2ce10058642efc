import {WriteError, type ClusterWriter} from '../../write-types.js';

/**
The methods a read-only writer keeps. An allow-list, not a block-list: a write method added to
ClusterWriter later is refused in read-only mode without anyone remembering to list it.
*/
const allowedReadOnly: ReadonlySet<string> = new Set<keyof ClusterWriter>(['describeTopicConfigs', 'readPartitions', 'listOffsets', 'groupOffsets', 'zookeeperTrouble', 'apiVersions', 'knownApiVersions', 'preferredElectionRunning', 'close']);

/** `context`: the read-only context the writer is for; else --read-only made it read-only. */
export function readOnlyError(context?: string): WriteError {
	return new WriteError({
		code: 'READ_ONLY',
		message: context === undefined ? 'ktop is in read-only mode (--read-only): nothing was sent' : `context ${context} is read-only: nothing was sent`,
		next: context === undefined
			? 'restart ktop without --read-only to make changes'
			: 'its config file marks it read-only: true, and no flag overrides that; change the file to make changes',
		detail: undefined,
	});
}

/**
In read-only mode, every method but the reads above throws READ_ONLY at once: before a metadata
read, before a connection is opened. Enforced here, below the UI, so no view, key or later feature
can send a write past it.
*/
export function guardReadOnly(writer: ClusterWriter, context?: string): ClusterWriter {
	if (!writer.readOnly) return writer;
	const guarded: Record<string, unknown> = {...writer};
	for (const [name, member] of Object.entries(writer)) {
		if (typeof member === 'function' && !allowedReadOnly.has(name)) {
			guarded[name] = async () => {
				throw readOnlyError(context);
			};
		}
	}

	return Object.freeze(guarded) as ClusterWriter;
}
