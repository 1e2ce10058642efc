import type {BrokerUsage} from './broker-usage.js';
import type {MachineInfo} from './machine.js';
import type {ConsumeReport} from './measure-consume.js';
import type {RefreshFigures} from './measure-refresh.js';
import type {SnapshotFigures} from './measure-snapshot.js';
import type {ReadPartsProbeResult} from './probes/read-parts-probe.js';
import type {InputLatencyProbeResult} from './probes/input-latency-probe.js';
import type {RenderProbeResult} from './probes/render-probe.js';
import type {GroupsReport, LoadReport, ScenarioOptions, TopicsReport} from './scenario.js';

export type SizeResults = {
	/** Partitions in bench topics: the size asked for. */
	partitions: number;
	/** Every partition ktop saw in the cluster (the size, __consumer_offsets, any other topic). */
	clusterPartitions: number | undefined;
	groups: number | undefined;
	topics: TopicsReport;
	/** Each broker's open files and RSS at this size, after the measures. */
	brokers: BrokerUsage[];
	snapshot?: SnapshotFigures[];
	readParts?: ReadPartsProbeResult;
	refresh?: RefreshFigures;
};

export type TargetVerdict = {
	target: string;
	measured: string;
	/** undefined: not measured in this run. */
	met: boolean | undefined;
	/** What the figures say about a miss (the README section says more). */
	why?: string;
};

/** bench/results/latest.json */
export type BenchResults = {
	startedAt: string;
	seconds: number;
	command: string;
	machine: MachineInfo;
	scenario: ScenarioOptions & {groupsReport?: GroupsReport; load?: LoadReport};
	sizes: SizeResults[];
	render?: RenderProbeResult[];
	inputLatency?: InputLatencyProbeResult[];
	consume?: ConsumeReport;
	/** How busy the machine was (all cores, any process) when each measure began, after waiting up to a minute for quiet. */
	load: Array<{before: string; busyPercent: number; waitedMs: number}>;
	targets: TargetVerdict[];
	notes: string[];
};
