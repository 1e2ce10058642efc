import type {Stale} from '../model/store.js';
import type {PartitionCounts} from '../model/partition-counts.js';
import {heldNote} from '../model/phrases.js';
import {quorumWords} from '../model/quorum-words.js';
import {securityWords} from '../model/security-words.js';
import type {ClusterSnapshot, Finding} from '../model/types.js';
import {ago} from '../text/reach-lines.js';
import {sanitize} from '../text/sanitize.js';
import type {Tone} from './panes/pane.js';

/** A header line as styled runs; every run's text carries its meaning without colour. */
export type Span = {text: string; tone?: Tone};
export type HeaderLine = Span[];

const separator: Span = {text: ' │ ', tone: 'dim'};

/**
Line 1, "is it up": the ZooKeeper quorum and its leader, brokers up, the controller, then the
cluster id. Ordered by what matters when the line is cut at 80 columns: the id goes first.
`QUORUM LOST`, `NO CONTROLLER` are spelled out, not coloured only.
*/
export function clusterLine(snapshot: ClusterSnapshot | undefined, target: string, readOnly: boolean, context?: string): HeaderLine {
	// The context comes first after ktop: with several clusters a line away, which one this is must never be cut.
	const line: HeaderLine = [
		{text: 'ktop', tone: 'accent'},
		...(context === undefined ? [] : [{text: ` ctx ${sanitize(context)}`, tone: 'accent' as const}]),
		...(readOnly ? [{text: ' read-only', tone: 'warn' as const}] : []),
	];
	if (!snapshot) {
		line.push({text: ' '}, {text: `connecting to ${sanitize(target)}…`, tone: 'dim'});
		return line;
	}

	line.push(
		separator,
		zookeeperSpan(snapshot),
		separator,
		brokersSpan(snapshot),
		separator,
		snapshot.controller ? {text: `controller ${snapshot.controller.brokerId}`} : {text: 'NO CONTROLLER', tone: 'bad'},
		separator,
		snapshot.clusterId === undefined ? {text: 'cluster id unknown', tone: 'warn'} : {text: `cluster ${sanitize(snapshot.clusterId)}`},
	);
	const security = securityWords(snapshot.connection);
	if (security) line.push(separator, {text: sanitize(security), tone: 'dim'});
	return line;
}

function zookeeperSpan(snapshot: ClusterSnapshot): Span {
	const zk = snapshot.zookeeper;
	if (snapshot.brokersOnly && !zk) return {text: 'zk not read: brokers only', tone: snapshot.brokersOnly.chosen ? 'dim' : 'warn'};
	if (!zk) return {text: 'zk not read', tone: 'dim'};
	// Refused a session, the servers still answered their four-letter words: the quorum is known, Kafka's znodes are not.
	if (snapshot.brokersOnly) return {text: `zk ${quorumWords(zk.quorum, sanitize).count}, refused ktop: brokers only`, tone: 'warn'};
	const words = quorumWords(zk.quorum, sanitize);
	if (zk.quorum.state === 'lost') return {text: `zk QUORUM LOST ${words.count}`, tone: 'bad'};
	return {text: `zk ${words.count} ${words.leader}`, tone: words.tone};
}

/**
Up out of known. A broker that died loses its registration (an ephemeral znode) with its
session, so "up of registered" would read 2/2 while a third broker is gone; known counts every
broker the snapshot has seen (registered, in the metadata, or holding replicas).
*/
function brokersSpan(snapshot: ClusterSnapshot): Span {
	const up = snapshot.brokers.filter(broker => broker.reachable).length;
	const known = snapshot.brokers.length;
	// Brokers-only, registrations are not read: "0 registered" would be a guess.
	const registered = snapshot.brokersOnly ? known : snapshot.brokers.filter(broker => broker.registered).length;
	const text = `brokers ${up}/${known} up${registered === known ? '' : `, ${registered} registered`}`;
	return {text, tone: up === known && registered === known ? 'ok' : 'bad'};
}

/**
Line 2, "can I trust it, and how bad": when the last refresh failed, STALE with since when and
why comes first (the rest of the screen is old news); then the partition counts and the age of
the data. It is the line that ticks each second.
*/
export function statusLine(
	snapshot: ClusterSnapshot | undefined,
	counts: PartitionCounts | undefined,
	stale: Stale | undefined,
	now: number,
	intervalMs: number,
): HeaderLine {
	const line: HeaderLine = [];
	if (stale) line.push({text: `STALE since ${clock(stale.since)} (${ago(now - stale.since)}): ${sanitize(stale.error)}`, tone: 'bad'}, separator);
	if (snapshot && counts) {
		line.push(
			{text: `${counts.total} partitions: `},
			{text: `${counts.offline} offline`, tone: counts.offline > 0 ? 'bad' : undefined},
			{text: ', '},
			{text: `${counts.underMinIsr} under-min-ISR`, tone: counts.underMinIsr > 0 ? 'bad' : undefined},
			{text: ', '},
			// URP: Kafka's own name for it (UnderReplicatedPartitions), and short enough for 80 columns.
			{text: `${counts.underReplicated} URP`, tone: counts.underReplicated > 0 ? 'warn' : undefined},
			separator,
		);
	}

	// A broker ktop leaves alone after timeouts: its watermarks and groups are not being refreshed.
	for (const backoff of snapshot?.backoffs ?? []) {
		const who = backoff.brokerId === undefined ? sanitize(backoff.address) : `broker ${backoff.brokerId}`;
		line.push({text: `${who} backoff ${Math.max(0, Math.ceil((backoff.until - now) / 1000))}s`, tone: 'warn'}, separator);
	}

	// Not stale: the last refresh worked, and its age says how fresh the screen is.
	line.push({text: snapshot ? `refreshed ${ago(now - snapshot.takenAt)} ago` : 'not refreshed yet', tone: stale || !snapshot ? 'dim' : 'ok'});
	line.push({text: `, every ${intervalMs / 1000}s`, tone: 'dim'});
	return line;
}

/** Line 3, "what is wrong": the worst finding, and how many more. */
export function findingLine(snapshot: ClusterSnapshot | undefined): HeaderLine {
	if (!snapshot) return [{text: 'waiting for the first refresh', tone: 'dim'}];
	const worst = snapshot.findings[0];
	const unjudged = snapshot.notJudged?.length ?? 0;
	// "no findings" alone would read as healthy: brokers-only, part of the checks never ran.
	if (!worst && unjudged > 0) return [{text: `no findings; ${unjudged} checks not judged without ZooKeeper (:health lists them)`, tone: snapshot.brokersOnly?.chosen ? 'dim' : 'warn'}];
	if (!worst) return [{text: 'no findings', tone: 'ok'}];
	const more = snapshot.findings.length - 1;
	return [
		{text: `${worst.severity.toUpperCase()} ${worst.code} ${sanitize(worst.subject)}: ${sanitize(`${worst.message}${heldNote(worst)}`)}`, tone: severityTone(worst)},
		...(more > 0 ? [{text: ` (+${more} more, :health lists them)`, tone: 'dim' as const}] : []),
	];
}

function severityTone(finding: Finding): Tone {
	return finding.severity === 'critical' ? 'bad' : finding.severity === 'warning' ? 'warn' : 'plain';
}

function clock(at: number): string {
	return new Date(at).toLocaleTimeString('en-GB', {hour12: false});
}
