import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {type ClusterVersion, defaultKafkaVersion, resolveVersion} from '../../cluster/versions.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
The environment the compat suite's cluster and tests share: the release (KTOP_COMPAT_*), a folder
per release below .cluster-compat/ and ports from KTOP_COMPAT_PORT_BASE (default 24000), so it never
meets the shared cluster's state or ports. The jars stay in the shared cache (.cluster/lib-kafka-*).
*/
export function compatEnv(version: ClusterVersion): Record<string, string> {
	const base = Number(process.env['KTOP_COMPAT_PORT_BASE'] ?? 24_000);
	const ports = (offset: number) => [1, 2, 3].map(index => base + offset + index).join(',');
	const name = `${version.kafka ?? defaultKafkaVersion}${version.zookeeper ? `-zk-${version.zookeeper}` : ''}-${version.zkConfig}`;
	return {
		KTOP_COMPAT_KAFKA: version.kafka ?? '',
		KTOP_COMPAT_ZOOKEEPER: version.zookeeper ?? '',
		KTOP_COMPAT_ZK_CONFIG: version.zkConfig,
		KTOP_CLUSTER_DIR: path.join(repoRoot, '.cluster-compat', name),
		KTOP_ZK_PORTS: ports(180),
		KTOP_ZK_QUORUM_PORTS: ports(280),
		KTOP_ZK_ELECTION_PORTS: ports(380),
		KTOP_ZK_ADMIN_PORT: String(base + 480),
		KTOP_KAFKA_PORTS: ports(91),
	};
}

/** The release the suite runs against, as the runner passed it. */
export function compatVersion(): ClusterVersion {
	const kafka = process.env['KTOP_COMPAT_KAFKA'];
	if (kafka === undefined) throw new Error('the compat suite runs through `npm run test:compat -- --kafka <version>`, which sets KTOP_COMPAT_KAFKA');
	return resolveVersion({kafka: kafka || undefined, zookeeper: process.env['KTOP_COMPAT_ZOOKEEPER'] || undefined, zkConfig: process.env['KTOP_COMPAT_ZK_CONFIG']});
}
