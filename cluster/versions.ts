import fs from 'node:fs';
import path from 'node:path';
import {HarnessError, UsageError, libDir, pomFile, repoRoot} from './layout.js';

/**
Which release a cluster runs: the default (cluster/pom.xml, Kafka 3.9.1) or another Kafka,
optionally with another ZooKeeper, fetched into a cache folder of its own.
*/
export type ClusterVersion = {
	/** undefined: the default release of cluster/pom.xml. */
	kafka: string | undefined;
	/** undefined: the ZooKeeper that Kafka release depends on. */
	zookeeper: string | undefined;
	zkConfig: 'classic' | 'dynamic';
};

export const defaultKafkaVersion = '3.9.1';

/** Versioned jars and the Java 11 runtime live apart from any cluster's state, shared by all of them. */
export const cacheDir = path.resolve(process.env['KTOP_CLUSTER_CACHE'] ?? path.join(repoRoot, '.cluster'));

const versionPattern = /^\d+\.\d+\.\d+$/;

/** The ZooKeeper each tried Kafka release depends on (informative: Maven resolves it). */
export const knownZookeeper: Record<string, string> = {
	'2.0.0': '3.4.13',
	'2.8.2': '3.5.9',
	'3.3.1': '3.6.3',
	'3.9.1': '3.8.4',
};

export function compareVersions(a: string, b: string): number {
	const left = a.split('.').map(Number);
	const right = b.split('.').map(Number);
	for (let index = 0; index < Math.max(left.length, right.length); index++) {
		const difference = (left[index] ?? 0) - (right[index] ?? 0);
		if (difference !== 0) return Math.sign(difference);
	}

	return 0;
}

/** `--kafka`, `--zookeeper` and `--zk-config` taken out of argv; the rest is returned. */
export function parseVersionFlags(args: string[]): {version: ClusterVersion; rest: string[]; given: boolean} {
	const rest: string[] = [];
	let kafka: string | undefined;
	let zookeeper: string | undefined;
	let zkConfig: string | undefined;
	for (let index = 0; index < args.length; index++) {
		const arg = args[index]!;
		const match = /^--(kafka|zookeeper|zk-config)(?:=(.*))?$/.exec(arg);
		if (!match) {
			rest.push(arg);
			continue;
		}

		const value = match[2] ?? args[++index];
		if (value === undefined || value.startsWith('--')) throw new UsageError(`--${match[1]} needs a value`);
		if (match[1] === 'kafka') kafka = value;
		else if (match[1] === 'zookeeper') zookeeper = value;
		else zkConfig = value;
	}

	for (const [flag, value] of [['--kafka', kafka], ['--zookeeper', zookeeper]] as const) {
		if (value !== undefined && !versionPattern.test(value)) throw new UsageError(`${flag} ${value}: expected a release number such as 2.8.2`);
	}

	if (zkConfig !== undefined && zkConfig !== 'classic' && zkConfig !== 'dynamic') {
		throw new UsageError(`--zk-config ${zkConfig}: expected classic or dynamic`);
	}

	const given = kafka !== undefined || zookeeper !== undefined || zkConfig !== undefined;
	const version = resolveVersion({kafka: kafka === defaultKafkaVersion && !zookeeper ? undefined : kafka, zookeeper, zkConfig});
	return {version, rest, given};
}

/**
`KTOP_ZK_CLASSIC_CONFIG=1` writes zoo.cfg as most deployments (and every ZooKeeper 3.4) do:
`server.N=host:quorum:election` with `clientPort=`, so the server lines (and /zookeeper/config)
carry no client address.
Fills in the config form: ZooKeeper 3.4 has no dynamic configuration, so its zoo.cfg is classic;
otherwise dynamic, unless KTOP_ZK_CLASSIC_CONFIG=1 or --zk-config says otherwise.
*/
export function resolveVersion(input: {kafka: string | undefined; zookeeper: string | undefined; zkConfig: string | undefined}): ClusterVersion {
	const zookeeper = input.zookeeper ?? (input.kafka ? knownZookeeper[input.kafka] : knownZookeeper[defaultKafkaVersion]);
	const before35 = zookeeper !== undefined && compareVersions(zookeeper, '3.5.0') < 0;
	if (before35 && input.zkConfig === 'dynamic') {
		throw new UsageError(`--zk-config dynamic: ZooKeeper ${zookeeper} has no dynamic configuration (3.5+); use classic`);
	}

	const classicFromEnv = process.env['KTOP_ZK_CLASSIC_CONFIG'] === '1';
	const zkConfig = before35 ? 'classic' : (input.zkConfig ?? (classicFromEnv ? 'classic' : 'dynamic')) as 'classic' | 'dynamic';
	return {kafka: input.kafka, zookeeper: input.zookeeper, zkConfig};
}

/** The default release (cluster/pom.xml); the zoo.cfg form follows KTOP_ZK_CLASSIC_CONFIG. */
export function defaultVersion(): ClusterVersion {
	return resolveVersion({kafka: undefined, zookeeper: undefined, zkConfig: undefined});
}

export function describeVersion(version: ClusterVersion): string {
	const kafka = version.kafka ?? defaultKafkaVersion;
	const zookeeper = version.zookeeper ?? knownZookeeper[kafka] ?? 'its own';
	return `Kafka ${kafka}, ZooKeeper ${zookeeper}, ${version.zkConfig} zoo.cfg`;
}

