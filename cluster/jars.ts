import {spawnSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {HarnessError} from './layout.js';
import {type ClusterVersion, jarSource, versionPom} from './versions.js';

const markerOf = (libDir: string) => path.join(libDir, '.fetched-from-pom');

function pomDigest(pomFile: string): string {
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
export function jarsPresent(version: ClusterVersion): boolean {
	const {libDir, pomFile} = jarSource(version);
	try {
		return fs.readFileSync(markerOf(libDir), 'utf8').trim() === pomDigest(pomFile);
	} catch {
		return false;
	}
}

/**
Copies Kafka's runtime classpath (ZooKeeper included) from Maven Central into the version's cache folder.
Fetches into a temporary folder and renames, so an interrupted fetch never looks complete.
*/
export function ensureJars(log: (line: string) => void, version: ClusterVersion): void {
	const {libDir, pomFile} = jarSource(version);
	if (version.kafka || version.zookeeper) {
		fs.mkdirSync(path.dirname(pomFile), {recursive: true});
		const pom = versionPom(version);
		if (!fs.existsSync(pomFile) || fs.readFileSync(pomFile, 'utf8') !== pom) fs.writeFileSync(pomFile, pom);
	}

	if (jarsPresent(version)) return;
	if (!commandExists('mvn', '-v')) {
		throw new HarnessError('mvn (Maven) was not found on PATH; it fetches the Kafka and ZooKeeper jars', 'Install Maven (e.g. `apt-get install -y maven`) and retry.');
	}

	const staging = `${libDir}.partial`;
	fs.rmSync(staging, {recursive: true, force: true});
	log(`fetching Kafka and ZooKeeper jars with Maven into ${libDir} (once)…`);
	const started = Date.now();
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
			'Check that Maven Central is reachable (proxy settings live in ~/.m2/settings.xml) and that the release exists there, then retry.',
		);
	}

	const jars = fs.existsSync(staging) ? fs.readdirSync(staging).filter(name => name.endsWith('.jar')) : [];
	if (!jars.some(name => /^kafka_2\.\d+-/.test(name)) || !jars.some(name => name.startsWith('zookeeper-'))) {
		throw new HarnessError(`Maven finished but ${staging} lacks the kafka_2.x or zookeeper jar`);
	}

	fs.rmSync(libDir, {recursive: true, force: true});
	fs.renameSync(staging, libDir);
	fs.writeFileSync(markerOf(libDir), `${pomDigest(pomFile)}\n`);
	log(`fetched ${jars.length} jars in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export function classpath(version: ClusterVersion): string {
	return path.join(jarSource(version).libDir, '*');
}
