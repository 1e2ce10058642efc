/**
ktop's own view of a cluster. Everything outside source/cluster/ sees these types only,
never kafkajs' or the ZooKeeper client's.
*/

import type {SrvrStats} from './zookeeper/parse-srvr.js';

export type HostPort = {host: string; port: number};

export type ZkServerProbe = HostPort & (
	| {state: 'serving'; stats: SrvrStats}
	| {state: 'not-serving'}
	| {state: 'unreachable'; error: string}
	| {state: 'srvr-refused'}
	| {state: 'unparsable'; text: string}
);

/** A broker as it registered itself in /brokers/ids/<id>. */
export type BrokerRegistration = {
	id: number;
	endpoints: string[];
	rack: string | undefined;
	/** Milliseconds since the epoch, from the registration's own timestamp. */
	registeredAt: number | undefined;
	jmxPort: number | undefined;
	version: number | undefined;
};

/** A broker as the metadata API reports it. */
export type MetadataBroker = {id: number; host: string; port: number; rack: string | undefined};
