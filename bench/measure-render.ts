import type {InputLatencyProbeResult} from './probes/input-latency-probe.js';
import type {RenderProbeResult} from './probes/render-probe.js';
import {runProbe, withNodeEnv} from './run-probe.js';

export const renderSizes = [{columns: 80, rows: 24}, {columns: 200, rows: 60}] as const;
export const renderPanes = ['topics', 'partitions'] as const;

/**
Each pane at each terminal size, in a process of its own: with NODE_ENV unset, as ktop runs
(React's production build, see source/ui/tui-environment.ts), and, when asked, with
NODE_ENV=development for comparison.
*/
export async function measureRender(seconds: number, nodeEnvs: ReadonlyArray<string | undefined>, log: (line: string) => void): Promise<RenderProbeResult[]> {
	const results: RenderProbeResult[] = [];
	for (const nodeEnv of nodeEnvs) {
		for (const {columns, rows} of renderSizes) {
			for (const pane of renderPanes) {
				const result = await runProbe<RenderProbeResult>('render-probe.tsx', [columns, rows, pane, seconds], {timeoutMs: (seconds + 60) * 1000, env: withNodeEnv(nodeEnv)});
				log(`  render ${pane} ${columns}x${rows} NODE_ENV=${result.nodeEnv} (React ${result.react}): frame p50 ${result.frameMs.p50.toFixed(1)} ms, p95 ${result.frameMs.p95.toFixed(1)} ms${result.reached ? '' : ' (PANE NOT REACHED)'}`);
				results.push(result);
			}
		}
	}

	return results;
}

/** Key to frame in the consume view while a fake session receives records as fast as it can. */
export async function measureInputLatency(seconds: number, nodeEnvs: ReadonlyArray<string | undefined>, log: (line: string) => void): Promise<InputLatencyProbeResult[]> {
	const results: InputLatencyProbeResult[] = [];
	for (const nodeEnv of nodeEnvs) {
		for (const {columns, rows} of renderSizes) {
			const result = await runProbe<InputLatencyProbeResult>('input-latency-probe.tsx', [columns, rows, seconds], {timeoutMs: (seconds + 60) * 1000, env: withNodeEnv(nodeEnv)});
			log(`  input latency ${columns}x${rows} NODE_ENV=${result.nodeEnv} (React ${result.react}): key→frame p50 ${result.keyToFrameMs.p50.toFixed(1)} ms, p95 ${result.keyToFrameMs.p95.toFixed(1)} ms at ${Math.round(result.recordsPerSecond).toLocaleString('en')} records/s${result.reached ? '' : ' (CONSUME VIEW NOT REACHED)'}`);
			results.push(result);
		}
	}

	return results;
}
