import type {QuorumSummary} from './types.js';

export type QuorumWords = {
	/** "3/3", or "1/3, 2 not probed". */
	count: string;
	/** "leader 127.0.0.1:2182", "leader not probed", "NO LEADER", "2 LEADERS …", or "quorum unknown". */
	leader: string;
	tone: 'ok' | 'warn' | 'bad';
};

/**
The quorum as the header, the zookeeper pane and `ktop snapshot` all say it, from the model's one
judgement (summarizeQuorum), so none of them can disagree with `ktop check`. `name` makes an
address safe to show.
*/
export function quorumWords(quorum: QuorumSummary, name: (address: string) => string): QuorumWords {
	const count = `${quorum.serving}/${quorum.size}${quorum.unprobed > 0 ? `, ${quorum.unprobed} not probed` : ''}`;
	if (quorum.state === 'lost') return {count, leader: 'QUORUM LOST', tone: 'bad'};
	switch (quorum.leaderState) {
		case 'several': return {count, leader: `${quorum.leaders.length} LEADERS ${quorum.leaders.map(name).join(' ')}`, tone: 'bad'};
		case 'none': return {count, leader: 'NO LEADER', tone: 'bad'};
		case 'unknown': return {count, leader: 'quorum unknown', tone: 'warn'};
		case 'unseen': return {count, leader: 'leader not probed', tone: 'warn'};
		case 'one': return {count, leader: `leader ${name(quorum.leader!)}`, tone: quorum.serving < quorum.size || quorum.unprobed > 0 ? 'warn' : 'ok'};
	}
}
