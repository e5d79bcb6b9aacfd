import type { BarChartConfig } from './chart-configs.js';
import { CHART_HEIGHT, CHART_WIDTH } from './quickchart-urls.js';

/**
 * Draws the bar configuration QuickChart would draw, offline, as SVG: the image every run can
 * leave behind, and what the PNG for the workbook is rasterised from. One font family, named
 * as the font file shipped with the package, so the PNG renderer finds it without system fonts.
 */
export const CHART_FONT_FAMILY = 'DejaVu Sans';

const CHAR_WIDTH = 6.2; // at 11 px in DejaVu Sans, near enough to lay out labels
const MAX_LABEL = 30;

function xml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ' ');
}

function shortLabel(label: string): string {
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2 });
const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

function tickText(value: number): string {
  return Math.abs(value) >= 1e6 ? compact.format(value) : grouped.format(value);
}

/** 1, 2, 2.5 or 5 times a power of ten: ticks people read at a glance. */
function niceStep(max: number, ticks: number): number {
  const raw = max / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].find((factor) => factor * power >= raw) ?? 10;
  return step * power;
}

export function chartSvg(config: BarChartConfig, emptyText = 'Nothing to draw.'): string {
  const { labels, datasets } = config.data;
  const width = CHART_WIDTH;
  const height = CHART_HEIGHT;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${CHART_FONT_FAMILY}, sans-serif">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${width / 2}" y="26" font-size="16" font-weight="bold" text-anchor="middle" fill="#222222">${xml(config.options.plugins.title.text)}</text>`,
  ];
  const values = datasets.flatMap((dataset) => dataset.data).filter((value) => Number.isFinite(value));
  if (labels.length === 0 || values.length === 0) {
    parts.push(`<text x="${width / 2}" y="${height / 2}" font-size="13" text-anchor="middle" fill="#555555">${xml(emptyText)}</text>`, '</svg>');
    return parts.join('\n');
  }

  let top = 44;
  if (config.options.plugins.legend.display) {
    const entryWidths = datasets.map((dataset) => 24 + shortLabel(dataset.label).length * CHAR_WIDTH + 16);
    let x = (width - entryWidths.reduce((sum, w) => sum + w, 0)) / 2;
    datasets.forEach((dataset, i) => {
      parts.push(`<rect x="${x.toFixed(1)}" y="${top}" width="14" height="10" fill="${xml(dataset.backgroundColor)}"/>`);
      parts.push(`<text x="${(x + 20).toFixed(1)}" y="${top + 9}" font-size="11" fill="#333333">${xml(shortLabel(dataset.label))}</text>`);
      x += entryWidths[i] ?? 0;
    });
    top += 24;
  }

  const maxValue = Math.max(0, ...values);
  const minValue = Math.min(0, ...values);
  const step = niceStep(maxValue - minValue || 1, 5);
  const yMax = Math.ceil(maxValue / step) * step || step;
  const yMin = Math.floor(minValue / step) * step;
  const ticks: number[] = [];
  for (let tick = yMin; tick <= yMax + step / 2; tick += step) ticks.push(Number(tick.toPrecision(12)));

  const shown = labels.map(shortLabel);
  const longest = Math.max(...shown.map((label) => label.length)) * CHAR_WIDTH;
  const tickWidth = Math.max(...ticks.map((tick) => tickText(tick).length)) * CHAR_WIDTH;
  const right = 20;
  let left = Math.ceil(34 + tickWidth);
  let slotWidth = (width - left - right) / labels.length;
  const rotate = longest > slotWidth - 6;
  if (rotate) {
    // A label turned 40° runs down and to the left of its bar: the first one needs the room.
    left = Math.max(left, Math.ceil(Math.min(longest, 200) * 0.77 - slotWidth / 2 + 8));
    slotWidth = (width - left - right) / labels.length;
  }
  const bottom = Math.ceil(rotate ? Math.min(150, longest * 0.72 + 22) : 34);
  const plotHeight = height - top - bottom;
  const y = (value: number) => top + plotHeight - ((value - yMin) / (yMax - yMin)) * plotHeight;

  for (const tick of ticks) {
    parts.push(`<line x1="${left}" x2="${width - right}" y1="${y(tick).toFixed(1)}" y2="${y(tick).toFixed(1)}" stroke="${tick === 0 ? '#888888' : '#e3e3e3'}" stroke-width="1"/>`);
    parts.push(`<text x="${left - 6}" y="${(y(tick) + 4).toFixed(1)}" font-size="11" text-anchor="end" fill="#555555">${xml(tickText(tick))}</text>`);
  }
  const yTitle = config.options.scales.y.title.text;
  parts.push(`<text transform="translate(14 ${(top + plotHeight / 2).toFixed(1)}) rotate(-90)" font-size="11" text-anchor="middle" fill="#555555">${xml(yTitle)}</text>`);

  const barWidth = (slotWidth * 0.8) / datasets.length;
  labels.forEach((_, i) => {
    const slotLeft = left + i * slotWidth + slotWidth * 0.1;
    datasets.forEach((dataset, d) => {
      const value = dataset.data[i] ?? 0;
      const y0 = y(Math.max(0, value));
      const barHeight = Math.abs(y(value) - y(0));
      parts.push(`<rect x="${(slotLeft + d * barWidth).toFixed(1)}" y="${y0.toFixed(1)}" width="${Math.max(1, barWidth - 1).toFixed(1)}" height="${Math.max(value === 0 ? 0 : 1, barHeight).toFixed(1)}" fill="${xml(dataset.backgroundColor)}"><title>${xml(`${labels[i]}: ${dataset.label} ${grouped.format(value)}`)}</title></rect>`);
    });
    const labelX = left + (i + 0.5) * slotWidth;
    const labelY = top + plotHeight + 14;
    parts.push(
      rotate
        ? `<text transform="translate(${labelX.toFixed(1)} ${labelY}) rotate(-40)" font-size="11" text-anchor="end" fill="#333333">${xml(shown[i] ?? '')}</text>`
        : `<text x="${labelX.toFixed(1)}" y="${labelY}" font-size="11" text-anchor="middle" fill="#333333">${xml(shown[i] ?? '')}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}
