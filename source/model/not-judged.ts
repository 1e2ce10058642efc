import type {FindingCode, NotJudged} from './types.js';
import type {BrokersOnly} from './zookeeper-access.js';

/** Findings judged from the ZooKeeper servers themselves (four-letter words, /zookeeper/config). */
const fromServers: ReadonlyArray<[FindingCode, string]> = [
	['ZK_QUORUM_LOST', 'the ZooKeeper servers\' own state (srvr)'],
	['ZK_NO_LEADER', 'the ZooKeeper servers\' own state (srvr)'],
	['ZK_SERVER_DOWN', 'the ZooKeeper servers\' own state (srvr)'],
	['ZK_MEMBERS_UNPROBED', 'the ensemble\'s members (/zookeeper/config)'],
];

/** Findings judged from Kafka's znodes (see finding-evidence.ts), and what of them each needs. */
const fromZnodes: ReadonlyArray<[FindingCode, string]> = [
	['CONTROLLER_UNREADABLE', '/controller'],
	['CONTROLLER_UNKNOWN', 'the registrations in /brokers/ids (the controller itself comes from the brokers\' metadata)'],
	['BROKER_NOT_REGISTERED', 'the registrations in /brokers/ids'],
	['BROKER_UNREACHABLE', 'the registrations in /brokers/ids (only brokers seen in the metadata are probed)'],
	['METADATA_MISMATCH', 'the partition states in /brokers/topics'],
	['UNDER_MIN_ISR', 'the topics\' min.insync.replicas overrides in /config/topics'],
	['AT_MIN_ISR', 'the topics\' min.insync.replicas overrides in /config/topics'],
	['TOPIC_DELETION_STUCK', '/admin/delete_topics'],
	['REASSIGNMENT_IN_PROGRESS', '/admin/reassign_partitions'],
];

/**
The checks a brokers-only snapshot could not run, each with what it needs and why ktop has not
got it: every check on Kafka's znodes, and those on the servers too when not even their four-letter
words were read (a ZooKeeper that refuses ktop's session still answers them).
*/
export function notJudged(brokersOnly: BrokersOnly | undefined, serversRead: boolean): NotJudged[] {
	if (!brokersOnly) return [];
	const reason = `cannot be judged without ZooKeeper: ${brokersOnly.reason}`;
	return [...(serversRead ? [] : fromServers), ...fromZnodes].map(([code, needs]) => ({code, needs, reason}));
}
