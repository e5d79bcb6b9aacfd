import { AXIS_END_FACTORS, categoryLabel, type ReportChart, SOURCE_COLOUR } from './chart-configs.js';

/** Labels carry counts (`name (1,800 → 1,799)`): room for those and a readable name. */
const MAX_LABEL = 44;

const LOOKALIKE: Record<string, string> = { '"': "'", '`': "'", '<': '‹', '>': '›' };

/**
 * Labels come from pair and column names. Mermaid reads `"` as the end of the string,
 * `#name;` as an entity and `<…>` as HTML, and a newline could end the code block early:
 * those become look-alikes or spaces.
 */
function mermaidText(text: string, max = MAX_LABEL): string {
  const flat = text.replace(/[\u0000-\u001f\u007f`"<>]/g, (char) => LOOKALIKE[char] ?? ' ').replace(/#(?=\w+;)/g, '# ');
  return `"${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}"`;
}

function mermaidNumber(value: number): string {
  return Number.isFinite(value) ? String(value) : '0';
}

/** Long labels overlap on a vertical chart; turned sideways they read one under the other. */
function isCrowded(labels: string[]): boolean {
  const longest = Math.min(MAX_LABEL, Math.max(0, ...labels.map((label) => label.length)));
  return labels.length * longest > 110;
}

/**
 * The end of the axis. Mermaid scales the y axis from the smallest value, so it is given from
 * zero. Its ticks are d3's ten-ish ticks over that range: a range of at least 10 gives whole-
 * number steps, which counts need (a tick at 0.5 rows reads as nonsense).
 */
function axisTop(values: number[], integer: boolean): number {
  const max = Math.max(0, ...values.filter((value) => Number.isFinite(value)));
  if (integer && max <= 10) return 10;
  if (max === 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const top = AXIS_END_FACTORS.find((factor) => factor * power >= max * (1 - 1e-12)) ?? 10;
  const nice = Number((top * power).toPrecision(6));
  return integer ? Math.ceil(nice) : nice;
}

/**
 * A Mermaid `xychart-beta` block from the same chart QuickChart draws. Mermaid's xychart draws
 * every bar up from the bottom of the axis, so the bars are sizes: a negative difference is drawn
 * as its size (its label gives both counts), and a bar beyond a cut axis stops at the cut (its
 * label gives its value).
 */
export function mermaidChart(chart: ReportChart): string {
  const labels = chart.categories.map((category) => categoryLabel(category, MAX_LABEL));
  const data = chart.config.data.datasets[0]?.data ?? [];
  const cut = chart.cut?.at;
  const bars = data.map((value) => (cut === undefined ? Math.abs(value) : Math.min(cut, Math.abs(value))));
  const top = cut ?? axisTop(bars, chart.integer);
  const negative = data.some((value) => value < 0);
  const yTitle = [chart.config.options.scales.y.title.text, negative ? 'drawn as a size' : undefined, cut !== undefined ? `axis cut at ${cut}` : undefined].filter(Boolean).join(', ');
  // Mermaid's default bar colour is a pale lavender that vanishes on GitHub's light theme.
  const colour = chart.config.data.datasets[0]?.backgroundColor ?? SOURCE_COLOUR;
  const horizontal = isCrowded(labels);
  // Mermaid's 700×500 default leaves a sideways chart's axis a third of the width once the labels
  // are drawn, and a chart of two bars half a screen high: sized by its bars instead.
  const size = horizontal ? { width: 900, height: Math.max(240, 110 + 26 * bars.length) } : { width: 900, height: 360 };
  return [
    '```mermaid',
    `%%{init: {"xyChart": {"width": ${size.width}, "height": ${size.height}}, "themeVariables": {"xyChart": {"plotColorPalette": "${colour.replace(/[^#0-9a-fA-F]/g, '')}"}}}}%%`,
    `xychart-beta${horizontal ? ' horizontal' : ''}`,
    `    title ${mermaidText(chart.title, 120)}`,
    `    x-axis [${labels.map((label) => mermaidText(label)).join(', ')}]`,
    `    y-axis ${mermaidText(yTitle, 80)} 0 --> ${top}`,
    `    bar [${bars.map(mermaidNumber).join(', ')}]`,
    '```',
  ].join('\n');
}
