import {describe, expect, it} from 'vitest';
import {guardReadOnly} from '../../../../source/cluster/kafka/writer/read-only-guard.js';
import {WriteError, type ClusterWriter} from '../../../../source/cluster/write-types.js';

/** A writer whose every method records that it ran. */
function recordingWriter(readOnly: boolean, calls: string[]): ClusterWriter {
	const writer: Record<string, unknown> = {readOnly, connection: 'bootstrap test:9092'};
	const methods = ['describeTopicConfigs', 'readPartitions', 'listOffsets', 'groupOffsets', 'createTopic', 'deleteTopic', 'createPartitions',
		'alterTopicConfigs', 'replaceTopicConfigs', 'produce', 'deleteRecords', 'electPreferredLeaders', 'requestPreferredElection', 'commitGroupOffsets', 'deleteGroup',
		'apiVersions', 'knownApiVersions', 'preferredElectionRunning', 'close',
		// One ClusterWriter does not have (yet): a new write must be refused without being listed anywhere.
		'someFutureWrite'];
	for (const name of methods) {
		writer[name] = async () => {
			calls.push(name);
		};
	}

	return writer as ClusterWriter;
}

describe('guardReadOnly', () => {
	it('refuses every method but the reads and close before it runs, including methods added later', async () => {
		const calls: string[] = [];
		const guarded = guardReadOnly(recordingWriter(true, calls)) as ClusterWriter & Record<string, () => Promise<void>>;
		for (const name of ['createTopic', 'deleteTopic', 'createPartitions', 'alterTopicConfigs', 'replaceTopicConfigs', 'produce', 'deleteRecords', 'electPreferredLeaders', 'requestPreferredElection', 'commitGroupOffsets', 'deleteGroup', 'someFutureWrite']) {
			const error = await guarded[name]!().then(() => undefined, (error: unknown) => error);
			expect(error, name).toBeInstanceOf(WriteError);
			expect((error as WriteError).failure).toEqual({
				code: 'READ_ONLY',
				message: 'ktop is in read-only mode (--read-only): nothing was sent',
				next: 'restart ktop without --read-only to make changes',
				detail: undefined,
			});
		}

		expect(calls).toEqual([]);
		for (const name of ['describeTopicConfigs', 'readPartitions', 'listOffsets', 'groupOffsets', 'apiVersions', 'knownApiVersions', 'preferredElectionRunning', 'close']) await guarded[name]!();
		expect(calls).toEqual(['describeTopicConfigs', 'readPartitions', 'listOffsets', 'groupOffsets', 'apiVersions', 'knownApiVersions', 'preferredElectionRunning', 'close']);
		expect(guarded.readOnly).toBe(true);
		expect(guarded.connection).toBe('bootstrap test:9092');
	});

	it('leaves a writer that is not read-only as it is', () => {
		const writer = recordingWriter(false, []);
		expect(guardReadOnly(writer)).toBe(writer);
	});
});

describe('guardReadOnly for a read-only context', () => {
	it('names the context and the config file, not --read-only, as the reason', async () => {
		const calls: string[] = [];
		const guarded = guardReadOnly(recordingWriter(true, calls), 'prod') as unknown as Record<string, () => Promise<void>>;
		const error = await guarded['deleteTopic']!().then(() => undefined, (error: unknown) => error);
		expect((error as WriteError).failure).toMatchObject({
			code: 'READ_ONLY',
			message: 'context prod is read-only: nothing was sent',
			next: 'its config file marks it read-only: true, and no flag overrides that; change the file to make changes',
		});
		expect(calls).toEqual([]);
	});
});
