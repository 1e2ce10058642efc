import {compareNatural} from './natural-order.js';
import type {Finding, Severity} from './types.js';

export const severityRank: Record<Severity, number> = {critical: 0, warning: 1, info: 2};

/** Worst first, then by code, then by subject as people read it ('orders-2' before 'orders-10'). */
export function compareFindings(a: Finding, b: Finding): number {
	return severityRank[a.severity] - severityRank[b.severity]
		|| (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
		|| compareNatural(a.subject, b.subject);
}

/** A finding's identity across refreshes: its message and severity may change, it stays the same finding. */
export function findingKey(finding: Pick<Finding, 'code' | 'subject'>): string {
	return `${finding.code}\u0000${finding.subject}`;
}