/** The Scala build to fetch: 2.0 also has 2.12, but 2.11 is what its guides deploy; 2.12 exists for every later release. */
export function scalaBinaryFor(kafka: string): string {
	return compareVersions(kafka, '2.1.0') < 0 ? '2.11' : '2.12';
}

/** Where a version's jars are cached, and the pom that fetches them. */
export function jarSource(version: ClusterVersion): {libDir: string; pomFile: string} {
	if (!version.kafka && !version.zookeeper) return {libDir, pomFile};
	const name = `lib-kafka-${version.kafka ?? defaultKafkaVersion}${version.zookeeper ? `-zk-${version.zookeeper}` : ''}`;
	return {libDir: path.join(cacheDir, name), pomFile: path.join(cacheDir, `${name}.pom.xml`)};
}

/**
A pom for another release. Kafka's core jar holds TopicCommand and ConsumerGroupCommand before
3.5 (kafka-tools after), and log4j 1 is bound through slf4j-reload4j as in the default pom.
*/
export function versionPom(version: ClusterVersion): string {
	const kafka = version.kafka ?? defaultKafkaVersion;
	const artifact = `kafka_${scalaBinaryFor(kafka)}`;
	const tools = compareVersions(kafka, '3.5.0') >= 0
		? `    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka-tools</artifactId><version>${kafka}</version></dependency>\n`
		: '';
	const zookeeper = version.zookeeper
		? `  <dependencyManagement>\n    <dependencies>\n      <dependency><groupId>org.apache.zookeeper</groupId><artifactId>zookeeper</artifactId><version>${version.zookeeper}</version></dependency>\n    </dependencies>\n  </dependencyManagement>\n`
		: '';
	return `<?xml version="1.0" encoding="UTF-8"?>
<!-- written by the cluster harness for Kafka ${kafka}: fetches that release's jars, nothing is built -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.ktop</groupId>
  <artifactId>ktop-local-cluster-${kafka}</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
${zookeeper}  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>${artifact}</artifactId><version>${kafka}</version></dependency>
${tools}    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-reload4j</artifactId><version>1.7.36</version></dependency>
  </dependencies>
</project>
`;
}

/** The Kafka and ZooKeeper versions the fetched jars really are, read from their file names. */
export function jarVersions(dir: string): {kafka: string | undefined; zookeeper: string | undefined} {
	const names = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
	const kafka = names.map(name => /^kafka_2\.\d+-(\d+\.\d+\.\d+)\.jar$/.exec(name)?.[1]).find(Boolean);
	const zookeeper = names.map(name => /^zookeeper-(\d+\.\d+\.\d+)\.jar$/.exec(name)?.[1]).find(Boolean);
	return {kafka, zookeeper};
}

/**
ZooKeeper's client before 3.5.8 builds unresolved addresses that Java 14+ refuses
(UnresolvedAddressException), so JVMs with such a jar run on Java 11.
*/
export function needsJava11(zookeeperJar: string | undefined): boolean {
	return zookeeperJar !== undefined && compareVersions(zookeeperJar, '3.5.8') < 0;
}

/** The record of which version a cluster folder was made with: its state must never mix with another's. */
export function versionRecordPath(home: string): string {
	return path.join(home, 'cluster-version.json');
}

export function readVersionRecord(home: string): ClusterVersion | undefined {
	try {
		const raw = JSON.parse(fs.readFileSync(versionRecordPath(home), 'utf8')) as Partial<ClusterVersion>;
		return {kafka: raw.kafka ?? undefined, zookeeper: raw.zookeeper ?? undefined, zkConfig: raw.zkConfig === 'classic' ? 'classic' : 'dynamic'};
	} catch {
		return undefined;
	}
}

export function sameVersion(a: ClusterVersion, b: ClusterVersion): boolean {
	return a.kafka === b.kafka && a.zookeeper === b.zookeeper && a.zkConfig === b.zkConfig;
}

/**
The version a cluster folder runs. `requested` (from `up`'s flags) must match what the folder
was made with; a folder with data but no record was made by the default cluster.
*/
export function clusterVersionFor(home: string, requested: ClusterVersion | undefined): ClusterVersion {
	const recorded = readVersionRecord(home);
	const hasState = fs.existsSync(path.join(home, 'data'));
	const existing = recorded ?? (hasState ? defaultVersion() : undefined);
	if (!requested) return existing ?? defaultVersion();
	if (existing && hasState && !sameVersion(existing, requested)) {
		throw new HarnessError(
			`${home} holds a cluster made with ${describeVersion(existing)}; refusing to start ${describeVersion(requested)} on its data`,
			'Give the other version its own folder and ports (KTOP_CLUSTER_DIR, KTOP_ZK_PORTS, KTOP_KAFKA_PORTS…), or `npm run cluster -- reset` to wipe this one first.',
		);
	}

	return requested;
}

export function writeVersionRecord(home: string, version: ClusterVersion): void {
	fs.mkdirSync(home, {recursive: true});
	fs.writeFileSync(versionRecordPath(home), `${JSON.stringify({kafka: version.kafka ?? null, zookeeper: version.zookeeper ?? null, zkConfig: version.zkConfig}, null, '\t')}\n`);
}
