/*
Imported first by every probe that draws ktop's UI: the environment as ktop's cli sets it before
it loads the live view (source/ui/tui-environment.ts), so that React and Ink load as they do for
an operator. First, because ES modules run in import order and React picks its build when it
loads (a .tsx file's own JSX import of react comes before anything it imports, so this cannot be
done from probe-app.tsx).
*/
import {prepareTuiEnvironment} from '../../source/ui/tui-environment.js';

/** NODE_ENV as the probe was started with; undefined is how ktop is normally run. */
export const givenNodeEnv = process.env['NODE_ENV'];
prepareTuiEnvironment();
/** The React build the probe runs, as React itself chooses it. */
export const reactBuild = process.env['NODE_ENV'] === 'production' ? 'production' : 'development';
