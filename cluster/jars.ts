import {spawnSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {HarnessError, libDir, pomFile} from './layout.js';

const markerFile = path.join(libDir, '.fetched-from-pom');

function pomDigest(): string {
	return createHash('sha256').update(fs.readFileSync(pomFile)).digest('hex');
}

export function commandExists(command: string, versionFlag: string): boolean {
	const result = spawnSync(command, [versionFlag], {stdio: 'ignore'});
	return !result.error;
}

export function requireJava(): void {
	if (!commandExists('java', '-version')) {
		throw new HarnessError('java was not found on PATH', 'Install Java 17 or newer (e.g. `apt-get install -y openjdk-17-jre-headless`) and retry.');
	}
}

/** The jars are fetched once per pom: a changed pom (new Kafka version) fetches again. */
export function jarsPresent(): boolean {
	try {
		return fs.readFileSync(markerFile, 'utf8').trim() === pomDigest();
	} catch {
		return false;
	}
}

/**
Copies Kafka's runtime classpath (ZooKeeper included) from Maven Central into the cache folder.
Fetches into a temporary folder and renames, so an interrupted fetch never looks complete.
*/
export function ensureJars(log: (line: string) => void): void {
	if (jarsPresent()) return;
	if (!commandExists('mvn', '-v')) {
		throw new HarnessError('mvn (Maven) was not found on PATH; it fetches the Kafka and ZooKeeper jars', 'Install Maven (e.g. `apt-get install -y maven`) and retry.');
	}

	const staging = `${libDir}.partial`;
	fs.rmSync(staging, {recursive: true, force: true});
	log(`fetching Kafka and ZooKeeper jars with Maven into ${libDir} (once)…`);
	const result = spawnSync('mvn', [
		'-B', '-q', '-f', pomFile,
		'dependency:copy-dependencies',
		'-DincludeScope=runtime',
		`-DoutputDirectory=${staging}`,
	], {encoding: 'utf8', maxBuffer: 64 * 1024 * 1024});
	if (result.status !== 0) {
		const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
		fs.rmSync(staging, {recursive: true, force: true});
		throw new HarnessError(
			`Maven could not fetch the Kafka jars (exit ${result.status ?? result.signal}):\n${output}`,
			'Check that Maven Central is reachable (proxy settings live in ~/.m2/settings.xml), then retry.',
		);
	}

	const jars = fs.readdirSync(staging).filter(name => name.endsWith('.jar'));
	if (!jars.some(name => name.startsWith('kafka_2.13-')) || !jars.some(name => name.startsWith('zookeeper-'))) {
		throw new HarnessError(`Maven finished but ${staging} lacks the kafka_2.13 or zookeeper jar`);
	}

	fs.rmSync(libDir, {recursive: true, force: true});
	fs.renameSync(staging, libDir);
	fs.writeFileSync(markerFile, `${pomDigest()}\n`);
	log(`fetched ${jars.length} jars`);
}

export function classpath(): string {
	return path.join(libDir, '*');
}
