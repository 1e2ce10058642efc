import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {HarnessError, UsageError} from '../../cluster/layout.js';
import {
	clusterVersionFor, jarSource, jarVersions, needsJava11, parseVersionFlags, readVersionRecord, versionPom, writeVersionRecord,
} from '../../cluster/versions.js';

afterEach(() => {
	vi.unstubAllEnvs();
});

describe('parseVersionFlags', () => {
	it('takes --kafka, --zookeeper and --zk-config out of the arguments, in both spellings', () => {
		const {version, rest, given} = parseVersionFlags(['up', '--kafka', '2.8.2', '--zookeeper=3.5.10', '--zk-config', 'classic']);
		expect(rest).toEqual(['up']);
		expect(given).toBe(true);
		expect(version).toEqual({kafka: '2.8.2', zookeeper: '3.5.10', zkConfig: 'classic'});
	});

	it('forces a classic zoo.cfg for ZooKeeper 3.4, which has no dynamic configuration', () => {
		expect(parseVersionFlags(['--kafka', '2.0.0']).version.zkConfig).toBe('classic');
		expect(() => parseVersionFlags(['--kafka', '2.0.0', '--zk-config', 'dynamic'])).toThrow(/3\.4\.13 has no dynamic configuration/);
	});

	it('defaults to dynamic from 3.5 on, classic under KTOP_ZK_CLASSIC_CONFIG=1', () => {
		vi.stubEnv('KTOP_ZK_CLASSIC_CONFIG', undefined);
		expect(parseVersionFlags(['--kafka', '2.8.2']).version.zkConfig).toBe('dynamic');
		vi.stubEnv('KTOP_ZK_CLASSIC_CONFIG', '1');
		expect(parseVersionFlags(['--kafka', '2.8.2']).version.zkConfig).toBe('classic');
	});

	it('treats --kafka 3.9.1 alone as the default release, and no flag as none given', () => {
		expect(parseVersionFlags(['--kafka', '3.9.1']).version.kafka).toBeUndefined();
		expect(parseVersionFlags(['up']).given).toBe(false);
	});

	it('refuses a missing value, a value that is no release and an unknown config form', () => {
		expect(() => parseVersionFlags(['--kafka'])).toThrow(UsageError);
		expect(() => parseVersionFlags(['--kafka', '--secure'])).toThrow(/needs a value/);
		expect(() => parseVersionFlags(['--kafka', 'latest'])).toThrow(/expected a release number/);
		expect(() => parseVersionFlags(['--zk-config', 'static'])).toThrow(/classic or dynamic/);
	});
});

describe('the jars of a release', () => {
	it('caches each release (and ZooKeeper override) in a folder of its own', () => {
		expect(path.basename(jarSource({kafka: '2.8.2', zookeeper: undefined, zkConfig: 'dynamic'}).libDir)).toBe('lib-kafka-2.8.2');
		expect(path.basename(jarSource({kafka: '2.0.0', zookeeper: '3.4.14', zkConfig: 'classic'}).libDir)).toBe('lib-kafka-2.0.0-zk-3.4.14');
	});

	it('fetches the Scala build the guides deploy, and pins ZooKeeper only when asked', () => {
		const old = versionPom({kafka: '2.0.0', zookeeper: undefined, zkConfig: 'classic'});
		expect(old).toContain('<artifactId>kafka_2.11</artifactId><version>2.0.0</version>');
		expect(old).not.toContain('dependencyManagement');
		expect(old).not.toContain('kafka-tools');
		const pinned = versionPom({kafka: '3.3.1', zookeeper: '3.6.4', zkConfig: 'dynamic'});
		expect(pinned).toContain('<artifactId>kafka_2.12</artifactId><version>3.3.1</version>');
		expect(pinned).toContain('<artifactId>zookeeper</artifactId><version>3.6.4</version>');
		// Maven rejects "--" inside an XML comment.
		expect(pinned).not.toMatch(/<!--(?:(?!-->)[\s\S])*--(?!>)/);
	});

	it('reads the releases the fetched jars really are', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ktop-jars-'));
		for (const name of ['kafka_2.11-2.0.0.jar', 'kafka-clients-2.0.0.jar', 'zookeeper-3.4.13.jar', 'zookeeper-jute-3.5.9.jar']) fs.writeFileSync(path.join(dir, name), '');
		expect(jarVersions(dir)).toEqual({kafka: '2.0.0', zookeeper: '3.4.13'});
		fs.rmSync(dir, {recursive: true});
	});

	it('runs ZooKeeper clients before 3.5.8 on Java 11', () => {
		expect(needsJava11('3.4.13')).toBe(true);
		expect(needsJava11('3.5.7')).toBe(true);
		expect(needsJava11('3.5.8')).toBe(false);
		expect(needsJava11('3.5.9')).toBe(false);
		expect(needsJava11(undefined)).toBe(false);
	});
});

describe('the release a cluster folder was made with', () => {
	const folder = () => fs.mkdtempSync(path.join(os.tmpdir(), 'ktop-cluster-'));

	it('keeps the recorded release for the verbs that name none', () => {
		const home = folder();
		writeVersionRecord(home, {kafka: '2.8.2', zookeeper: undefined, zkConfig: 'dynamic'});
		fs.mkdirSync(path.join(home, 'data'));
		expect(readVersionRecord(home)).toEqual({kafka: '2.8.2', zookeeper: undefined, zkConfig: 'dynamic'});
		expect(clusterVersionFor(home, undefined).kafka).toBe('2.8.2');
		expect(clusterVersionFor(home, {kafka: '2.8.2', zookeeper: undefined, zkConfig: 'dynamic'}).kafka).toBe('2.8.2');
		fs.rmSync(home, {recursive: true});
	});

	it('refuses another release on a folder with data, naming both and the way out', () => {
		const home = folder();
		writeVersionRecord(home, {kafka: '2.8.2', zookeeper: undefined, zkConfig: 'dynamic'});
		fs.mkdirSync(path.join(home, 'data'));
		let error: unknown;
		try {
			clusterVersionFor(home, {kafka: '3.3.1', zookeeper: undefined, zkConfig: 'dynamic'});
		} catch (thrown) {
			error = thrown;
		}

		expect(error).toBeInstanceOf(HarnessError);
		expect((error as HarnessError).message).toMatch(/made with Kafka 2\.8\.2.*refusing to start Kafka 3\.3\.1/);
		expect((error as HarnessError).hint).toMatch(/KTOP_CLUSTER_DIR.*reset/);
		fs.rmSync(home, {recursive: true});
	});

	it('takes a folder with data and no record for the default release', () => {
		const home = folder();
		fs.mkdirSync(path.join(home, 'data'));
		expect(() => clusterVersionFor(home, {kafka: '2.0.0', zookeeper: undefined, zkConfig: 'classic'})).toThrow(/made with Kafka 3\.9\.1/);
		const fresh = folder();
		expect(clusterVersionFor(fresh, {kafka: '2.0.0', zookeeper: undefined, zkConfig: 'classic'}).kafka).toBe('2.0.0');
		fs.rmSync(home, {recursive: true});
		fs.rmSync(fresh, {recursive: true});
	});
});
