import { categoryLabel, type ReportChart, valueText } from './chart-configs.js';
import { CHART_HEIGHT, CHART_WIDTH } from './quickchart-urls.js';

/**
 * Draws the bar chart QuickChart would draw, offline, as SVG: the image every run can leave
 * behind, and what the PNG for the workbook is rasterised from. One font family, named as the
 * font file shipped with the package, so the PNG renderer finds it without system fonts.
 */
export const CHART_FONT_FAMILY = 'DejaVu Sans';

const CHAR_WIDTH = 6.2; // at 11 px in DejaVu Sans, near enough to lay out labels
const MAX_LABEL = 40;
/** Characters of a note line at 11 px across the 800-pixel image. */
const NOTE_LINE = 120;

function xml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ' ');
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2 });
const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

function tickText(value: number): string {
  return (Math.abs(value) >= 1e6 ? compact.format(value) : grouped.format(value)).replace(/^-/, '−');
}

/** 1, 2, 2.5 or 5 times a power of ten: ticks people read at a glance; whole numbers for counts. */
export function niceStep(range: number, ticks: number, integer: boolean): number {
  const raw = range / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const factors = integer && power <= 1 ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10];
  const step = (factors.find((factor) => factor * power >= raw) ?? 10) * power;
  return integer ? Math.max(1, Math.round(step)) : step;
}

/** The tick values of the value axis, from the axis's bottom to its top. */
export function axisTicks(chart: ReportChart): number[] {
  const { bottom, top, step } = valueRange(chart);
  const ticks: number[] = [];
  for (let tick = bottom; tick <= top + step / 2; tick += step) ticks.push(Number(tick.toPrecision(12)));
  return ticks;
}

function valueRange(chart: ReportChart): { bottom: number; top: number; step: number } {
  const axis = chart.config.options.scales.y;
  const values = (chart.config.data.datasets[0]?.data ?? []).filter((value) => Number.isFinite(value));
  const maxValue = axis.max ?? Math.max(0, ...values);
  const minValue = axis.min ?? Math.min(0, ...values);
  const step = niceStep(maxValue - minValue || 1, 5, chart.integer);
  // A cut axis ends exactly at the cut, which the notes name; otherwise on the next tick.
  const top = axis.max ?? (maxValue > 0 ? Math.ceil(maxValue / step) * step : minValue < 0 ? 0 : step);
  const bottom = axis.min ?? Math.floor(minValue / step) * step;
  return { bottom, top, step };
}

