import type {LagStatus} from '../../model/types.js';
import type {Cell, Tone} from './pane.js';

/**
The model's lag status (Burrow's rules, see model/lag-status.ts) with the weight the health
findings give it: STOPPED is critical (a warning while less than five minutes behind), LAGGING,
STALLED and AT_RISK warnings. The word itself is the marker.
*/
const tones: Record<LagStatus, Tone> = {OK: 'ok', LAGGING: 'warn', STALLED: 'warn', STOPPED: 'bad', AT_RISK: 'warn', UNKNOWN: 'dim'};
const rank: Record<LagStatus, number> = {OK: 0, UNKNOWN: 1, AT_RISK: 2, LAGGING: 3, STALLED: 4, STOPPED: 5};

export function lagStatusTone(status: LagStatus): Tone {
	return tones[status];
}

/** Sorts worst last when ascending, as the model ranks statuses. */
export function lagStatusCell(status: LagStatus): Cell {
	return {text: status, tone: tones[status], sort: rank[status]};
}
