import type {BrokerApis} from '../../cluster/write-types.js';
import type {ActionId} from './types.js';

/** A request an action sends, at the lowest version that does what the action needs, and the Kafka release that brought that version. */
export type ApiNeed = {api: string; key: number; minVersion: number; kafka: string};

/** What the action falls back to on brokers without its request: another request, or none (a ZooKeeper path, say). */
export type Fallback = {need: ApiNeed | undefined; mechanism: string};

export type ActionApis = {needs: ApiNeed[]; fallback?: Fallback};

const api = (name: string, key: number, minVersion: number, kafka: string): ApiNeed => ({api: name, key, minVersion, kafka});

/**
The one place that says which request each action sends and since when Kafka takes it (Kafka's
*Request.json files give the releases). The versions are the least that do what ktop asks: a dry
run needs CreateTopics v1 (v0 has no validate_only and would create the topic), an offset reset by
time needs ListOffsets v1 (v0 answers with segment starts), a record with headers needs Produce v3.
*/
export const actionApis: Readonly<Record<ActionId, ActionApis>> = {
	createTopic: {needs: [api('CreateTopics', 19, 1, '0.10.2')]},
	deleteTopic: {needs: [api('DeleteTopics', 20, 0, '0.10.1')]},
	addPartitions: {needs: [api('CreatePartitions', 37, 0, '1.0')]},
	editConfigs: {
		needs: [api('IncrementalAlterConfigs', 44, 0, '2.3')],
		fallback: {need: api('AlterConfigs', 33, 0, '0.11'), mechanism: 'AlterConfigs'},
	},
	produce: {needs: [api('Produce', 0, 3, '0.11')]},
	purge: {needs: [api('DeleteRecords', 21, 0, '0.11')]},
	electLeaders: {
		needs: [api('ElectLeaders', 43, 0, '2.2')],
		fallback: {need: undefined, mechanism: 'the /admin/preferred_replica_election znode'},
	},
	resetOffsets: {needs: [api('OffsetCommit', 8, 2, '0.9'), api('ListOffsets', 2, 1, '0.10.1')]},
	deleteGroup: {needs: [api('DeleteGroups', 42, 0, '1.1')]},
};

export type Support =
	| {mode: 'native'}
	/** `missing`: the request the broker lacks, named in the preview. */
	| {mode: 'fallback'; mechanism: string; missing: ApiNeed}
	| {mode: 'refused'; reason: string};

function offers(apis: BrokerApis, need: ApiNeed): boolean {
	const range = apis.get(need.key);
	return range !== undefined && range.min <= need.minVersion && range.max >= need.minVersion;
}

/** "ElectLeaders (API key 43)", "Produce v3 (API key 0)". */
function needText(need: ApiNeed): string {
	return `${need.api}${need.minVersion > 0 ? ` v${need.minVersion}` : ''} (API key ${need.key})`;
}

/**
How `id` can run on a controller offering `apis`: as ktop normally sends it, through its fallback
(said so in the preview), or not at all, naming the Kafka release it needs.
*/
export function actionSupport(id: ActionId, apis: BrokerApis): Support {
	const {needs, fallback} = actionApis[id];
	const missing = needs.find(need => !offers(apis, need));
	if (missing === undefined) return {mode: 'native'};
	if (fallback && (fallback.need === undefined || offers(apis, fallback.need))) return {mode: 'fallback', mechanism: fallback.mechanism, missing};
	const needed = fallback?.need && needs.length === 1 ? fallback.need : missing;
	return {mode: 'refused', reason: `needs Kafka ${needed.kafka}+: this cluster's controller does not offer ${needText(needed)}, so its brokers run an older Kafka`};
}

/** The preview's note when a fallback is used: which request the brokers lack, and what ktop sends instead. */
export function fallbackNote(support: Support): string | undefined {
	if (support.mode !== 'fallback') return undefined;
	return `this cluster's brokers have no ${needText(support.missing)} (Kafka ${support.missing.kafka}+): ktop uses ${support.mechanism} instead`;
}