function noteLines(notes: string[]): string[] {
  const lines: string[] = [];
  for (const note of notes) {
    let line = '';
    for (const word of note.split(' ')) {
      if (line && line.length + word.length + 1 > NOTE_LINE) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push(line);
  }
  return lines.slice(0, 3);
}

export function chartSvg(chart: ReportChart): string {
  const config = chart.config;
  const dataset = config.data.datasets[0];
  const width = CHART_WIDTH;
  const height = CHART_HEIGHT;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${CHART_FONT_FAMILY}, sans-serif">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${width / 2}" y="26" font-size="16" font-weight="bold" text-anchor="middle" fill="#222222">${xml(config.options.plugins.title.text)}</text>`,
  ];
  const values = dataset?.data ?? [];
  if (!dataset || chart.categories.length === 0 || values.length === 0) {
    parts.push(`<text x="${width / 2}" y="${height / 2}" font-size="13" text-anchor="middle" fill="#555555">${xml(chart.emptyText)}</text>`, '</svg>');
    return parts.join('\n');
  }

  let top = 44;
  for (const line of noteLines(config.options.plugins.subtitle.display ? [config.options.plugins.subtitle.text] : [])) {
    parts.push(`<text x="${width / 2}" y="${top}" font-size="11" text-anchor="middle" fill="#555555">${xml(line)}</text>`);
    top += 15;
  }
  top += 10;

  const { bottom: yMin, top: yMax } = valueRange(chart);
  const ticks = axisTicks(chart);
  const shown = chart.categories.map((category) => categoryLabel(category, MAX_LABEL));
  const longest = Math.max(...shown.map((label) => label.length)) * CHAR_WIDTH;
  const tickWidth = Math.max(...ticks.map((tick) => tickText(tick).length)) * CHAR_WIDTH;
  const right = 20;
  let left = Math.ceil(34 + tickWidth);
  let slotWidth = (width - left - right) / shown.length;
  const rotate = longest > slotWidth - 6;
  if (rotate) {
    // A label turned 40° runs down and to the left of its bar: the first one needs the room.
    left = Math.max(left, Math.ceil(Math.min(longest, 200) * 0.77 - slotWidth / 2 + 8));
    slotWidth = (width - left - right) / shown.length;
  }
  // A negative bar's value is written under it: room for it above the category labels.
  const valueRoom = values.some((value) => value < 0) ? 16 : 0;
  const bottom = Math.ceil(rotate ? Math.min(150, longest * 0.72 + 22) : 34) + valueRoom;
  const plotHeight = height - top - bottom;
  const clamp = (value: number) => Math.min(yMax, Math.max(yMin, value));
  const y = (value: number) => top + plotHeight - ((clamp(value) - yMin) / (yMax - yMin)) * plotHeight;

  for (const tick of ticks) {
    parts.push(`<line x1="${left}" x2="${width - right}" y1="${y(tick).toFixed(1)}" y2="${y(tick).toFixed(1)}" stroke="${tick === 0 ? '#888888' : '#e3e3e3'}" stroke-width="1"/>`);
    parts.push(`<text x="${left - 6}" y="${(y(tick) + 4).toFixed(1)}" font-size="11" text-anchor="end" fill="#555555">${xml(tickText(tick))}</text>`);
  }
  const yTitle = config.options.scales.y.title.text;
  parts.push(`<text transform="translate(14 ${(top + plotHeight / 2).toFixed(1)}) rotate(-90)" font-size="11" text-anchor="middle" fill="#555555">${xml(yTitle)}</text>`);

  const barWidth = slotWidth * 0.8;
  chart.categories.forEach((category, i) => {
    const value = values[i] ?? 0;
    const barLeft = left + i * slotWidth + slotWidth * 0.1;
    const y0 = y(Math.max(0, value));
    const barHeight = Math.abs(y(value) - y(0));
    const beyond = value > yMax || value < yMin;
    parts.push(`<rect x="${barLeft.toFixed(1)}" y="${y0.toFixed(1)}" width="${Math.max(1, barWidth - 1).toFixed(1)}" height="${Math.max(value === 0 ? 0 : 1, barHeight).toFixed(1)}" fill="${xml(dataset.backgroundColor)}"><title>${xml(`${category.name}: ${valueText(value, chart.unit)}`)}</title></rect>`);
    if (beyond) {
      // A white zigzag across the bar near the cut end: the bar goes on beyond the axis.
      const edge = value > 0 ? y0 + 8 : y0 + barHeight - 8;
      const x0 = barLeft;
      const x1 = barLeft + barWidth - 1;
      const mid = (x0 + x1) / 2;
      parts.push(`<polyline class="axis-break" points="${x0.toFixed(1)},${(edge + 3).toFixed(1)} ${mid.toFixed(1)},${(edge - 3).toFixed(1)} ${mid.toFixed(1)},${(edge + 1).toFixed(1)} ${x1.toFixed(1)},${(edge - 5).toFixed(1)}" fill="none" stroke="#ffffff" stroke-width="3"/>`);
    }
    // The exact value over the bar, when it fits over the bar.
    const text = `${valueText(value, chart.unit)}${beyond ? ' ▲' : ''}`;
    if (text.length * CHAR_WIDTH <= slotWidth) {
      const textY = value >= 0 ? y0 - 4 : y0 + barHeight + 12;
      parts.push(`<text class="bar-value" x="${(left + (i + 0.5) * slotWidth).toFixed(1)}" y="${Math.max(top - 2, textY).toFixed(1)}" font-size="11" text-anchor="middle" fill="#222222">${xml(text)}</text>`);
    }
    const labelX = left + (i + 0.5) * slotWidth;
    const labelY = top + plotHeight + valueRoom + 14;
    parts.push(
      rotate
        ? `<text transform="translate(${labelX.toFixed(1)} ${labelY}) rotate(-40)" font-size="11" text-anchor="end" fill="#333333">${xml(shown[i] ?? '')}</text>`
        : `<text x="${labelX.toFixed(1)}" y="${labelY}" font-size="11" text-anchor="middle" fill="#333333">${xml(shown[i] ?? '')}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}
