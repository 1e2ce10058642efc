import {createContext} from 'react';

/**
The frame's width in columns, for lines that cut themselves (SpansLine): every line is cut by
ktop's own measure (text-width.ts) before Ink sees it, since Ink counts 👍🏽 as 2 columns where
tmux draws 4. Undefined outside the shell: Ink's own cut is then the only one.
*/
export const LineWidth = createContext<number | undefined>(undefined);
