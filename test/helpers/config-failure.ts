import {ConfigError} from '../../source/config/config-error.js';

/** The message of the ConfigError `run` throws; anything else thrown, or nothing, fails the test. */
export function configFailure(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		if (error instanceof ConfigError) return error.message;
		throw error;
	}

	throw new Error('expected a ConfigError');
}
