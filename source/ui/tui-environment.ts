/**
What Ink and React read from the environment when they load, set for ktop's live view. Call it
before the first import of either: both decide once, at load time.

- Ink reads CI, CONTINUOUS_INTEGRATION and CI_* and, in CI, draws only the last frame, as for a
  log. The live view is interactive by definition (it checks for a terminal itself), so Ink is
  told it is not in CI.
- React picks its build from NODE_ENV: unset means the development build, whose checks and
  component stacks make a frame 1.4-1.9x as slow (`npm run bench -- --only render`) and whose
  warnings an operator never sees (the live view sends console output to the log file). So
  production, unless NODE_ENV asks otherwise (`NODE_ENV=development npm run ktop` to debug the
  UI). Tests import the UI directly and keep the development build vitest gives them.
*/
export function prepareTuiEnvironment(env: NodeJS.ProcessEnv = process.env): void {
	env['CI'] = 'false';
	env['CONTINUOUS_INTEGRATION'] = 'false';
	env['NODE_ENV'] ??= 'production';
}
