import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {libDir} from '../cluster/layout.js';

export type MachineInfo = {
	os: string;
	cpus: {model: string; count: number};
	memoryGiB: number;
	node: string;
	java: string | undefined;
	kafka: string | undefined;
	zookeeper: string | undefined;
	kcat: string | undefined;
	kafkaHeap: string;
};

/** What the figures were measured on: they mean little without it. */
export function machineInfo(): MachineInfo {
	const cpus = os.cpus();
	const jars = fs.existsSync(libDir) ? fs.readdirSync(libDir) : [];
	const versionOf = (pattern: RegExp) => jars.map(jar => pattern.exec(jar)?.[1]).find(Boolean);
	return {
		os: `${os.type()} ${os.release()} ${os.arch()}`,
		cpus: {model: cpus[0]?.model ?? 'unknown', count: cpus.length},
		memoryGiB: Math.round(os.totalmem() / 1024 ** 3 * 10) / 10,
		node: process.version,
		// java prints its version on stderr.
		java: output('java', ['-version'], 'stderr').find(line => line.includes('version')),
		kafka: versionOf(/^kafka_2\.\d+-(.+)\.jar$/),
		zookeeper: versionOf(/^zookeeper-(\d[\d.]*)\.jar$/),
		kcat: output('kcat', ['-V'], 'stdout').find(line => line.startsWith('Version'))?.replace(/ builtin\.features.*$/, ')'),
		kafkaHeap: process.env['KTOP_KAFKA_HEAP'] ?? '512m',
	};
}

function output(command: string, args: string[], stream: 'stdout' | 'stderr'): string[] {
	const result = spawnSync(command, args, {encoding: 'utf8'});
	return (result[stream] ?? '').split('\n').map(line => line.trim());
}

export const libJars = () => path.join(libDir, '*');
