import {describe, expect, it} from 'vitest';
import type {ClusterWriterOptions} from '../../source/cluster/kafka/writer/cluster-writer.js';
import type {ClusterWriter} from '../../source/cluster/write-types.js';
import type {Connection} from '../../source/model/reach.js';
import {clusterActions, writesRefused} from '../../source/ui/cluster-session.js';

const base: Connection = {zookeeper: undefined, bootstrap: ['k:9092']};

/** The options each writer was made with; the writer itself is never used. */
function capture(connection: Connection, readOnlyFlag: boolean): ClusterWriterOptions | undefined {
	let seen: ClusterWriterOptions | undefined;
	const actions = clusterActions(connection, readOnlyFlag, () => undefined, () => undefined, (_bootstrap, options) => {
		seen = options;
		return {close: async () => undefined} as unknown as ClusterWriter;
	});
	actions.factory('createTopic', {});
	return seen;
}

describe('read-only reaches the cluster writer', () => {
	it('a read-only context makes the writer read-only whatever --read-only says, and names the context', () => {
		const readOnlyContext: Connection = {...base, context: {name: 'prod', readOnly: true}};
		expect(capture(readOnlyContext, false)).toMatchObject({readOnly: true, readOnlyContext: 'prod'});
		expect(capture(readOnlyContext, true)).toMatchObject({readOnly: true, readOnlyContext: 'prod'});
		expect(writesRefused(readOnlyContext, false)).toBe(true);
	});

	it('a writable context is writable unless --read-only; without a context, --read-only alone decides', () => {
		const writable: Connection = {...base, context: {name: 'dev', readOnly: false}};
		expect(capture(writable, false)).toMatchObject({readOnly: false, readOnlyContext: undefined});
		expect(capture(writable, true)).toMatchObject({readOnly: true, readOnlyContext: undefined});
		expect(capture(base, false)).toMatchObject({readOnly: false});
		expect(capture(base, true)).toMatchObject({readOnly: true});
	});
});
