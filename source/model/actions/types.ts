/**
Topic and group actions as data the UI can drive without knowing Kafka: a form (fields), a plan
built from the operator's values (validated locally, then by the broker in a dry run where Kafka
offers one), a preview of exactly what will change, a confirmation, and the outcome part by part.
The UI renders these; only `plan` and `apply` reach the cluster, through the ClusterWriter.
*/
import type {ClusterWriter} from '../../cluster/write-types.js';
import type {ClusterSnapshot} from '../types.js';

export type ActionId =
	| 'createTopic' | 'deleteTopic' | 'addPartitions' | 'editConfigs' | 'produce' | 'purge' | 'electLeaders'
	| 'resetOffsets' | 'deleteGroup';

export type FieldSpec = {
	id: string;
	label: string;
	/** Prefilled value (from the row the action was opened on, or a sensible default). */
	initial: string;
	/** One short line shown beside the field: "1-10000", "k=v,k2=v2", "blank: by key". */
	hint?: string;
	/** A choice field: ←/→ cycle through these, typing is ignored. `initial` is one of them. */
	choices?: readonly string[];
};

/** Context shown above the form: the topic's current configs with their source, the group's state… Plain text; the UI sanitizes. */
export type InfoBlock = {lines: string[]};

/** Who the write goes to: shown in every confirmation so nobody deletes a topic on the wrong cluster. */
export type ActionTarget = {clusterId: string | undefined; connection: string};

export type Outcome = {
	/** 'partial': some parts applied and some did not; `lines` say exactly which. */
	status: 'applied' | 'partial' | 'failed';
	lines: string[];
};

export type Preview = {
	/** "Delete topic orders", "Reset offsets of group billing". */
	title: string;
	/** What the write is about, named as the timeline names it: 'topic orders', 'group billing', 'all topics'. */
	subject: string;
	target: ActionTarget;
	/** Exactly what will change, one line per part (a partition, a config), aligned as a small table. */
	lines: string[];
	/** Consequences to read before confirming ("keyed records will map to different partitions"). */
	warnings: string[];
	/**
	`typed`: the operator must type this text (the topic or group name) to confirm — for actions that
	destroy or rewrite. undefined: Enter confirms.
	*/
	typed: string | undefined;
	/** Sends the write; never throws (failures are in the outcome). */
	apply(): Promise<Outcome>;
};

/** A plan either previews, or says what is wrong with the values (the form keeps them for fixing). */
export type PlanResult = {ok: true; preview: Preview} | {ok: false; errors: string[]};

export type ActionSpec = {
	id: ActionId;
	/** "Create topic", "Reset offsets of billing". */
	title: string;
	fields: FieldSpec[];
	/** Read when the form opens; a failure is shown in place of the block, the form still works. */
	info?(): Promise<InfoBlock>;
	/** Never throws: broker errors and bad values come back as `errors`. */
	plan(values: Readonly<Record<string, string>>): Promise<PlanResult>;
};

/** Where an action was opened from: the row's topic or group, and its partition on a partition row. */
export type ActionSubject = {topic?: string; group?: string; partition?: number};

/** What the actions need: the latest snapshot (for local checks), the writer, and who it writes to. */
export type ActionContext = {
	snapshot: () => ClusterSnapshot | undefined;
	writer: ClusterWriter;
};

/** The UI asks for an action by id; it gets the form, or a sentence saying why not here. */
export type ActionFactory = (id: ActionId, subject: ActionSubject) => ActionSpec | {unavailable: string};
