import type {ContextSummary} from '../config/context-summary.js';
import {sanitize} from '../text/sanitize.js';
import {textWidth} from '../text/text-width.js';

const headings = ['', 'NAME', 'ZOOKEEPER', 'BOOTSTRAP', 'PROTOCOL', 'ZK AUTH', 'READ-ONLY', 'INTERVAL'];

/**
`ktop contexts [--json]`: the config file's contexts, `*` on the current one, with where each
cluster is and how it is reached, never a secret (the summaries hold none). Exit 0.
*/
export function runContexts(file: string | undefined, contexts: readonly ContextSummary[], json: boolean, write: (text: string) => void): number {
	if (json) {
		write(`${JSON.stringify({file: file ?? null, contexts: contexts.map(context => ({...context, zookeeper: context.zookeeper ?? null, bootstrap: context.bootstrap ?? null, zookeeperAuth: context.zookeeperAuth ?? null, interval: context.interval ?? null}))}, null, 2)}\n`);
		return 0;
	}

	if (file === undefined || contexts.length === 0) {
		write(file === undefined ? 'no config file (KTOP_CONFIG, $XDG_CONFIG_HOME/ktop/config.yaml or ~/.config/ktop/config.yaml); see ktop --help\n' : `${file} defines no contexts\n`);
		return 0;
	}

	const rows = contexts.map(context => [
		context.current ? '*' : '', context.name, context.zookeeper ?? '-', context.bootstrap ?? '-', context.protocol,
		context.zookeeperAuth ?? '-', context.readOnly ? 'yes' : 'no', context.interval === undefined ? '-' : `${context.interval}s`,
	].map(cell => sanitize(cell)));
	const widths = headings.map((heading, column) => Math.max(textWidth(heading), ...rows.map(row => textWidth(row[column]!))));
	const line = (cells: readonly string[]) => cells.map((cell, column) => cell + ' '.repeat(widths[column]! - textWidth(cell))).join('  ').trimEnd();
	write(`${[`contexts in ${sanitize(file)}`, line(headings), ...rows.map(row => line(row))].join('\n')}\n`);
	return 0;
}
