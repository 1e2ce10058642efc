import type {ZkKafkaView, ZkPartitionState} from '../types.js';

/**
Parsers for the znodes Kafka (ZooKeeper mode, 0.10 to 3.x) keeps per topic and for its admin
requests. Each throws an Error naming the znode when the data is not what Kafka writes there;
callers record that against the one znode and go on with the rest.
*/

/**
/brokers/topics/<topic>, versions 1-3:
  {"version":1,"partitions":{"0":[1,2,3]}}
  {"version":2,"partitions":{…},"topic_id":"t6CbafIZTF6REGuEFEbuzg"}
  {"version":3,"partitions":{…},"topic_id":"…","adding_replicas":{"0":[4]},"removing_replicas":{"0":[1]}}
During a reassignment (2.4+), `partitions` holds the union of old and new replicas.
*/
export type TopicAssignment = {
	assignment: Record<number, number[]>;
	addingReplicas: Record<number, number[]>;
	removingReplicas: Record<number, number[]>;
	topicId: string | undefined;
};

export function parseTopicAssignment(topic: string, json: string): TopicAssignment {
	const path = `/brokers/topics/${topic}`;
	const raw = parseObject(json, path);
	if (typeof raw['partitions'] !== 'object' || raw['partitions'] === null) {
		throw new Error(`${path} has no partitions map`);
	}

	return {
		assignment: replicaMap(raw['partitions'], path),
		addingReplicas: replicaMap(raw['adding_replicas'], path),
		removingReplicas: replicaMap(raw['removing_replicas'], path),
		topicId: typeof raw['topic_id'] === 'string' ? raw['topic_id'] : undefined,
	};
}

/**
/brokers/topics/<topic>/partitions/<n>/state:
  {"controller_epoch":3,"leader":2,"version":1,"leader_epoch":3,"isr":[2,1,3]}
Kafka 3.2+ may add "leader_recovery_state"; unknown fields are ignored.
*/
export function parsePartitionState(topic: string, partition: number, json: string): ZkPartitionState {
	const path = `/brokers/topics/${topic}/partitions/${partition}/state`;
	const raw = parseObject(json, path);
	const {leader, leader_epoch: leaderEpoch, controller_epoch: controllerEpoch, isr} = raw;
	if (!isInteger(leader) || !isInteger(leaderEpoch) || !isInteger(controllerEpoch) || !Array.isArray(isr)) {
		throw new Error(`${path} is not a partition state: ${json.slice(0, 80)}`);
	}

	return {partition, leader, isr: isr.filter(isInteger), leaderEpoch, controllerEpoch};
}

/** /config/topics/<topic>: `{"version":1,"config":{"min.insync.replicas":"2"}}`, the overrides only. */
export function parseTopicConfig(topic: string, json: string): Record<string, string> {
	const path = `/config/topics/${topic}`;
	const raw = parseObject(json, path);
	const config = raw['config'];
	if (config === undefined || config === null) return {};
	if (typeof config !== 'object' || Array.isArray(config)) throw new Error(`${path} has no config map`);
	const overrides: Record<string, string> = {};
	for (const [key, value] of Object.entries(config)) {
		if (value !== null && value !== undefined) overrides[key] = String(value);
	}

	return overrides;
}

/** /cluster/id: `{"version":"1","id":"n3vcL_kPQBqE_SPkveCh6Q"}`. */
export function parseClusterId(json: string): string | undefined {
	const id = parseObject(json, '/cluster/id')['id'];
	return typeof id === 'string' ? id : undefined;
}

