import {severityRank} from '../../model/finding-order.js';
import type {Severity} from '../../model/types.js';
import type {Cell, Tone} from '../panes/pane.js';

/** Four letters, so a finding's weight reads without colour (NO_COLOR, monochrome terminals). */
const markers: Record<Severity, string> = {critical: 'CRIT', warning: 'WARN', info: 'INFO'};

export const severityTone: Record<Severity, Tone> = {critical: 'bad', warning: 'warn', info: 'dim'};

/** Sorts worst first when ascending, in the model's own order. */
export function severityCell(severity: Severity): Cell {
	return {text: markers[severity], tone: severityTone[severity], sort: severityRank[severity]};
}
