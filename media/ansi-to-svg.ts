/**
Renders a `tmux capture-pane -e -p` dump (text with SGR escapes) as an SVG terminal screenshot,
so the README shows what a real run looked like. Usage:
  npx tsx media/ansi-to-svg.ts < capture.ans > media/screen.svg
*/
import fs from 'node:fs';

type Style = {fg?: string; bg?: string; bold: boolean; dim: boolean; underline: boolean; inverse: boolean};

const palette = ['#1e1e1e', '#e06c75', '#98c379', '#e5c07b', '#61afef', '#c678dd', '#56b6c2', '#dcdfe4'];
const bright = ['#5c6370', '#ff7b86', '#b5e890', '#ffd68a', '#7cc4ff', '#de9cff', '#7fdbe6', '#ffffff'];
const defaultFg = '#dcdfe4';
const defaultBg = '#1e1e1e';
const cellWidth = 8.4;
const lineHeight = 18;

function applySgr(style: Style, codes: number[]): Style {
	const next = {...style};
	for (let index = 0; index < codes.length; index++) {
		const code = codes[index]!;
		if (code === 0) Object.assign(next, {fg: undefined, bg: undefined, bold: false, dim: false, underline: false, inverse: false});
		else if (code === 1) next.bold = true;
		else if (code === 2) next.dim = true;
		else if (code === 4) next.underline = true;
		else if (code === 7) next.inverse = true;
		else if (code === 22) Object.assign(next, {bold: false, dim: false});
		else if (code === 24) next.underline = false;
		else if (code === 27) next.inverse = false;
		else if (code >= 30 && code <= 37) next.fg = palette[code - 30];
		else if (code >= 90 && code <= 97) next.fg = bright[code - 90];
		else if (code === 39) next.fg = undefined;
		else if (code >= 40 && code <= 47) next.bg = palette[code - 40];
		else if (code === 49) next.bg = undefined;
		else if ((code === 38 || code === 48) && codes[index + 1] === 5) {
			const n = codes[index + 2] ?? 7;
			const color = n < 8 ? palette[n] : n < 16 ? bright[n - 8] : defaultFg;
			if (code === 38) next.fg = color;
			else next.bg = color;
			index += 2;
		}
	}

	return next;
}

function escapeXml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function ansiToSvg(dump: string): string {
	const lines = dump.replace(/\n$/, '').split('\n');
	const columns = Math.max(80, ...lines.map(line => [...line.replace(/\x1b\[[0-9;]*m/g, '')].length));
	const width = Math.ceil(columns * cellWidth) + 20;
	const height = lines.length * lineHeight + 20;
	const parts: string[] = [];
	lines.forEach((line, row) => {
		let style: Style = {bold: false, dim: false, underline: false, inverse: false};
		let column = 0;
		const y = 10 + row * lineHeight;
		for (const piece of line.split(/(\x1b\[[0-9;]*m)/)) {
			const sgr = /^\x1b\[([0-9;]*)m$/.exec(piece);
			if (sgr) {
				style = applySgr(style, (sgr[1] || '0').split(';').map(Number));
				continue;
			}

			const chars = [...piece];
			if (chars.length === 0) continue;
			const fg = style.inverse ? (style.bg ?? defaultBg) : (style.fg ?? defaultFg);
			const bg = style.inverse ? (style.fg ?? defaultFg) : style.bg;
			const x = 10 + column * cellWidth;
			if (bg) parts.push(`<rect x="${x.toFixed(1)}" y="${y}" width="${(chars.length * cellWidth).toFixed(1)}" height="${lineHeight}" fill="${bg}"/>`);
			if (piece.trim() !== '') {
				const attributes = [
					`x="${x.toFixed(1)}"`, `y="${y + 13}"`, `fill="${fg}"`,
					style.bold ? 'font-weight="bold"' : '', style.dim ? 'opacity="0.6"' : '', style.underline ? 'text-decoration="underline"' : '',
				].filter(Boolean).join(' ');
				parts.push(`<text ${attributes} textLength="${(chars.length * cellWidth).toFixed(1)}" lengthAdjust="spacingAndGlyphs">${escapeXml(piece)}</text>`);
			}

			column += chars.length;
		}
	});

	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="14" xml:space="preserve">`,
		`<rect width="100%" height="100%" rx="6" fill="${defaultBg}"/>`,
		...parts,
		'</svg>',
		'',
	].join('\n');
}

if (process.argv[1]?.endsWith('ansi-to-svg.ts')) {
	process.stdout.write(ansiToSvg(fs.readFileSync(0, 'utf8')));
}
