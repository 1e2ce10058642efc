import type {LagStatus} from '../../model/types.js';
import type {Cell, Tone} from './pane.js';

/**
The model's lag status (Burrow's rules, see model/lag-status.ts) with the weight the health
findings give it: STOPPED is critical, LAGGING and STALLED warnings. The word itself is the marker.
*/
const tones: Record<LagStatus, Tone> = {OK: 'ok', LAGGING: 'warn', STALLED: 'warn', STOPPED: 'bad', UNKNOWN: 'dim'};
const rank: Record<LagStatus, number> = {OK: 0, UNKNOWN: 1, LAGGING: 2, STALLED: 3, STOPPED: 4};

export function lagStatusTone(status: LagStatus): Tone {
	return tones[status];
}

/** Sorts worst last when ascending, as the model ranks statuses. */
export function lagStatusCell(status: LagStatus): Cell {
	return {text: status, tone: tones[status], sort: rank[status]};
}
