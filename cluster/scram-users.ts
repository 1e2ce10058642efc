import {execFile} from 'node:child_process';
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {promisify} from 'node:util';
import {classpath} from './jars.js';
import {defaultVersion} from './versions.js';
import {HarnessError, secureLayout} from './layout.js';
import {type SecurePasswords, writePrivateFile} from './secure-secrets.js';
import {scramMechanism} from './secure-server-config.js';

const run = promisify(execFile);

/** Records which credentials ZooKeeper holds; under data/, so `reset` forgets it with the data. */
const markerFile = path.join(secureLayout.home, 'data', 'scram-users.sha256');

function digest(passwords: SecurePasswords): string {
	return createHash('sha256').update(JSON.stringify(passwords.scram)).digest('hex');
}

/**
Bootstraps the SCRAM users in ZooKeeper before the brokers start, as Kafka documents for
ZooKeeper mode: ConfigCommand --zookeeper, authenticated with the brokers' JAAS `Client` section
so the znodes get Kafka's ACLs. Skipped when ZooKeeper already holds these very credentials.
The password goes in a file (--add-config-file), never on a command line.
*/
export async function ensureScramUsers(passwords: SecurePasswords, log: (line: string) => void): Promise<void> {
	if (readMarker() === digest(passwords)) return;
	const users = Object.keys(passwords.scram);
	log(`creating the SCRAM users ${users.join(', ')} in ZooKeeper…`);
	const scratch = path.join(secureLayout.home, 'conf', 'scram-users');
	fs.mkdirSync(scratch, {recursive: true, mode: 0o700});
	try {
		await Promise.all(users.map(async user => {
			const file = path.join(scratch, `${user}.properties`);
			writePrivateFile(file, `${scramMechanism}=password=${passwords.scram[user]}\n`);
			try {
				await run('java', [
					'-Xmx128m', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC',
					`-Djava.security.auth.login.config=${secureLayout.files.zookeeperClientJaas}`,
					'-cp', classpath(defaultVersion()), 'kafka.admin.ConfigCommand',
					'--zookeeper', secureLayout.zookeeperConnect,
					'--alter', '--entity-type', 'users', '--entity-name', user, '--add-config-file', file,
				], {timeout: 60_000, maxBuffer: 4 * 1024 * 1024});
			} catch (error) {
				const {stdout, stderr, message} = error as {stdout?: string; stderr?: string; message: string};
				const output = `${stdout ?? ''}${stderr ?? ''}`.trim().split('\n').filter(line => /error|exception/i.test(line)).slice(-6).join('\n    ');
				throw new HarnessError(
					`could not create the SCRAM user ${user} with kafka.admin.ConfigCommand: ${output || message}`,
					`ZooKeeper's log is ${path.join(secureLayout.home, 'logs', 'zk1', 'zookeeper.log')}; \`npm run cluster -- reset --secure\` starts afresh.`,
				);
			}
		}));
	} finally {
		fs.rmSync(scratch, {recursive: true, force: true});
	}

	fs.writeFileSync(markerFile, `${digest(passwords)}\n`);
}

function readMarker(): string | undefined {
	try {
		return fs.readFileSync(markerFile, 'utf8').trim();
	} catch {
		return undefined;
	}
}
