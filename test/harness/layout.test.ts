import {afterEach, describe, expect, it, vi} from 'vitest';
import {portsFromEnv} from '../../cluster/layout.js';

const variable = 'KTOP_TEST_PORTS';
const defaults = [2181, 2182, 2183];

afterEach(() => {
	vi.unstubAllEnvs();
});

describe('portsFromEnv', () => {
	it('returns the defaults when the variable is not set', () => {
		vi.stubEnv(variable, undefined);
		expect(portsFromEnv(variable, defaults)).toEqual([2181, 2182, 2183]);
	});

	it('returns the defaults when the variable is empty', () => {
		vi.stubEnv(variable, '');
		expect(portsFromEnv(variable, defaults)).toEqual([2181, 2182, 2183]);
	});

	it('reads an override, allowing spaces around each port', () => {
		vi.stubEnv(variable, '12181, 12182 ,12183');
		expect(portsFromEnv(variable, defaults)).toEqual([12_181, 12_182, 12_183]);
	});

	it('reads a single-port override', () => {
		vi.stubEnv(variable, '18183');
		expect(portsFromEnv(variable, [8183])).toEqual([18_183]);
	});

	it.each(['12181,12182', '1,2,3,4', '12181,12182,12183,'])('refuses %s for having the wrong count', raw => {
		vi.stubEnv(variable, raw);
		expect(() => portsFromEnv(variable, defaults)).toThrow(`${variable}=${raw}: expected 3 comma-separated ports, e.g. 2181,2182,2183`);
	});

	it.each(['a,b,c', '2181,two,2183', '2181,,2183'])('refuses the non-numeric %s', raw => {
		vi.stubEnv(variable, raw);
		expect(() => portsFromEnv(variable, defaults)).toThrow(`${variable}=${raw}: expected 3 comma-separated ports`);
	});

	it.each(['0,2182,2183', '2181,2182,65536', '-1,2182,2183'])('refuses the out-of-range %s', raw => {
		vi.stubEnv(variable, raw);
		expect(() => portsFromEnv(variable, defaults)).toThrow(`${variable}=${raw}`);
	});
});
