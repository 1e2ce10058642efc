import {describe, expect, it} from 'vitest';
import {textWidth} from '../../source/text/text-width.js';
import {tooSmallLines} from '../../source/ui/layout.js';

describe('tooSmallLines', () => {
	it('says the whole sentence where it fits on one line', () => {
		expect(tooSmallLines(60, 5)).toEqual(['ktop: terminal too small (60x5); q quits']);
	});

	it('wraps it between words at 20x5, in the 4 lines a 5-row frame may use', () => {
		expect(tooSmallLines(20, 5)).toEqual(['ktop: terminal too', 'small (20x5); q', 'quits']);
	});

	it('says less where even that does not fit, down to one column and one row', () => {
		expect(tooSmallLines(10, 3)).toEqual(['too small', '(10x3)']);
		expect(tooSmallLines(5, 2)).toEqual(['5x2']);
		expect(tooSmallLines(1, 1)).toEqual(['…']);
	});

	it('never exceeds the terminal, at any size up to 50x14', () => {
		for (let columns = 1; columns <= 50; columns++) {
			for (let rows = 1; rows <= 14; rows++) {
				const lines = tooSmallLines(columns, rows);
				expect(lines.length).toBeLessThanOrEqual(Math.max(1, rows - 1));
				for (const line of lines) expect(textWidth(line), `${columns}x${rows}: ${line}`).toBeLessThanOrEqual(columns);
			}
		}
	});
});
