import { type ReportChart, SOURCE_COLOUR } from './chart-configs.js';

const MAX_LABEL = 32;
const SIDES_COLOUR = SOURCE_COLOUR;

const LOOKALIKE: Record<string, string> = { '"': "'", '`': "'", '<': '‹', '>': '›' };

/**
 * Labels come from pair and column names. Mermaid reads `"` as the end of the string,
 * `#name;` as an entity and `<…>` as HTML, and a newline could end the code block early:
 * those become look-alikes or spaces.
 */
function clipped(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function mermaidText(text: string, max = MAX_LABEL): string {
  const flat = text.replace(/[\u0000-\u001f\u007f`"<>]/g, (char) => LOOKALIKE[char] ?? ' ').replace(/#(?=\w+;)/g, '# ');
  return `"${clipped(flat, max)}"`;
}

function mermaidNumber(value: number): string {
  return Number.isFinite(value) ? String(value) : '0';
}

/** Long labels overlap on a vertical chart; turned sideways they read one under the other. */
function isCrowded(labels: string[]): boolean {
  const longest = Math.min(MAX_LABEL, Math.max(0, ...labels.map((label) => label.length)));
  return labels.length * longest > 110;
}

/** Mermaid scales the y axis from the smallest value; bars must start at zero to compare honestly. */
function axisTop(values: number[]): number {
  const max = Math.max(0, ...values.filter((value) => Number.isFinite(value)));
  if (max === 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const top = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((factor) => factor * power >= max) ?? 10;
  return Number((top * power).toPrecision(6));
}

/**
 * A Mermaid `xychart-beta` block from the same configuration QuickChart draws. Mermaid's
 * xychart has no legend and draws a second bar series over the first, so two series (source
 * and target) become neighbouring bars named after their side, in one series.
 */
export function mermaidChart(chart: ReportChart): string {
  const { labels, datasets } = chart.config.data;
  // The side must survive the cut of a long label, or source and target would read alike.
  const categories = datasets.length > 1 ? labels.flatMap((label) => datasets.map((dataset) => `${clipped(label, MAX_LABEL - dataset.label.length - 3)} · ${dataset.label}`)) : labels;
  const values = datasets.length > 1 ? labels.flatMap((_, i) => datasets.map((dataset) => dataset.data[i] ?? 0)) : (datasets[0]?.data ?? []);
  // Mermaid's default bar colour is a pale lavender that vanishes on GitHub's light theme.
  const colour = datasets.length > 1 ? SIDES_COLOUR : (datasets[0]?.backgroundColor ?? SIDES_COLOUR);
  return [
    '```mermaid',
    `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${colour.replace(/[^#0-9a-fA-F]/g, '')}"}}}}%%`,
    `xychart-beta${isCrowded(categories) ? ' horizontal' : ''}`,
    `    title ${mermaidText(chart.title, 120)}`,
    `    x-axis [${categories.map((label) => mermaidText(label)).join(', ')}]`,
    `    y-axis ${mermaidText(chart.config.options.scales.y.title.text, 60)} 0 --> ${axisTop(values)}`,
    `    bar [${values.map(mermaidNumber).join(', ')}]`,
    '```',
  ].join('\n');
}
