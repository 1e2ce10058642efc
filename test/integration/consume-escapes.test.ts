import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {bootstrapServers} from '../../cluster/layout.js';
import type {ConsumeSession} from '../../source/model/consume-types.js';
import {testKafka} from '../helpers/kafka.js';
import {ktop} from '../helpers/run-ktop.js';
import {caughtUp, collectingSession, kcatProduce, TestTopics} from './consume-helpers.js';

const admin = testKafka('ktop-consume-escapes-test').admin();
const topics = new TestTopics(admin);
const sessions: ConsumeSession[] = [];
let topic: string;

// OSC title change, screen clear, cursor home, carriage return, NUL; and a C1 CSI, a bidi override.
const osc = '\u001B]0;pwned\u0007';
const nastyKey = Buffer.from(`key${osc}\u001B[2J`, 'latin1');
const nastyValue = Buffer.concat([Buffer.from(`value${osc}\u001B[2J\u001B[H\rover\u0000nul`, 'latin1'), Buffer.from('\u009B31m\u202Eevil', 'utf8'), Buffer.from([0xFF, 0xFE])]);
// kcat takes headers on its command line, where NUL cannot go.
const nastyHeader = `${osc}\u001B[2J\u001B[H\r`;

beforeAll(async () => {
	await admin.connect();
	topic = await topics.create('ktop-consume-escapes', 1);
	// -K with a delimiter byte that appears nowhere else; the line ends the record.
	const input = Buffer.concat([nastyKey, Buffer.from('|'), nastyValue, Buffer.from('\n'), Buffer.from('plain|ok\n')]);
	await kcatProduce(topic, input, ['-p', '0', '-K', '|', '-H', `evil=${nastyHeader}`, '-H', `x${osc}=v`]);
});

afterAll(async () => {
	await Promise.all(sessions.map(async session => session.close()));
	await topics.deleteAll();
	await admin.disconnect();
});

describe('records with escape sequences and control characters', () => {
	it('come through the session byte for byte: making them safe is the view\'s job', async () => {
		const {session, records} = await collectingSession({topic, start: {kind: 'beginning'}});
		sessions.push(session);
		await caughtUp(session, 2);
		const [first] = records;
		expect(first!.key).toEqual(nastyKey);
		expect(first!.value).toEqual(nastyValue);
		expect(first!.headers.map(header => [header.key, header.value?.toString('latin1')])).toEqual([['evil', nastyHeader], [`x${osc}`, 'v']]);
	});

	it('are printed escaped by `ktop consume` without a terminal: no raw control byte reaches stdout', async () => {
		const result = await ktop(['consume', topic, '-b', bootstrapServers.join(','), '--from', 'beginning', '--exit']);
		expect(result.code).toBe(0);
		const lines = result.stdout.split('\n').filter(line => line !== '');
		expect(lines).toHaveLength(2);
		// No C0 control (tab separates fields), no DEL, no C1 control, no bidi override.
		expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202E]/);
		const fields = lines[0]!.split('\t');
		expect(fields.slice(0, 2)).toEqual(['0', '0']);
		expect(fields[3]).toBe('key\\x1b]0;pwned\\x07\\x1b[2J');
		expect(fields[4]).toBe('value\\x1b]0;pwned\\x07\\x1b[2J\\x1b[H\\rover\\x00nul\\x9b31m\\u202eevil\uFFFD\uFFFD');
		expect(fields[5]).toBe('h:evil=\\x1b]0;pwned\\x07\\x1b[2J\\x1b[H\\r');
		expect(fields[6]).toBe('h:x\\x1b]0;pwned\\x07=v');
		expect(lines[1]!.split('\t').slice(3)).toEqual(['plain', 'ok', 'h:evil=\\x1b]0;pwned\\x07\\x1b[2J\\x1b[H\\r', 'h:x\\x1b]0;pwned\\x07=v']);
	});
});
