import {execFile} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {repoRoot, secureLayout} from '../../cluster/layout.js';
import {startTmux, type TmuxSession} from '../helpers/tmux.js';

const run = promisify(execFile);

/**
The built ktop's live view in tmux through each of the secure cluster's listeners, from the
client properties files the harness writes (the files Kafka's own tools take), with ZooKeeper
digest auth: the header names how ktop reaches the brokers, both brokers are up, the brokers pane
lists them, and no password reaches the screen or the log file.
*/
type Passwords = {zookeeperDigest: string} & Record<string, unknown>;
let passwords: Passwords;
let secrets: string[];
let folder: string;
let session: TmuxSession | undefined;

const listeners = [
	{name: 'SCRAM', file: secureLayout.files.scramProperties, words: 'SASL_SSL SCRAM-SHA-512 user ktop'},
	{name: 'mTLS', file: secureLayout.files.mtlsProperties, words: 'SSL client certificate'},
	{name: 'PLAIN', file: secureLayout.files.plainProperties, words: 'SASL_PLAINTEXT PLAIN user ktop'},
] as const;

describe('the live view on the secure cluster', () => {
	beforeAll(async () => {
		await run('npm', ['run', '--silent', 'build'], {cwd: repoRoot});
		passwords = JSON.parse(readFileSync(secureLayout.tls.passwords, 'utf8')) as Passwords;
		// Every string value of at least 8 characters in passwords.json: the stores', ZooKeeper's, the users'.
		secrets = [...JSON.stringify(passwords).matchAll(/"([^"]{8,})"/g)].map(match => match[1]!).filter(value => !/^[a-zA-Z]+$/.test(value));
		expect(secrets.length).toBeGreaterThan(3);
		folder = mkdtempSync(path.join(tmpdir(), 'ktop-tui-secure-'));
	});

	afterAll(async () => {
		await session?.kill();
		rmSync(folder, {recursive: true, force: true});
	});

	for (const listener of listeners) {
		it(`through ${listener.name}: header names it, both brokers up and listed, no secret on screen or in the log`, async () => {
			const log = path.join(folder, `${listener.name}.log`);
			const ktop = [
				'node', path.join(repoRoot, 'dist', 'cli.js'), '-i', '1', '--log-file', log,
				'--command-config', listener.file, '-z', secureLayout.zookeeperConnect,
			].join(' ');
			// The ZooKeeper secret through the environment, as the README advises (never on a command line).
			session = await startTmux(`sh -c '${ktop}; echo "AFTER-KTOP rc=$?"; sleep 600'`, {
				columns: 200, rows: 40,
				env: {KTOP_ZK_AUTH: `digest:ktop:${passwords.zookeeperDigest}`, KTOP_CONFIG: path.join(folder, 'none.yaml'), KTOP_ZOOKEEPER: '', KTOP_BOOTSTRAP: ''},
			});
			const screen = await session.waitForScreen(`the header over ${listener.name}`, text => text.includes(listener.words) && /brokers 2\/2 up/.test(text) && /zk 1\/1/.test(text), 60_000);
			expect(screen).not.toMatch(/STALE|backoff|authentication failed/);
			await session.send([':brokers'], {literal: true});
			await session.send(['Enter']);
			const brokers = await session.waitForScreen('the brokers pane', text => /^\s*1\s.*127\.0\.0\.1/m.test(text) && /^\s*2\s.*127\.0\.0\.1/m.test(text));
			await session.send(['q']);
			const after = await session.waitForScreen('ktop ended', text => text.includes('AFTER-KTOP rc=0'));
			await session.kill();
			session = undefined;
			const logText = readFileSync(log, 'utf8');
			expect(logText).toContain('refresh ok');
			for (const output of [screen, brokers, after, logText]) for (const secret of secrets) expect(output).not.toContain(secret);
		});
	}
});
