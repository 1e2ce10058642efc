import {describe, expect, it} from 'vitest';
import {trackSessions} from '../../../source/ui/consume/track-sessions.js';
import {fakeSession} from './fake-session.js';

describe('trackSessions', () => {
	it('closes what is still open, each session once, and passes everything else through', async () => {
		const sessions = [fakeSession({topic: 'a'}), fakeSession({topic: 'b'})];
		const log: string[] = [];
		const tracked = trackSessions(async topic => sessions.find(session => session.topic === topic)!, line => log.push(line));
		const a = await tracked.open('a');
		const b = await tracked.open('b');
		expect([a.topic, b.topic, a.start.kind]).toEqual(['a', 'b', 'end']);
		a.pause();
		expect(sessions[0]!.getStats().paused).toBe(true);
		await a.close();
		await a.close();
		await tracked.closeAll();
		expect(sessions.map(session => session.closeCalls)).toEqual([1, 1]);
		expect(log).toEqual(['consume a: opened', 'consume b: opened', 'consume a: closed', 'consume b: closed']);
	});

	it('lets a failure to open through, logged', async () => {
		const log: string[] = [];
		const tracked = trackSessions(async () => {
			throw new Error('unknown topic');
		}, line => log.push(line));
		await expect(tracked.open('x')).rejects.toThrow('unknown topic');
		expect(log).toEqual(['consume x: cannot open: unknown topic']);
	});
});
