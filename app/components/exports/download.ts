/**
 * Downloads made in the browser from what is on screen: a table's numbers as CSV, a chart as SVG
 * or PNG. Loaded only when someone clicks an export button (a dynamic import), so no page pays
 * for it up front.
 *
 * CSV cells go through csv-stringify with `escape_formulas`, as every CSV the server writes: a text
 * cell starting with = + - @, a tab or CR gets a leading ' so a spreadsheet shows it, not runs it.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';

export type Cell = string | number | null;

export const csvText = (head: string[], rows: Cell[][]): string =>
  stringify([head, ...rows.map((r) => r.map((c) => (c === null ? '' : c)))], { escape_formulas: true });

/** `trend-2026-12-02.csv`: the panel's name and today's date in the browser's calendar. */
export function fileName(name: string, ext: string): string {
  const d = new Date();
  const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return `${name}-${day}.${ext}`;
}

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadCsv(name: string, head: string[], rows: Cell[][]) {
  // A byte-order mark, so spreadsheets read the file as UTF-8 (names such as "Khyber Pakhtunkhwa — all").
  save(new Blob(['\ufeff', csvText(head, rows)], { type: 'text/csv;charset=utf-8' }), fileName(name, 'csv'));
}

/** Computed styles written onto the copy: CSS variables and classes do not travel with an SVG file. */
const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'visibility',
] as const;

const SVG_NS = 'http://www.w3.org/2000/svg';
const PAD = 16;

function svgText(x: number, y: number, text: string, size: number, color: string, weight = 400): SVGTextElement {
  const t = document.createElementNS(SVG_NS, 'text');
  t.setAttribute('x', String(x));
  t.setAttribute('y', String(y));
  t.setAttribute('font-size', String(size));
  t.setAttribute('font-weight', String(weight));
  t.setAttribute('fill', color);
  t.textContent = text;
  return t;
}

/** The panel's main chart: the largest Recharts surface in it (legend icons are small surfaces too). */
export function chartSurface(panel: Element): SVGSVGElement | null {
  const surfaces = [...panel.querySelectorAll<SVGSVGElement>('svg.recharts-surface')];
  return surfaces.sort((a, b) => b.clientWidth * b.clientHeight - a.clientWidth * a.clientHeight)[0] ?? null;
}

/**
 * A standalone SVG of the panel's chart: the chart with its styles resolved, on the panel's
 * background, under the panel's title and caption, with its legend, the synthetic-data warning
 * when the page carries it, and the source line.
 */
export function chartSvg(panel: Element): { svg: string; width: number; height: number } | null {
  const surface = chartSurface(panel);
  if (!surface) return null;
  const panelStyle = getComputedStyle(panel);
  const fg = getComputedStyle(panel.querySelector('h2') ?? panel).color;
  const muted = getComputedStyle(panel.querySelector('header p') ?? panel).color;
  const chartW = surface.clientWidth;
  const chartH = surface.clientHeight;
  const copy = surface.cloneNode(true) as SVGSVGElement;
  const from = [surface, ...surface.querySelectorAll('*')];
  const to = [copy, ...copy.querySelectorAll('*')];
  from.forEach((el, i) => {
    const target = to[i] as SVGElement | undefined;
    if (!target) return;
    const cs = getComputedStyle(el);
    for (const p of STYLE_PROPS) {
      const v = cs.getPropertyValue(p);
      if (v) target.style.setProperty(p, v);
      if (target.getAttribute(p)?.includes('var(')) target.setAttribute(p, v);
    }
    for (const p of [...target.style]) {
      if (target.style.getPropertyValue(p).includes('var(')) target.style.setProperty(p, cs.getPropertyValue(p));
    }
    // Interactive bits (annotation markers' focus handles) are not part of a picture.
    target.removeAttribute('tabindex');
  });

  const title = panel.querySelector('h2')?.textContent ?? '';
  const caption = panel.querySelector('header p')?.textContent ?? '';
  const legend = [...panel.querySelectorAll('[aria-label="Legend"] li')].map((li) => ({
    text: (li.textContent ?? '').trim(),
    color: getComputedStyle(li.querySelector('span') ?? li).backgroundColor,
  }));
  const synthetic = document.querySelector('[data-synthetic-banner]') !== null;
  const width = chartW + 2 * PAD;
  let y = PAD + 16;
  const out = document.createElementNS(SVG_NS, 'svg');
  out.setAttribute('xmlns', SVG_NS);
  out.setAttribute('font-family', panelStyle.fontFamily);
  const parts: SVGElement[] = [svgText(PAD, y, title, 16, fg, 600)];
  if (caption) parts.push(svgText(PAD, (y += 18), caption, 12, muted));
  if (synthetic)
    parts.push(svgText(PAD, (y += 18), 'Synthetic demo data: describes no real events.', 12, '#b45309', 600));
  y += 10;
  copy.setAttribute('x', String(PAD));
  copy.setAttribute('y', String(y));
  copy.setAttribute('width', String(chartW));
  copy.setAttribute('height', String(chartH));
  parts.push(copy);
  y += chartH + 8;
  // The legend in rows, about 7 px a character.
  let x = PAD;
  for (const item of legend) {
    const w = 18 + item.text.length * 7;
    if (x + w > width - PAD && x > PAD) {
      x = PAD;
      y += 18;
    }
    const box = document.createElementNS(SVG_NS, 'rect');
    for (const [k, v] of Object.entries({ x, y: y + 2, width: 10, height: 10, rx: 2, fill: item.color }))
      box.setAttribute(k, String(v));
    parts.push(box, svgText(x + 14, y + 11, item.text, 12, muted));
    x += w + 8;
  }
  if (legend.length > 0) y += 18;
  parts.push(
    svgText(PAD, (y += 16), `Border Watch · ${location.host} · exported ${new Date().toISOString()}`, 11, muted),
  );
  const height = y + PAD;
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(height));
  out.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const bg = document.createElementNS(SVG_NS, 'rect');
  for (const [k, v] of Object.entries({ width: '100%', height: '100%', fill: panelStyle.backgroundColor }))
    bg.setAttribute(k, v);
  out.append(bg, ...parts);
  return { svg: new XMLSerializer().serializeToString(out), width, height };
}

export function downloadSvg(panel: Element, name: string): boolean {
  const made = chartSvg(panel);
  if (!made) return false;
  save(new Blob([made.svg], { type: 'image/svg+xml' }), fileName(name, 'svg'));
  return true;
}

/** The same picture as PNG at twice the screen's pixels: the SVG drawn onto a canvas. */
export async function downloadPng(panel: Element, name: string): Promise<boolean> {
  const made = chartSvg(panel);
  if (!made) return false;
  const url = URL.createObjectURL(new Blob([made.svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = made.width * scale;
    canvas.height = made.height * scale;
    const ctx = canvas.getContext('2d');
    if (!ctx) return false;
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, made.width, made.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) return false;
    save(blob, fileName(name, 'png'));
    return true;
  } finally {
    URL.revokeObjectURL(url);
  }
}
