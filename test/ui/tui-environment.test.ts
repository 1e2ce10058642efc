import {describe, expect, it} from 'vitest';
import {prepareTuiEnvironment} from '../../source/ui/tui-environment.js';

describe('prepareTuiEnvironment', () => {
	it('tells Ink it is not in CI and picks React\'s production build when NODE_ENV is unset', () => {
		const env: NodeJS.ProcessEnv = {CI: 'true'};
		prepareTuiEnvironment(env);
		expect(env).toEqual({CI: 'false', CONTINUOUS_INTEGRATION: 'false', NODE_ENV: 'production'});
	});

	it('leaves a NODE_ENV that was given, so the development build stays one variable away', () => {
		const env: NodeJS.ProcessEnv = {NODE_ENV: 'development'};
		prepareTuiEnvironment(env);
		expect(env['NODE_ENV']).toBe('development');
	});
});
