import {render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, it, vi} from 'vitest';
import type {ClusterReach} from '../../source/model/reach.js';
import {ReachView} from '../../source/ui/reach-view.js';

const reach: ClusterReach = {
	takenAt: Date.now(),
	zookeeper: {
		connect: '127.0.0.1:2181',
		servers: [{host: '127.0.0.1', port: 2181, state: 'serving', stats: {
			version: '3.8.4', latency: {min: 0, avg: 0.5, max: 3}, received: 10, sent: 9, connections: 2,
			outstanding: 0, zxid: 0x2_0000_0010n, mode: 'leader', nodeCount: 40,
		}}],
		clusterId: 'abc\u001B]0;owned\u0007',
		controllerId: 2,
		registrations: [],
		error: undefined,
	},
	kafka: {bootstrap: ['127.0.0.1:9092'], view: undefined, error: 'connection refused'},
};

async function settle(): Promise<void> {
	await new Promise(resolve => setTimeout(resolve, 20));
}

describe('ReachView', () => {
	afterEach(() => vi.restoreAllMocks());

	it('renders what the loader returned, with cluster strings escaped', async () => {
		const load = vi.fn(async () => reach);
		const {lastFrame, unmount} = render(<ReachView load={load} intervalMs={60_000} />);
		await settle();
		const frame = lastFrame()!;
		expect(load).toHaveBeenCalledTimes(1);
		expect(frame).toContain(String.raw`cluster abc\x1b]0;owned\x07`);
		expect(frame).toContain('127.0.0.1:2181  leader    zxid 0x200000010');
		expect(frame).toContain('controller broker 2');
		expect(frame).toContain('brokers: connection refused');
		expect(frame).not.toContain('\u0007');
		unmount();
	});

	it('shows a failed refresh instead of crashing', async () => {
		const load = vi.fn(async (): Promise<ClusterReach> => {
			throw new Error('boom \u001B[2J');
		});
		const {lastFrame, unmount} = render(<ReachView load={load} intervalMs={60_000} />);
		await settle();
		expect(lastFrame()).toContain(String.raw`refresh failed: boom \x1b[2J`);
		unmount();
	});

	it('quits on q, which stops refreshing', async () => {
		const load = vi.fn(async () => reach);
		const {stdin, lastFrame, unmount} = render(<ReachView load={load} intervalMs={30} />);
		await new Promise(resolve => setTimeout(resolve, 100));
		expect(lastFrame()).toContain('q quits');
		expect(load.mock.calls.length).toBeGreaterThan(1);
		stdin.write('q');
		await settle();
		const callsAtQuit = load.mock.calls.length;
		await new Promise(resolve => setTimeout(resolve, 150));
		expect(load.mock.calls.length).toBe(callsAtQuit);
		unmount();
	});
});
