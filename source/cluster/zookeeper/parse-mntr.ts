import type {ZkMonitorStats} from '../types.js';
import {isNotWhitelisted} from './four-letter-word.js';

export type MntrResult =
	| {kind: 'stats'; stats: ZkMonitorStats}
	| {kind: 'not-serving'}
	| {kind: 'not-whitelisted'}
	| {kind: 'unparsable'; text: string};

/**
Parses the reply to `mntr`: one `zk_<key>\t<value>` pair a line.
  zk_version	3.8.4-…, built on 2024-02-12 22:16 UTC
  zk_server_state	follower
  zk_watch_count	22
Keys lose their `zk_` prefix, so they read the same as the AdminServer's /commands/mntr.
*/
export function parseMntr(text: string): MntrResult {
	if (/This ZooKeeper instance is not currently serving requests/.test(text)) return {kind: 'not-serving'};
	if (isNotWhitelisted(text)) return {kind: 'not-whitelisted'};

	const raw: Record<string, string> = {};
	for (const line of text.split('\n')) {
		const match = /^zk_([^\t]+)\t(.*?)\r?$/.exec(line);
		if (match) raw[match[1]!] = match[2]!;
	}

	// A server state is in every mntr reply since 3.4; without one this is not mntr.
	if (raw['server_state'] === undefined) return {kind: 'unparsable', text};
	return {kind: 'stats', stats: monitorStats(raw)};
}

/**
The fields ktop shows, from mntr's keys without the `zk_` prefix (4lw and AdminServer alike).
A field the server did not report stays undefined: followers have no synced_followers,
and 3.4 reports no open file descriptors on some platforms.
*/
export function monitorStats(raw: Record<string, string>): ZkMonitorStats {
	const count = (key: string) => {
		const value = raw[key];
		if (value === undefined || value.trim() === '') return undefined;
		const number = Number(value);
		return Number.isFinite(number) ? number : undefined;
	};

	return {
		watchCount: count('watch_count'),
		ephemeralsCount: count('ephemerals_count'),
		approximateDataSize: count('approximate_data_size'),
		openFileDescriptors: count('open_file_descriptor_count'),
		maxFileDescriptors: count('max_file_descriptor_count'),
		syncedFollowers: count('synced_followers'),
		syncedObservers: count('synced_observers'),
		pendingSyncs: count('pending_syncs'),
		raw,
	};
}
