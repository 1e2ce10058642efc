import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createClusterWriter} from '../../../../source/cluster/kafka/writer/cluster-writer.js';
import {WriteError, type WriteFailure} from '../../../../source/cluster/write-types.js';
import {deadPort, silentBroker} from '../fake-brokers.js';

async function failureOf(call: Promise<unknown>): Promise<WriteFailure> {
	const error = await call.then(() => undefined, (error: unknown) => error);
	if (!(error instanceof WriteError)) throw new Error(`expected a WriteError, got ${String(error)}`);
	return error.failure;
}

describe('a ClusterWriter with no broker to talk to', () => {
	let silent: Awaited<ReturnType<typeof silentBroker>>;
	let dead: number;
	beforeAll(async () => {
		silent = await silentBroker();
		dead = await deadPort();
	});
	afterAll(async () => silent.close());

	it('fails a write with NO_BROKER, bounded by its timeout, saying nothing was sent', async () => {
		const writer = createClusterWriter([`127.0.0.1:${dead}`, `127.0.0.1:${silent.port}`], {readOnly: false, requestTimeoutMs: 300, connectionTimeoutMs: 300});
		const started = performance.now();
		const failure = await failureOf(writer.createTopic({name: 'orders', partitions: 1, replicationFactor: 1, configs: {}}, {validateOnly: false}));
		expect(performance.now() - started).toBeLessThan(2000);
		expect(failure.code).toBe('NO_BROKER');
		expect(failure.message).toMatch(/^no broker answered a metadata request \(.*connection refused.*no reply within 300 ms.*\): nothing was sent$/);
		expect(failure.next).toContain('check that the brokers are up and reachable');
		expect(writer.connection).toBe(`bootstrap 127.0.0.1:${dead},127.0.0.1:${silent.port}`);
		await writer.close();
	});

	it('fails a read the same way, without the words about changes', async () => {
		const writer = createClusterWriter([`127.0.0.1:${dead}`], {readOnly: true, requestTimeoutMs: 300, connectionTimeoutMs: 300});
		const failure = await failureOf(writer.readPartitions(['orders']));
		expect(failure.code).toBe('NO_BROKER');
		expect(failure.message).not.toContain('nothing was sent');
		await writer.close();
	});
});
