import {createContext, useContext} from 'react';
import type {Tone} from '../panes/pane.js';

export type ToneStyle = {color?: string; dimColor?: boolean; bold?: boolean};

/**
Colours for tones. They only reinforce: every pane and header text states its meaning in words
or markers too, so without colour nothing is lost.
*/
const styles: Record<Tone, ToneStyle> = {
	ok: {color: 'green'},
	warn: {color: 'yellow'},
	bad: {color: 'red', bold: true},
	dim: {dimColor: true},
	accent: {color: 'cyan'},
	plain: {},
};

/** The same without colour: attributes (bold, faint, inverse, underline) are not colour and stay. */
const monochrome: Record<Tone, ToneStyle> = {ok: {}, warn: {}, bad: {bold: true}, dim: {dimColor: true}, accent: {}, plain: {}};

/** Whether the shell may use colour; App provides it. */
export const ColorContext = createContext(true);

export function useToneStyle(): (tone: Tone | undefined) => ToneStyle {
	const color = useContext(ColorContext);
	return tone => toneStyle(tone, color);
}

export function toneStyle(tone: Tone | undefined, color = true): ToneStyle {
	return (color ? styles : monochrome)[tone ?? 'plain'];
}

/**
NO_COLOR (no-color.org): present and not empty means no colour. ktop checks it itself: chalk,
and so Ink, do not read it (only FORCE_COLOR and --no-color), so it would otherwise be ignored.
*/
export function colorAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
	return env.NO_COLOR === undefined || env.NO_COLOR === '';
}