/**
/controller: `{"version":2,"brokerid":2,"timestamp":"1795293201327","kraftControllerEpoch":-1}`.
`since` is the broker's own clock when it became controller. A broker id of -1 (a migration
to KRaft in progress) is no controller ktop can name; a missing or non-numeric id is an error.
*/
export function parseController(json: string): ZkKafkaView['controller'] {
	const raw = parseObject(json, '/controller');
	const brokerId = raw['brokerid'];
	// Kafka's own parse fails on these too, so no broker can take over while it stays: an error, not "no controller".
	if (!isInteger(brokerId) || brokerId < -1) throw new Error(`/controller names no broker: ${json.slice(0, 80)}`);
	if (brokerId === -1) return undefined;
	const timestamp = Number(raw['timestamp']);
	return {brokerId, since: Number.isFinite(timestamp) && timestamp > 0 ? timestamp : undefined};
}

/** /controller_epoch: the epoch as plain text, `3`. */
export function parseControllerEpoch(text: string): number | undefined {
	const epoch = Number(text.trim());
	return text.trim() !== '' && Number.isInteger(epoch) ? epoch : undefined;
}

/**
/admin/reassign_partitions, written by the pre-2.4 reassignment tool and read by the controller:
  {"version":1,"partitions":[{"topic":"t","partition":0,"replicas":[1,2,3],"log_dirs":["any","any","any"]}]}
*/
export function parseReassignments(json: string): ZkKafkaView['reassignments'] {
	return partitionList(json, '/admin/reassign_partitions').flatMap(entry => {
		const replicas = entry['replicas'];
		return Array.isArray(replicas) ? [{topic: entry['topic'] as string, partition: entry['partition'] as number, replicas: replicas.filter(isInteger)}] : [];
	});
}

/** /admin/preferred_replica_election: `{"version":1,"partitions":[{"topic":"t","partition":0}]}`. */
export function parsePreferredElections(json: string): ZkKafkaView['preferredElections'] {
	return partitionList(json, '/admin/preferred_replica_election').map(entry => ({
		topic: entry['topic'] as string,
		partition: entry['partition'] as number,
	}));
}

/**
The reassignments a topic znode (version 3) shows in progress: target replicas are the
union in `partitions` less those being removed.
*/
export function reassignmentsInTopic(topic: string, parsed: TopicAssignment): ZkKafkaView['reassignments'] {
	const partitions = new Set([...Object.keys(parsed.addingReplicas), ...Object.keys(parsed.removingReplicas)].map(Number));
	return [...partitions].sort((a, b) => a - b).map(partition => {
		const removing = new Set(parsed.removingReplicas[partition] ?? []);
		const replicas = (parsed.assignment[partition] ?? []).filter(replica => !removing.has(replica));
		return {topic, partition, replicas};
	});
}

/** The entries of an admin znode's `partitions` list that name a topic and a partition. */
function partitionList(json: string, path: string): Array<Record<string, unknown>> {
	const partitions = parseObject(json, path)['partitions'];
	if (!Array.isArray(partitions)) throw new Error(`${path} has no partitions list`);
	return partitions.filter((entry): entry is Record<string, unknown> =>
		typeof entry === 'object' && entry !== null
		&& typeof (entry as Record<string, unknown>)['topic'] === 'string'
		&& isInteger((entry as Record<string, unknown>)['partition']));
}

/** `{"0":[1,2,3],…}` keyed by partition number; absent or empty stays empty, odd keys are skipped. */
function replicaMap(value: unknown, path: string): Record<number, number[]> {
	const map: Record<number, number[]> = {};
	if (value === undefined || value === null) return map;
	if (typeof value !== 'object' || Array.isArray(value)) throw new Error(`${path}: expected a map of partition to replicas`);
	for (const [key, replicas] of Object.entries(value)) {
		const partition = Number(key);
		if (!/^\d+$/.test(key) || !Array.isArray(replicas)) continue;
		map[partition] = replicas.filter(isInteger);
	}

	return map;
}

function parseObject(text: string, path: string): Record<string, unknown> {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		throw new Error(`${path} does not hold JSON (${JSON.stringify(text.slice(0, 60))}); is this ZooKeeper used by Kafka?`);
	}

	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${path} does not hold a JSON object`);
	return parsed as Record<string, unknown>;
}

function isInteger(value: unknown): value is number {
	return typeof value === 'number' && Number.isInteger(value);
}
