import {describe, expect, it} from 'vitest';
import {findingsFor} from '../../../source/model/health.js';
import {broken, healthy} from './fixtures.js';

// The pane tests assert what the panes show for these snapshots; if a fixture said something
// the model would never say, those assertions would test nothing real.
describe('pane fixtures', () => {
	it('carry the findings the model itself derives from them', () => {
		const strip = (findings: ReturnType<typeof findingsFor>) => findings.map(({since: _, ...rest}) => rest);
		expect(strip(findingsFor(broken()))).toEqual(strip(broken().findings));
		expect(findingsFor(healthy())).toEqual([]);
	});
});
