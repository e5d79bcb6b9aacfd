export const id = 878;
export const ids = [878];
export const modules = {

/***/ 73878:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  prepareReports: () => (/* binding */ prepareReports),
  writeReports: () => (/* binding */ writeReports)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/report/chart-configs.js
var chart_configs = __webpack_require__(296);
// EXTERNAL MODULE: ./lib/report/quickchart-urls.js + 1 modules
var quickchart_urls = __webpack_require__(67789);
;// CONCATENATED MODULE: ./lib/report/chart-svg.js


/**
 * Draws the bar chart QuickChart would draw, offline, as SVG: the image every run can leave
 * behind, and what the PNG for the workbook is rasterised from. One font family, named as the
 * font file shipped with the package, so the PNG renderer finds it without system fonts.
 */
const CHART_FONT_FAMILY = 'DejaVu Sans';
const CHAR_WIDTH = 6.2; // at 11 px in DejaVu Sans, near enough to lay out labels
const MAX_LABEL = 40;
/** Characters of a note line at 11 px across the 800-pixel image. */
const NOTE_LINE = 120;
function xml(text) {
    return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ' ');
}
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2 });
const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });
function tickText(value) {
    return (Math.abs(value) >= 1e6 ? compact.format(value) : grouped.format(value)).replace(/^-/, '−');
}
/** 1, 2, 2.5 or 5 times a power of ten: ticks people read at a glance; whole numbers for counts. */
function niceStep(range, ticks, integer) {
    const raw = range / ticks;
    const power = 10 ** Math.floor(Math.log10(raw));
    const factors = integer && power <= 1 ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10];
    const step = (factors.find((factor) => factor * power >= raw) ?? 10) * power;
    return integer ? Math.max(1, Math.round(step)) : step;
}
/** The tick values of the value axis, from the axis's bottom to its top. */
function axisTicks(chart) {
    const { bottom, top, step } = valueRange(chart);
    const ticks = [];
    for (let tick = bottom; tick <= top + step / 2; tick += step)
        ticks.push(Number(tick.toPrecision(12)));
    return ticks;
}
function valueRange(chart) {
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
function noteLines(notes) {
    const lines = [];
    for (const note of notes) {
        let line = '';
        for (const word of note.split(' ')) {
            if (line && line.length + word.length + 1 > NOTE_LINE) {
                lines.push(line);
                line = word;
            }
            else
                line = line ? `${line} ${word}` : word;
        }
        if (line)
            lines.push(line);
    }
    return lines.slice(0, 3);
}
function chartSvg(chart) {
    const config = chart.config;
    const dataset = config.data.datasets[0];
    const width = quickchart_urls/* CHART_WIDTH */.Iz;
    const height = quickchart_urls/* CHART_HEIGHT */.Fn;
    const parts = [
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
    const shown = chart.categories.map((category) => (0,chart_configs/* categoryLabel */.Jm)(category, MAX_LABEL));
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
    const clamp = (value) => Math.min(yMax, Math.max(yMin, value));
    const y = (value) => top + plotHeight - ((clamp(value) - yMin) / (yMax - yMin)) * plotHeight;
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
        parts.push(`<rect x="${barLeft.toFixed(1)}" y="${y0.toFixed(1)}" width="${Math.max(1, barWidth - 1).toFixed(1)}" height="${Math.max(value === 0 ? 0 : 1, barHeight).toFixed(1)}" fill="${xml(dataset.backgroundColor)}"><title>${xml(`${category.name}: ${(0,chart_configs/* valueText */.Ru)(value, chart.unit)}`)}</title></rect>`);
        if (beyond) {
            // A white zigzag across the bar near the cut end: the bar goes on beyond the axis.
            const edge = value > 0 ? y0 + 8 : y0 + barHeight - 8;
            const x0 = barLeft;
            const x1 = barLeft + barWidth - 1;
            const mid = (x0 + x1) / 2;
            parts.push(`<polyline class="axis-break" points="${x0.toFixed(1)},${(edge + 3).toFixed(1)} ${mid.toFixed(1)},${(edge - 3).toFixed(1)} ${mid.toFixed(1)},${(edge + 1).toFixed(1)} ${x1.toFixed(1)},${(edge - 5).toFixed(1)}" fill="none" stroke="#ffffff" stroke-width="3"/>`);
        }
        // The exact value over the bar, when it fits over the bar.
        const text = `${(0,chart_configs/* valueText */.Ru)(value, chart.unit)}${beyond ? ' ▲' : ''}`;
        if (text.length * CHAR_WIDTH <= slotWidth) {
            const textY = value >= 0 ? y0 - 4 : y0 + barHeight + 12;
            parts.push(`<text class="bar-value" x="${(left + (i + 0.5) * slotWidth).toFixed(1)}" y="${Math.max(top - 2, textY).toFixed(1)}" font-size="11" text-anchor="middle" fill="#222222">${xml(text)}</text>`);
        }
        const labelX = left + (i + 0.5) * slotWidth;
        const labelY = top + plotHeight + valueRoom + 14;
        parts.push(rotate
            ? `<text transform="translate(${labelX.toFixed(1)} ${labelY}) rotate(-40)" font-size="11" text-anchor="end" fill="#333333">${xml(shown[i] ?? '')}</text>`
            : `<text x="${labelX.toFixed(1)}" y="${labelY}" font-size="11" text-anchor="middle" fill="#333333">${xml(shown[i] ?? '')}</text>`);
    });
    parts.push('</svg>');
    return parts.join('\n');
}
//# sourceMappingURL=chart-svg.js.map
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./lib/report/png-encoding.js

/**
 * RGBA pixels → PNG, with Node's native zlib. resvg's own encoder runs in WebAssembly, and before
 * V8 has optimised it (most runs draw four charts, then exit) it took more time than drawing the
 * chart; this takes a few milliseconds, and zlib's filtered strategy keeps the files no larger.
 */
function encodePng(rgba, width, height) {
    const stride = width * 4;
    if (rgba.length !== stride * height)
        throw new Error(`${rgba.length} bytes are not ${width}×${height} RGBA pixels`);
    // Each scanline is preceded by its filter type: 0, none (zlib's filtered strategy does well on flat colours).
    const scanlines = Buffer.alloc(height * (stride + 1));
    for (let y = 0; y < height; y++)
        scanlines.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
    const header = Buffer.alloc(13);
    header.writeUInt32BE(width, 0);
    header.writeUInt32BE(height, 4);
    header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, adaptive filtering, no interlace
    return Buffer.concat([
        PNG_SIGNATURE,
        chunk('IHDR', header),
        // Level 3: a third of level 6's time, files a sixth larger.
        chunk('IDAT', (0,external_node_zlib_.deflateSync)(scanlines, { level: 3, strategy: external_node_zlib_.constants.Z_FILTERED })),
        chunk('IEND', Buffer.alloc(0)),
    ]);
}
/** The eight bytes every PNG file starts with. */
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
function chunk(type, data) {
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const framed = Buffer.alloc(typed.length + 8);
    framed.writeUInt32BE(data.length, 0);
    framed.set(typed, 4);
    framed.writeUInt32BE(crc32(typed), typed.length + 4);
    return framed;
}
/** CRC-32 as PNG defines it (zlib.crc32 exists only from Node 20.15). */
const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++)
        c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
});
function crc32(bytes) {
    let c = 0xffffffff;
    for (let i = 0; i < bytes.length; i++)
        c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
}
//# sourceMappingURL=png-encoding.js.map
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(98995);
;// CONCATENATED MODULE: ./lib/report/svg-to-png.js




let loading;
async function loadRenderer() {
    const require = (0,external_node_module_.createRequire)(import.meta.url);
    const resvg = await __webpack_require__.e(/* import() */ 26).then(__webpack_require__.bind(__webpack_require__, 43026));
    const [wasm, font] = await Promise.all([(0,promises_.readFile)(require.resolve('@resvg/resvg-wasm/index_bg.wasm')), (0,promises_.readFile)(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'))]);
    await resvg.initWasm(wasm);
    return { resvg, font };
}
function loadedRenderer() {
    loading ??= loadRenderer().catch((error) => {
        loading = undefined;
        throw error;
    });
    return loading;
}
/** Two rounds: the demo's fixed cost was 0.48 s median with two, 0.57 s with one (9 fresh runs each). */
const WARM_UP_ROUNDS = 2;
/**
 * Starts compiling the renderer now, so a run that will draw charts pays for it while its
 * statements run rather than after them. Compiling the WebAssembly is not all of it: V8 compiles
 * each function again, optimised, once it has run often enough, so the first charts drawn cost
 * three times what later ones do. Drawing `sampleSvg` (a chart of the usual shape, rotated labels
 * included) a few times here makes the real charts the later ones; each round lets the statements'
 * callbacks in before the next. A failure is left to the first svgToPng, which reports it.
 */
function warmUpRenderer(sampleSvg) {
    const draw = async () => {
        await loadedRenderer();
        for (let round = 0; sampleSvg && round < WARM_UP_ROUNDS; round++) {
            await svgToPng(sampleSvg);
            await new Promise((resolve) => setImmediate(resolve));
        }
    };
    draw().catch(() => undefined);
}
async function svgToPng(svg) {
    const { resvg, font } = await loadedRenderer();
    const renderer = new resvg.Resvg(svg, { font: { fontBuffers: [font], defaultFontFamily: CHART_FONT_FAMILY, sansSerifFamily: CHART_FONT_FAMILY, loadSystemFonts: false } });
    try {
        const image = renderer.render();
        try {
            return encodePng(image.pixels, image.width, image.height);
        }
        finally {
            image.free();
        }
    }
    finally {
        renderer.free();
    }
}
//# sourceMappingURL=svg-to-png.js.map
;// CONCATENATED MODULE: ./lib/report/chart-images.js







/** Long enough for a QuickChart on the same continent, short enough that an offline run does not stall. */
const DEFAULT_CHART_FETCH_TIMEOUT_MS = 3000;
async function fetchPng(chart, options) {
    const quickChart = (0,quickchart_urls/* quickChartFor */.by)(chart.config, options.quickchartHost);
    // POST, not the image URL: a file has no URL-length limit, so it can carry every category.
    const endpoint = new URL(quickChart.getUrl());
    endpoint.search = '';
    const response = await (options.fetch ?? fetch)(endpoint.href, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(quickChart.getPostData()),
        signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_CHART_FETCH_TIMEOUT_MS),
    });
    if (!response.ok)
        throw new Error(`HTTP ${response.status}`);
    const png = new Uint8Array(await response.arrayBuffer());
    if (!PNG_SIGNATURE.every((byte, i) => png[i] === byte))
        throw new Error(`the answer is not a PNG (${response.headers.get('content-type') ?? 'no content type'})`);
    return png;
}
function reason(error) {
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
        return 'no answer in time';
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error instanceof Error ? error.message : String(error)}${cause}`;
}
/** charts/<id>.svg always, and charts/<id>.png whenever it can be had. */
async function writeChartImages(charts, outDir, options) {
    const drawable = charts.filter((chart) => !(0,chart_configs/* isEmptyChart */.KZ)(chart));
    const notes = [];
    if (drawable.length === 0)
        return { images: [], notes };
    const chartDir = external_node_path_.join(outDir, 'charts');
    (0,external_node_fs_.mkdirSync)(chartDir, { recursive: true });
    const fetched = options.fetchFromQuickChart
        ? await Promise.all(drawable.map((chart) => fetchPng(chart, options).then((png) => ({ png }), (error) => ({ error: reason(error) }))))
        : [];
    const failures = fetched.flatMap((result) => ('error' in result ? [result.error] : []));
    if (failures.length > 0) {
        const host = options.quickchartHost ?? quickchart_urls/* DEFAULT_QUICKCHART_HOST */.N2;
        notes.push(`${failures.length} of ${drawable.length} chart images could not be fetched from QuickChart at ${host} (${[...new Set(failures)].join('; ')}); they were drawn locally instead.`);
    }
    const images = [];
    for (const [i, chart] of drawable.entries()) {
        const svg = chartSvg(chart);
        const image = { id: chart.id, title: chart.title, svgFile: external_node_path_.join(chartDir, `${chart.id}.svg`) };
        (0,external_node_fs_.writeFileSync)(image.svgFile, svg);
        const remote = fetched[i];
        if (remote && 'png' in remote) {
            image.png = remote.png;
            image.pngSource = 'quickchart';
        }
        else {
            try {
                image.png = await svgToPng(svg);
                image.pngSource = 'local';
            }
            catch (error) {
                notes.push(`charts/${chart.id}.png could not be drawn (${reason(error)}); charts/${chart.id}.svg has the chart.`);
            }
        }
        if (image.png) {
            image.pngFile = external_node_path_.join(chartDir, `${chart.id}.png`);
            (0,external_node_fs_.writeFileSync)(image.pngFile, image.png);
        }
        images.push(image);
    }
    return { images, notes };
}
//# sourceMappingURL=chart-images.js.map
// EXTERNAL MODULE: ./node_modules/exceljs/excel.js
var excel = __webpack_require__(59203);
// EXTERNAL MODULE: ./lib/results/findings.js
var findings = __webpack_require__(46498);
// EXTERNAL MODULE: ./lib/results/statuses.js
var statuses = __webpack_require__(61970);
// EXTERNAL MODULE: ./lib/report/baseline-markdown.js
var baseline_markdown = __webpack_require__(677);
;// CONCATENATED MODULE: ./lib/report/spreadsheet-safety.js
/**
 * Spreadsheet programs run a cell that starts with =, +, -, @ (or a tab or carriage return
 * before one) as a formula: a hostile value in the data could then exfiltrate the sheet.
 * Such text gets a leading apostrophe; plain numbers such as -1.5 are left alone.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
function neutraliseFormula(text) {
    return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}
//# sourceMappingURL=spreadsheet-safety.js.map
;// CONCATENATED MODULE: ./lib/report/excel-cell-values.js

/**
 * A value from the data as a workbook cell. Results keep sums and sample cells as exact text;
 * Excel stores numbers as doubles and keeps 15 significant digits, silently rounding the rest.
 * So a decimal with at most 15 significant digits becomes a number whose format shows exactly
 * the digits of the text (86925906.00 stays 86,925,906.00); anything longer, such as a BIGINT
 * beyond 2^53 or a DECIMAL(38,10), stays text, right-aligned like a number, never rounded.
 */
const EXCEL_SIGNIFICANT_DIGITS = 15;
const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;
function significantDigits(integerPart, fraction) {
    const digits = `${integerPart}${fraction}`.replace(/^0+/, '');
    return fraction ? digits.replace(/0+$/, '').length : digits.length;
}
function decimalFormat(scale, grouping) {
    const base = grouping ? '#,##0' : '0';
    return scale > 0 ? `${base}.${'0'.repeat(scale)}` : base;
}
/** A value from the data: a number when Excel can hold it exactly, else formula-safe text. */
function dataCell(text, options = {}) {
    if (text === null)
        return { value: 'NULL', isNull: true };
    const match = DECIMAL.exec(text);
    if (!match)
        return { value: neutraliseFormula(text) };
    const [, , integerPart = '', fraction = ''] = match;
    if (significantDigits(integerPart, fraction) > EXCEL_SIGNIFICANT_DIGITS)
        return { value: text, alignRight: true };
    return { value: Number(text), numFmt: decimalFormat(fraction.length, options.grouping ?? false) };
}
/** Text that is ours or a name from a config: still formula-safe, since configs come from pull requests. */
function textCell(text) {
    return { value: text === undefined || text === null ? null : neutraliseFormula(text) };
}
function countCell(value) {
    return { value: value ?? null, numFmt: '#,##0' };
}
/** A percentage given as 0–100 in the results, stored as a fraction so Excel's % format applies. */
function percentCell(percent) {
    return { value: percent === undefined || percent === null ? null : percent / 100, numFmt: '0.00%' };
}
function ratioCell(ratio) {
    return { value: ratio, numFmt: '0.0000%' };
}
//# sourceMappingURL=excel-cell-values.js.map
// EXTERNAL MODULE: ./lib/report/key-text.js
var key_text = __webpack_require__(28669);
;// CONCATENATED MODULE: ./lib/report/baseline-workbook.js



/**
 * The workbook's side of the comparisons with the base: a column of the Summary sheet and a
 * Baseline sheet (findings), and a Gate changes sheet (what the configs loosened).
 */
/** The Summary sheet's `vs <baseline>` cell of one check: new findings stand out. */
function baselineCell(results, pair, check) {
    const baseline = results.baseline;
    const entry = baseline?.checks.find((candidate) => candidate.pair === pair && candidate.check === check);
    if (!baseline || !entry) {
        const onlyHere = baseline?.onlyInRun.pairs.includes(pair) || baseline?.onlyInRun.checks.some((candidate) => candidate.pair === pair && candidate.check === check);
        return textCell(onlyHere ? 'only in this run' : '');
    }
    if (entry.new > 0)
        return { ...textCell(`${baseline_markdown/* NEW_MARK */.RD} ${entry.new} new${entry.fixed > 0 ? `, ${entry.fixed} fixed` : ''}`), status: 'FAIL' };
    if (entry.fixed > 0)
        return { ...textCell(entry.status === 'PASS' ? `fixed (${entry.fixed})` : `${entry.fixed} fixed`), status: 'PASS' };
    return textCell('unchanged');
}
function baselineSheet(writer, results) {
    const baseline = results.baseline;
    if (!baseline)
        return;
    const { counts } = baseline;
    writer.title(`Compared with ${baseline.label}`, `${counts.new} new findings (${baseline.newFailing} in failing checks), ${counts.fixed} fixed, ${counts.unchanged} unchanged; baseline ${baseline.source}, run of ${baseline.startedAt}`);
    writer.header([`Pair`, 'Check', `${baseline.label} status`, `${baseline.label} measured`, 'Status', 'Measured', 'New', 'Fixed', 'Unchanged', 'Keys compared', 'Waived now']);
    for (const entry of baseline.checks) {
        writer.row([
            textCell(entry.pair),
            textCell(entry.check),
            entry.baselineStatus ? { value: entry.baselineStatus, status: entry.baselineStatus } : textCell('–'),
            countCell(entry.baselineMeasured),
            entry.status ? { value: entry.status, status: entry.status } : textCell('–'),
            countCell(entry.measured),
            { ...countCell(entry.new), status: entry.new > 0 ? 'FAIL' : undefined },
            countCell(entry.fixed),
            countCell(entry.unchanged),
            textCell(entry.keys ? (entry.keys.from === 'sampled' ? 'sampled keys (every key)' : 'key counts (samples incomplete)') : ''),
            textCell(entry.waived ? 'yes' : ''),
        ]);
    }
    const findings = baseline.checks.flatMap((entry) => {
        const columns = results.pairs.find((pair) => pair.name === entry.pair)?.keys ?? [];
        return [
            ...(entry.keys?.new ?? []).map((key) => [entry, 'new', (0,key_text/* keyText */.P)(columns, key)]),
            ...entry.newFindings.map((name) => [entry, 'new', name]),
            ...(entry.keys?.fixed ?? []).map((key) => [entry, 'fixed', (0,key_text/* keyText */.P)(columns, key)]),
            ...entry.fixedFindings.map((name) => [entry, 'fixed', name]),
        ];
    });
    writer.blank();
    writer.title('New and fixed findings', findings.length === 0 ? 'none' : undefined);
    if (findings.length > 0) {
        writer.header(['Pair', 'Check', 'Change', 'Finding']);
        for (const [entry, change, finding] of findings) {
            writer.row([textCell(entry.pair), textCell(entry.check), { ...textCell(change === 'new' ? `${baseline_markdown/* NEW_MARK */.RD} new` : 'fixed'), status: change === 'new' ? 'FAIL' : 'PASS' }, textCell(finding)]);
        }
    }
    const sideOnly = [
        ['Pairs only in this run', baseline.onlyInRun.pairs],
        [`Pairs only in ${baseline.label}`, baseline.onlyInBaseline.pairs],
        ['Checks only in this run', baseline.onlyInRun.checks.map((entry) => `${entry.pair}: ${entry.check}`)],
        [`Checks only in ${baseline.label}`, baseline.onlyInBaseline.checks.map((entry) => `${entry.pair}: ${entry.check}`)],
    ];
    for (const [title, names] of sideOnly) {
        if (names.length === 0)
            continue;
        writer.blank();
        writer.title(title);
        for (const name of names)
            writer.row([textCell(name)]);
    }
}
function gateChangesSheet(writer, results) {
    const changes = results.gateChanges;
    if (!changes)
        return;
    const policy = changes.allowedBy ? `allowed by ${changes.allowedBy}` : changes.enforced ? `fails the run until ${changes.allowWith} allows it` : 'listed, not enforced';
    writer.title(`Gate loosened vs ${changes.label}`, `${changes.loosened.length} changes; ${policy}; base files: ${changes.baseFiles.join(', ') || 'none'}`);
    writer.header(['Pair', 'Change', 'Check', 'Column', 'Before', 'After', 'What', 'File', 'Line']);
    for (const change of changes.loosened) {
        writer.row([
            textCell(change.pair),
            { ...textCell(change.kind.replace(/_/g, ' ')), status: 'WARN' },
            textCell(change.check),
            textCell(change.column),
            textCell(change.before),
            textCell(change.after),
            textCell(change.message),
            textCell(change.in === 'base' ? `${change.file} (at ${changes.label})` : change.file),
            countCell(change.line),
        ]);
    }
    for (const file of changes.unreadable)
        writer.row([textCell(`not compared: ${file} could not be read`)]);
}
//# sourceMappingURL=baseline-workbook.js.map
// EXTERNAL MODULE: ./lib/report/check-details.js
var check_details = __webpack_require__(78477);
// EXTERNAL MODULE: ./lib/report/check-wording.js
var check_wording = __webpack_require__(77971);
// EXTERNAL MODULE: ./lib/report/column-match-rates.js
var column_match_rates = __webpack_require__(33940);
;// CONCATENATED MODULE: ./lib/report/sheet-writer.js

/** Excel's own Good / Neutral / Bad styles, and a dark red for a pair that could not run. */
const STATUS_STYLE = {
    WAIVED: { fill: 'FFDDEBF7', font: 'FF1F4E79' },
    PASS: { fill: 'FFC6EFCE', font: 'FF006100' },
    WARN: { fill: 'FFFFEB9C', font: 'FF9C5700' },
    FAIL: { fill: 'FFFFC7CE', font: 'FF9C0006' },
    ERROR: { fill: 'FF9C0006', font: 'FFFFFFFF' },
};
const HEADER_FILL = 'FFD9E1F2';
const MIN_WIDTH = 10;
const MAX_WIDTH = 60;
/** Named, so that a font set for bold or colour does not fall back to the viewer's serif default. */
const FONT = { name: 'Calibri', size: 11 };
function paint(cell, content) {
    cell.value = content.value;
    if (content.numFmt)
        cell.numFmt = content.numFmt;
    // Text indented by one step, so it does not touch a right-aligned number in the column before.
    cell.alignment = content.alignRight ? { horizontal: 'right' } : typeof content.value === 'string' ? { horizontal: 'left', indent: 1 } : {};
    if (content.isNull)
        cell.font = { ...FONT, italic: true, color: { argb: 'FF808080' } };
    if (content.bold)
        cell.font = { ...FONT, bold: true };
    if (content.status) {
        const style = STATUS_STYLE[content.status];
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: style.fill } };
        cell.font = { ...FONT, bold: true, color: { argb: style.font } };
    }
}
function displayLength(content) {
    if (content.value === null)
        return 0;
    // Right-aligned numbers run into left-aligned text in the next column without a margin.
    if (typeof content.value === 'number')
        return Math.max(String(content.value).length, content.numFmt?.length ?? 0) + 4;
    return Math.max(...String(content.value).split('\n').map((line) => line.length)) + 1;
}
class SheetWriter {
    sheet;
    widths = [];
    next = 1;
    table;
    constructor(sheet) {
        this.sheet = sheet;
    }
    get nextRow() {
        return this.next;
    }
    row(cells, options = {}) {
        const rowNumber = options.rowNumber ?? this.next;
        this.next = Math.max(this.next, rowNumber + 1);
        const row = this.sheet.getRow(rowNumber);
        cells.forEach((content, i) => {
            paint(row.getCell(i + 1), content);
            if (options.measure !== false)
                this.widths[i] = Math.max(this.widths[i] ?? 0, displayLength(content));
        });
        return rowNumber;
    }
    /**
     * The sheet's one table header (an Excel sheet has one auto-filter): frozen so it stays in
     * view, with the auto-filter over the header and every row under it (set in finish()).
     * Header names can come from configs (key and column names): formula-safe like any text.
     */
    header(names) {
        const rowNumber = this.row(names.map((name) => ({ ...textCell(name), bold: true })));
        const row = this.sheet.getRow(rowNumber);
        names.forEach((_, i) => {
            const cell = row.getCell(i + 1);
            cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
            cell.border = { bottom: { style: 'thin' } };
        });
        // ySplit n freezes rows 1..n: through the header row, not the row above it.
        this.sheet.views = [{ state: 'frozen', ySplit: rowNumber, topLeftCell: `A${rowNumber + 1}` }];
        this.table = { headerRow: rowNumber, columns: names.length };
        return rowNumber;
    }
    /** One cell, so that it spills over the empty cells to its right however narrow column A is. */
    title(value, note) {
        const rowNumber = this.row([textCell(note ? `${value}: ${note}` : value)], { measure: false });
        this.sheet.getRow(rowNumber).getCell(1).font = { ...FONT, bold: true, size: 12 };
    }
    blank() {
        this.next += 1;
    }
    finish() {
        if (this.table) {
            // The whole table, not only the header: LibreOffice filters exactly the range it is given.
            this.sheet.autoFilter = { from: { row: this.table.headerRow, column: 1 }, to: { row: Math.max(this.table.headerRow, this.next - 1), column: this.table.columns } };
        }
        this.widths.forEach((width, i) => {
            this.sheet.getColumn(i + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width + 2));
        });
    }
}
//# sourceMappingURL=sheet-writer.js.map
;// CONCATENATED MODULE: ./lib/report/excel-workbook.js











/** A schema column is styled as the schema check counts it (results/findings.ts). */
const SCHEMA_STYLE = { ok: undefined, warning: 'WARN', failure: 'FAIL' };
const excel_workbook_text = (value) => textCell(value);
const excel_workbook_status = (value) => ({ value, status: value });
function addSheet(workbook, name, build) {
    // Printed (or turned into PDF), a sheet keeps its columns on one page width.
    const writer = new SheetWriter(workbook.addWorksheet(name, { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } }));
    build(writer);
    writer.finish();
}
function summarySheet(writer, results) {
    const { run, summary } = results;
    const counts = statuses/* STATUSES */.f.filter((s) => summary.byStatus[s] > 0).map((s) => `${summary.byStatus[s]} ${s}`);
    const facts = [
        ['Status', excel_workbook_status(results.status)],
        ['Pairs', excel_workbook_text(`${summary.pairs}: ${counts.join(', ') || 'none'}; ${summary.differingRows.toLocaleString('en-US')} differing rows`)],
        ['Started', { value: run.startedAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC') }],
        ['Duration', excel_workbook_text(`${(0,check_wording/* durationText */.S5)(run.durationMs)} (${run.durationMs.toLocaleString('en-US')} ms)`)],
        ['Engine', excel_workbook_text(run.engine)],
        ['Configs', excel_workbook_text(run.configs.join(', '))],
        ...(run.interrupted ? [['Interrupted', excel_workbook_text(run.interrupted)]] : []),
    ];
    writer.title(`Recon Gate report (${results.tool.name} ${results.tool.version})`);
    for (const [label, value] of facts)
        writer.row([{ value: label, bold: true }, value], { measure: false });
    writer.blank();
    writer.header(['Pair', 'Pair status', 'Check', 'Status', 'Measured', 'Unit', 'Base', '% of base', 'Max count', 'Max %', 'Finding', 'Source rows', 'Target rows', 'Config file', 'Line', ...(results.baseline ? [`vs ${results.baseline.label}`] : [])]);
    for (const pair of results.pairs) {
        for (const check of pair.checks) {
            writer.row([
                excel_workbook_text(pair.name),
                excel_workbook_status(pair.status),
                excel_workbook_text(check.check),
                excel_workbook_status((0,statuses/* shownStatus */.O4)(check)),
                countCell(check.measured),
                excel_workbook_text(check.unit),
                countCell(check.base),
                percentCell(check.percent),
                countCell(check.threshold.maxCount),
                percentCell(check.threshold.maxPercent),
                excel_workbook_text([check.message, ...(check.warnings ?? [])].join('; ')),
                countCell(pair.source.rows),
                countCell(pair.target.rows),
                excel_workbook_text(pair.config.file),
                countCell(pair.config.line),
                ...(results.baseline ? [baselineCell(results, pair.name, check.check)] : []),
            ]);
        }
    }
}
function rowCountsSheet(writer, results) {
    writer.header(['Pair', 'Status', 'Source rows', 'Target rows', 'Difference', 'Source', 'Source filter', 'Target', 'Target filter']);
    for (const pair of results.pairs) {
        const check = pair.checks.find((result) => result.check === 'row_count');
        const details = (0,check_details/* checkDetails */.b)(pair, 'row_count');
        writer.row([
            excel_workbook_text(pair.name),
            excel_workbook_status(check?.status ?? pair.status),
            countCell(details?.source ?? pair.source.rows),
            countCell(details?.target ?? pair.target.rows),
            countCell(details?.difference),
            excel_workbook_text(pair.source.description),
            excel_workbook_text(pair.source.filter),
            excel_workbook_text(pair.target.description),
            excel_workbook_text(pair.target.filter),
        ]);
    }
}
function schemaSheet(writer, results) {
    writer.header(['Pair', 'Column', 'Key', 'Status', 'Source type', 'Target type', 'Source nullable', 'Target nullable']);
    const yesNo = (value) => excel_workbook_text(value === undefined ? undefined : value ? 'yes' : 'no');
    for (const pair of results.pairs) {
        for (const column of (0,check_details/* checkDetails */.b)(pair, 'schema')?.columns ?? []) {
            writer.row([excel_workbook_text(pair.name), excel_workbook_text(column.label), yesNo(column.isKey), { value: column.status, status: SCHEMA_STYLE[findings/* SCHEMA_STATUS_EFFECT */.pd[column.status]] }, excel_workbook_text(column.sourceType), excel_workbook_text(column.targetType), yesNo(column.sourceNullable), yesNo(column.targetNullable)]);
        }
    }
}
function nullsSheet(writer, results) {
    writer.header(['Pair', 'Column', 'Source NULLs', 'Target NULLs', 'Difference']);
    for (const pair of results.pairs) {
        for (const column of (0,check_details/* checkDetails */.b)(pair, 'nulls')?.columns ?? []) {
            writer.row([excel_workbook_text(pair.name), excel_workbook_text(column.label), countCell(column.source), countCell(column.target), { ...countCell(column.difference), status: column.difference === 0 ? undefined : 'FAIL' }]);
        }
    }
}
function aggregatesSheet(writer, results) {
    writer.header(['Pair', 'Column', 'Function', 'Source', 'Target', 'Difference', 'Relative difference', 'Within tolerance', 'Note']);
    for (const pair of results.pairs) {
        for (const aggregate of (0,check_details/* checkDetails */.b)(pair, 'aggregates')?.aggregates ?? []) {
            writer.row([
                excel_workbook_text(pair.name),
                excel_workbook_text(aggregate.label),
                excel_workbook_text(aggregate.function),
                dataCell(aggregate.source, { grouping: true }),
                dataCell(aggregate.target, { grouping: true }),
                dataCell(aggregate.difference, { grouping: true }),
                ratioCell(aggregate.relativeDifference),
                { value: aggregate.withinTolerance ? 'yes' : 'no', status: aggregate.withinTolerance ? 'PASS' : 'FAIL' },
                excel_workbook_text(aggregate.note),
            ]);
        }
    }
}
/** group_by: the differing groups kept in the results (the worst 20 per pair), one row per differing aggregate. */
function groupsSheet(writer, results) {
    writer.header(['Pair', 'Group by', 'Group', 'Source rows', 'Target rows', 'Aggregate', 'Source', 'Target', 'Difference']);
    for (const pair of results.pairs) {
        const groups = (0,check_details/* checkDetails */.b)(pair, 'aggregates')?.groups;
        for (const group of groups?.worst ?? []) {
            const lead = [excel_workbook_text(pair.name), excel_workbook_text(groups.by.join(', ')), excel_workbook_text(group.key.map((value) => value ?? 'NULL').join(', ')), countCell(group.sourceRows), countCell(group.targetRows)];
            if (group.differences.length === 0)
                writer.row([...lead, excel_workbook_text(undefined), excel_workbook_text(undefined), excel_workbook_text(undefined), excel_workbook_text(undefined)]);
            for (const difference of group.differences) {
                writer.row([...lead, excel_workbook_text(`${difference.function}(${difference.label})`), dataCell(difference.source, { grouping: true }), dataCell(difference.target, { grouping: true }), dataCell(difference.difference, { grouping: true })]);
            }
        }
    }
}
/** Key column names over all pairs, in first-seen order: one table for every pair, each key part in its own filterable column. */
function keyColumns(results) {
    return [...new Set(results.pairs.flatMap((pair) => pair.keys))];
}
function keyCells(keys, pair, key) {
    return keys.map((name) => {
        const i = pair.keys.indexOf(name);
        return i < 0 ? excel_workbook_text(undefined) : dataCell(key[i] ?? null);
    });
}
/** Per pair and compared column: matched rows that agree ÷ matched rows, and why the others differ. */
function matchRatesSheet(writer, results) {
    let rows = 0;
    writer.header(['Pair', 'Column', 'Source column', 'Target column', 'Source type', 'Target type', 'Tolerance', 'Matched rows', 'Agreeing rows', 'Mismatching rows', 'Match rate', 'Max abs diff', 'Within tolerance', 'Mismatch classes']);
    for (const pair of results.pairs) {
        const info = new Map(pair.columns.map((column) => [column.label, column]));
        for (const rate of (0,column_match_rates/* columnMatchRates */.hZ)(pair)) {
            const column = info.get(rate.label);
            const tolerance = column?.tolerance ? [column.tolerance.abs ? `abs ${column.tolerance.abs}` : '', column.tolerance.rel ? `rel ${column.tolerance.rel}` : ''].filter(Boolean).join(', ') : '';
            writer.row([
                excel_workbook_text(pair.name),
                excel_workbook_text(rate.label),
                excel_workbook_text(column?.source),
                excel_workbook_text(column?.target),
                excel_workbook_text(column?.sourceType),
                excel_workbook_text(column?.targetType),
                excel_workbook_text(tolerance || undefined),
                countCell(rate.matchedRows),
                countCell(rate.agreeingRows),
                { ...countCell(rate.mismatchingRows), status: rate.mismatchingRows > 0 ? 'FAIL' : undefined },
                { value: rate.rate, numFmt: `0.${'0'.repeat(rate.rate === null ? 2 : (0,column_match_rates/* matchRateDecimals */.aG)(rate.rate))}%`, status: rate.rate === null ? undefined : rate.rate === 1 ? 'PASS' : 'FAIL' },
                rate.maxAbsDiff === undefined ? excel_workbook_text(undefined) : { value: rate.maxAbsDiff },
                countCell(rate.withinTolerance),
                excel_workbook_text((0,column_match_rates/* classesText */.a4)(rate.classes) || undefined),
            ]);
            rows += 1;
        }
    }
    if (rows === 0)
        writer.row([excel_workbook_text('No pair compared values (no key join ran).')]);
}
function mismatchesSheet(writer, results) {
    const keys = keyColumns(results);
    writer.header(['Pair', ...keys, 'Column', 'Source value', 'Target value', 'Kind', 'Mismatch class']);
    let cells = 0;
    for (const pair of results.pairs) {
        const samples = [...pair.samples.mismatches.map((sample) => ({ sample, kind: 'mismatch' })), ...pair.samples.withinTolerance.map((sample) => ({ sample, kind: 'within tolerance' }))];
        for (const { sample, kind } of samples) {
            writer.row([excel_workbook_text(pair.name), ...keyCells(keys, pair, sample.key), excel_workbook_text(sample.column), dataCell(sample.source), dataCell(sample.target), { value: kind, status: kind === 'mismatch' ? 'FAIL' : 'WARN' }, excel_workbook_text(sample.class)]);
            cells += 1;
        }
    }
    if (cells === 0)
        writer.row([excel_workbook_text('No sampled mismatches: every matched row agrees.')]);
}
function missingRowsSheet(writer, results) {
    const keys = keyColumns(results);
    const values = [...new Set(results.pairs.flatMap((pair) => [...pair.samples.onlyInSource, ...pair.samples.onlyInTarget].flatMap((sample) => Object.keys(sample.values))))];
    writer.header(['Pair', 'Kind', ...keys, 'Source rows', 'Target rows', ...values]);
    let rows = 0;
    for (const pair of results.pairs) {
        for (const [kind, samples] of [['only in source', pair.samples.onlyInSource], ['only in target', pair.samples.onlyInTarget]]) {
            for (const sample of samples) {
                writer.row([excel_workbook_text(pair.name), { value: kind, status: 'FAIL' }, ...keyCells(keys, pair, sample.key), excel_workbook_text(undefined), excel_workbook_text(undefined), ...values.map((column) => (column in sample.values ? dataCell(sample.values[column] ?? null) : excel_workbook_text(undefined)))]);
                rows += 1;
            }
        }
        for (const sample of pair.samples.duplicateKeys) {
            writer.row([excel_workbook_text(pair.name), { value: 'duplicate key', status: 'FAIL' }, ...keyCells(keys, pair, sample.key), countCell(sample.sourceRows), countCell(sample.targetRows)]);
            rows += 1;
        }
    }
    if (rows === 0)
        writer.row([excel_workbook_text('No sampled rows: every key is on both sides, once.')]);
}
/** Rows of the default height an 800×420 chart covers, plus a gap. */
const ROWS_PER_CHART = Math.ceil(quickchart_urls/* CHART_HEIGHT */.Fn / 20) + 3;
function chartsSheet(workbook, writer, charts, notes) {
    writer.title('Charts', charts.length === 0 ? 'Nothing to chart.' : undefined);
    for (const note of notes)
        writer.row([excel_workbook_text(note)], { measure: false });
    let row = writer.nextRow + 1;
    for (const chart of charts) {
        writer.row([{ value: chart.title, bold: true }], { measure: false, rowNumber: row });
        if (chart.png) {
            const image = workbook.addImage({ buffer: Buffer.from(chart.png), extension: 'png' });
            writer.sheet.addImage(image, { tl: { col: 0, row }, ext: { width: quickchart_urls/* CHART_WIDTH */.Iz, height: quickchart_urls/* CHART_HEIGHT */.Fn } });
            row += ROWS_PER_CHART;
        }
        else {
            writer.row([excel_workbook_text(`No PNG could be made${chart.svgFileName ? `; see ${chart.svgFileName}` : ''}.`)], { measure: false, rowNumber: row + 1 });
            row += 3;
        }
    }
}
/**
 * report.xlsx, from the results alone. Every value from the data or a config goes through the
 * cell helpers, which keep digits exact and neutralise formulas.
 */
function reportWorkbook(results, options = {}) {
    const workbook = new excel.Workbook();
    workbook.creator = `${results.tool.name} ${results.tool.version}`;
    workbook.created = new Date(results.run.finishedAt);
    addSheet(workbook, 'Summary', (writer) => summarySheet(writer, results));
    addSheet(workbook, 'Row counts', (writer) => rowCountsSheet(writer, results));
    addSheet(workbook, 'Schema', (writer) => schemaSheet(writer, results));
    addSheet(workbook, 'Match rates', (writer) => matchRatesSheet(writer, results));
    addSheet(workbook, 'Nulls', (writer) => nullsSheet(writer, results));
    addSheet(workbook, 'Aggregates', (writer) => aggregatesSheet(writer, results));
    if (results.pairs.some((pair) => (0,check_details/* checkDetails */.b)(pair, 'aggregates')?.groups))
        addSheet(workbook, 'Groups', (writer) => groupsSheet(writer, results));
    addSheet(workbook, 'Mismatches', (writer) => mismatchesSheet(writer, results));
    addSheet(workbook, 'Missing rows', (writer) => missingRowsSheet(writer, results));
    if (results.baseline)
        addSheet(workbook, 'Baseline', (writer) => baselineSheet(writer, results));
    if (results.gateChanges)
        addSheet(workbook, 'Gate changes', (writer) => gateChangesSheet(writer, results));
    if (options.charts) {
        const charts = options.charts;
        addSheet(workbook, 'Charts', (writer) => chartsSheet(workbook, writer, charts, options.chartNotes ?? []));
    }
    return workbook;
}
/**
 * Stored, not deflated: exceljs deflates in JavaScript (pako), a tenth of a demo run's wall time,
 * to halve a workbook of a few hundred kilobytes whose chart PNGs are compressed already; the
 * artifact upload compresses it anyway.
 */
const ZIP_OPTIONS = { zip: { compression: 'STORE' } };
async function writeWorkbook(results, file, options = {}) {
    // Written in one call: exceljs's own file stream ends with an asynchronous close that the
    // process then waits for, queued behind DuckDB's work on libuv's threads (up to 0.1 s).
    (0,external_node_fs_.writeFileSync)(file, Buffer.from(await reportWorkbook(results, options).xlsx.writeBuffer(ZIP_OPTIONS)));
}
//# sourceMappingURL=excel-workbook.js.map
;// CONCATENATED MODULE: ./lib/report/junit-xml.js






/**
 * junit.xml: the run as JUnit test results, which every CI system can show (GitLab merge
 * requests, Jenkins, Azure DevOps, GitHub test-report actions). One <testsuite> per config file,
 * one <testcase> per pair and check (classname = pair, name = check):
 *
 * - FAIL  → <failure type="FAIL">, its message the measured value, percent and threshold;
 * - ERROR → <error>, typed by the pair's error kind when it has one;
 * - waived → <skipped message="waived: …">: CI systems count and list skipped tests with their
 *   message, so an accepted difference stays visible without failing the build; a property
 *   would be shown by none of them;
 * - WARN  → a passing test whose <system-out> says why it warned (WARN does not fail the gate);
 * - PASS  → a passing test.
 *
 * Times are seconds. Results carry a duration per pair, not per check (a pair's checks share
 * its statements), so each check gets an equal share of its pair's time. `file` and `line` on a
 * testcase point at the pair in its config, for reporters that annotate the pull request.
 */
const SAMPLE_LINES = 10;
function junitXml(results) {
    const byFile = new Map();
    for (const pair of results.pairs)
        byFile.set(pair.config.file, [...(byFile.get(pair.config.file) ?? []), pair]);
    const timestamp = results.run.startedAt.replace(/\.\d+(?=Z$)/, '');
    const total = { tests: 0, failures: 0, errors: 0, skipped: 0 };
    const suites = [...byFile].map(([file, pairs]) => {
        const cases = pairs.flatMap(pairCases);
        const counts = countsOf(cases);
        for (const key of Object.keys(total))
            total[key] += counts[key];
        const seconds = pairs.reduce((sum, pair) => sum + pair.durationMs, 0) / 1000;
        const properties = [
            ['engine', results.run.engine],
            ['recon-gate.version', results.tool.version],
            ['run.status', results.status],
            ...(results.run.interrupted ? [['run.interrupted', results.run.interrupted]] : []),
            ...(results.waivers ? [['waivers.files', results.waivers.files.join(', ')]] : []),
        ];
        return [
            `  <testsuite${attributes({ name: file, tests: counts.tests, failures: counts.failures, errors: counts.errors, skipped: counts.skipped, time: seconds.toFixed(3), timestamp, file })}>`,
            '    <properties>',
            ...properties.map(([name, value]) => `      <property${attributes({ name, value })}/>`),
            '    </properties>',
            ...cases.map((testCase) => testCase.xml),
            '  </testsuite>',
        ].join('\n');
    });
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites${attributes({ name: 'Recon Gate', tests: total.tests, failures: total.failures, errors: total.errors, skipped: total.skipped, time: (results.run.durationMs / 1000).toFixed(3), timestamp })}>`,
        ...suites,
        '</testsuites>',
        '',
    ].join('\n');
}
/** Writes junit.xml into `outDir` and returns its path. */
function writeJunitXml(results, outDir) {
    (0,external_node_fs_.mkdirSync)(outDir, { recursive: true });
    const file = external_node_path_.join(outDir, 'junit.xml');
    (0,external_node_fs_.writeFileSync)(file, junitXml(results));
    return file;
}
function countsOf(cases) {
    return {
        tests: cases.length,
        failures: cases.filter((testCase) => testCase.kind === 'failure').length,
        errors: cases.filter((testCase) => testCase.kind === 'error').length,
        skipped: cases.filter((testCase) => testCase.kind === 'skipped').length,
    };
}
function pairCases(pair) {
    const location = { file: pair.config.file, line: pair.config.line };
    if (pair.checks.length === 0) {
        // A pair that failed before it had checks still needs a test that says so.
        const seconds = pair.durationMs / 1000;
        const open = `    <testcase${attributes({ classname: pair.name, name: 'reconcile', time: seconds.toFixed(3), ...location })}>`;
        if (!pair.error)
            return [{ kind: 'passed', seconds, xml: `${open}</testcase>` }];
        const body = [`${pair.name} could not be reconciled`, ...pairLines(pair), `step: ${pair.error.step ?? pair.error.kind}`, pair.error.message];
        return [{ kind: 'error', seconds, xml: `${open}\n${outcomeElement('error', { message: pair.error.message, type: pair.error.kind }, body)}\n    </testcase>` }];
    }
    const seconds = pair.durationMs / 1000 / pair.checks.length;
    return pair.checks.map((check) => {
        const kind = caseKind(check);
        const open = `    <testcase${attributes({ classname: pair.name, name: check.check, time: seconds.toFixed(3), ...location })}`;
        const outcome = outcomeOf(pair, check, kind);
        return { kind, seconds, xml: outcome ? `${open}>\n${outcome}\n    </testcase>` : `${open}/>` };
    });
}
function caseKind(check) {
    if (check.waiver?.outcome === 'waived')
        return 'skipped';
    if (check.status === 'FAIL')
        return 'failure';
    if (check.status === 'ERROR')
        return 'error';
    return 'passed';
}
function outcomeOf(pair, check, kind) {
    const body = checkLines(pair, check);
    switch (kind) {
        case 'failure':
            return outcomeElement('failure', { message: `${(0,check_wording/* measuredText */.AY)(check)}, threshold ${(0,check_wording/* thresholdText */.HA)(check.threshold, check.unit)}: ${check.message}`, type: 'FAIL' }, body);
        case 'error':
            return outcomeElement('error', { message: pair.error?.message ?? check.message, type: pair.error?.kind ?? 'ERROR' }, body);
        case 'skipped': {
            const waivers = check.waiver?.waivers ?? [];
            return outcomeElement('skipped', { message: `waived: ${waivers.map((waiver) => `${oneLine(waiver.reason)} (${waiver.owner}, until ${waiver.expires})`).join('; ')}` }, body);
        }
        case 'passed':
            return check.status === 'WARN' ? `      <system-out>${escapeText(body.join('\n'))}</system-out>` : undefined;
    }
}
function outcomeElement(name, attributeValues, body) {
    return `      <${name}${attributes(attributeValues)}>${escapeText(body.join('\n'))}</${name}>`;
}
function pairLines(pair) {
    const side = (label, summary) => `${label}: ${summary.description}${summary.filter ? ` WHERE ${summary.filter}` : ''}${summary.rows !== undefined ? ` (${(0,check_wording/* countText */.lT)(summary.rows)} rows)` : ''}`;
    return [`config: ${pair.config.file}:${pair.config.line}`, side('source', pair.source), side('target', pair.target)];
}
/** What a reviewer needs to act on a check without opening the other reports. */
function checkLines(pair, check) {
    const lines = [`${pair.name} · ${check.check}: ${(0,statuses/* shownStatus */.O4)(check)}${check.waiver ? ` (was ${check.waiver.originalStatus})` : ''}`, ...pairLines(pair)];
    if (pair.error)
        lines.push(`error (${pair.error.step ?? pair.error.kind}): ${pair.error.message}`);
    else
        lines.push(`measured: ${(0,check_wording/* measuredText */.AY)(check)} of ${(0,check_wording/* countText */.lT)(check.base)}`, `threshold: ${(0,check_wording/* thresholdText */.HA)(check.threshold, check.unit)}`);
    lines.push(check.message, ...(check.warnings ?? []).map((warning) => `warning: ${warning}`));
    for (const waiver of check.waiver?.waivers ?? []) {
        const scope = [waiver.column, waiver.class].filter((part) => part !== undefined).join(' ');
        lines.push(`waiver ${waiver.file}:${waiver.line}${scope ? ` (${scope})` : ''}: ${oneLine(waiver.reason)}; owner ${waiver.owner}, until ${waiver.expires}`);
    }
    if (check.waiver?.outcome === 'partial')
        lines.push(`not covered by a waiver: ${check.waiver.uncovered.join(', ')}`);
    lines.push(...detailLines(pair, check));
    const reproduce = pair.reproduce?.[check.check];
    if (reproduce && check.status !== 'PASS')
        lines.push('', 'SQL listing the keys behind this finding:', reproduce);
    return lines;
}
function detailLines(pair, check) {
    const details = check.details;
    const key = (values) => (0,key_text/* keyText */.P)(pair.keys, values);
    switch (details.check) {
        case 'schema':
            return section('columns that differ', (0,findings/* schemaFindings */.I$)(details.columns).map((column) => `${column.label}: ${column.status} (${column.sourceType ?? '–'} → ${column.targetType ?? '–'})`));
        case 'nulls':
            return section('NULL counts that differ', (0,findings/* nullFindings */.Sz)(details.columns).map((column) => `${column.label}: ${(0,check_wording/* countText */.lT)(column.source)} → ${(0,check_wording/* countText */.lT)(column.target)}`));
        case 'aggregates':
            return section('aggregates that differ', (0,findings/* aggregateFindings */["in"])(details.aggregates).map((aggregate) => `${aggregate.function}(${aggregate.label}): ${aggregate.source ?? 'NULL'} → ${aggregate.target ?? 'NULL'}${aggregate.note ? ` (${aggregate.note})` : ''}`));
        case 'value_mismatches':
            return [
                ...section('mismatches by column', (0,findings/* mismatchFindings */.p$)(details.columns).map((column) => {
                    const classes = Object.entries(column.classes ?? {}).filter(([, count]) => (count ?? 0) > 0).map(([name, count]) => `${name} ${(0,check_wording/* countText */.lT)(count)}`);
                    return `${column.label}: ${(0,check_wording/* countText */.lT)(column.mismatches)}${classes.length > 0 ? ` (${classes.join(', ')})` : ''}`;
                })),
                ...section('sample', pair.samples.mismatches.map((sample) => `${key(sample.key)}: ${sample.column} ${sample.source ?? 'NULL'} → ${sample.target ?? 'NULL'}${sample.class ? ` (${sample.class})` : ''}`)),
            ];
        case 'missing_rows':
            return section('sample keys only in the source', pair.samples.onlyInSource.map((sample) => key(sample.key)));
        case 'extra_rows':
            return section('sample keys only in the target', pair.samples.onlyInTarget.map((sample) => key(sample.key)));
        case 'duplicate_keys':
            return section('sample duplicate keys', pair.samples.duplicateKeys.map((sample) => `${key(sample.key)}: ${(0,check_wording/* countText */.lT)(sample.sourceRows)} source rows, ${(0,check_wording/* countText */.lT)(sample.targetRows)} target rows`));
        default:
            return [];
    }
}
function section(title, lines) {
    if (lines.length === 0)
        return [];
    const shown = lines.slice(0, SAMPLE_LINES).map((line) => `  ${line}`);
    const more = lines.length > SAMPLE_LINES ? [`  … ${(0,check_wording/* countText */.lT)(lines.length - SAMPLE_LINES)} more (see details.csv)`] : [];
    return [`${title}:`, ...shown, ...more];
}
function oneLine(text) {
    return text.replace(/\s+/g, ' ').trim();
}
/**
 * Characters XML 1.0 cannot carry at all, not even as &#…; references: C0 controls other than
 * tab, line feed and carriage return; U+FFFE and U+FFFF; and lone UTF-16 surrogates (a valid
 * pair is one code point under the `u` flag and does not match).
 */
const FORBIDDEN_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;
/**
 * Data can contain anything. A forbidden control character becomes its Unicode "control picture"
 * (U+0000 → ␀, U+001B → ␛), so a reviewer sees that the value holds one; the other forbidden
 * code points become U+FFFD.
 */
function xmlSafe(text) {
    return text.replace(FORBIDDEN_IN_XML, (character) => {
        const code = character.codePointAt(0);
        return code < 0x20 ? String.fromCodePoint(0x2400 + code) : '\uFFFD';
    });
}
function escapeText(text) {
    // `>` too, so that `]]>` in data cannot end anything; a bare CR would be read back as LF.
    return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}
function escapeAttribute(text) {
    // Parsers turn raw tabs and line breaks in attributes into spaces; references keep them.
    return escapeText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}
function attributes(values) {
    return Object.entries(values)
        .filter((entry) => entry[1] !== undefined)
        .map(([name, value]) => ` ${name}="${escapeAttribute(String(value))}"`)
        .join('');
}
//# sourceMappingURL=junit-xml.js.map
// EXTERNAL MODULE: ./lib/report/markdown-summary.js + 7 modules
var markdown_summary = __webpack_require__(95130);
;// CONCATENATED MODULE: ./lib/report/reproduce-sql.js
/**
 * reproduce.sql: for every check that found something, the query that lists every key behind the
 * finding, for the engine that ran. Its first sample_size rows are the sampled keys.
 */
function reproduceSql(results) {
    const sections = [];
    for (const pair of results.pairs) {
        for (const [check, sql] of Object.entries(pair.reproduce ?? {})) {
            const measured = pair.checks.find((result) => result.check === check);
            const header = [
                `-- pair: ${pair.name.replace(/[\r\n]/g, ' ')}`,
                `-- check: ${check}${measured ? ` (${measured.status}, ${measured.measured} ${measured.unit})` : ''}`,
                `-- engine: ${results.run.engine}; config: ${pair.config.file}:${pair.config.line}`,
                ...(pair.disclosure && pair.disclosure.sampleValues !== 'show' ? [`-- the reports withhold this pair's values (sample_values: ${pair.disclosure.sampleValues}); this query shows them to whoever runs it`] : []),
            ];
            sections.push(`${header.join('\n')}\n${sql};\n`);
        }
    }
    return sections.length > 0 ? `-- Recon Gate: queries that list every key behind a finding (run ${results.run.startedAt})\n\n${sections.join('\n')}` : undefined;
}
/** The section name a report points a reader to in reproduce.sql. */
function reproduceSection(pair, check) {
    return `pair: ${pair} / check: ${check}`;
}
//# sourceMappingURL=reproduce-sql.js.map
// EXTERNAL MODULE: ./node_modules/csv-stringify/lib/sync.js + 7 modules
var sync = __webpack_require__(96789);
;// CONCATENATED MODULE: ./lib/report/csv-reports.js




const safe = (value) => (value === null || value === undefined ? '' : neutraliseFormula(String(value)));
/** summary.csv: one row per pair and check. */
function summaryCsv(results) {
    const header = ['pair', 'pair_status', 'check', 'status', 'measured', 'unit', 'base', 'percent', 'max_count', 'max_percent', 'message', 'source_rows', 'target_rows', 'config_file', 'config_line'];
    const rows = results.pairs.flatMap((pair) => pair.checks.map((check) => [
        pair.name,
        pair.status,
        check.check,
        (0,statuses/* shownStatus */.O4)(check),
        check.measured,
        check.unit,
        check.base,
        check.percent === null ? '' : check.percent.toFixed(4),
        check.threshold.maxCount ?? '',
        check.threshold.maxPercent ?? '',
        [check.message, ...(check.warnings ?? [])].join('; '),
        pair.source.rows ?? '',
        pair.target.rows ?? '',
        pair.config.file,
        pair.config.line,
    ].map((cell) => safe(cell))));
    return (0,sync/* stringify */.A)([header, ...rows]);
}
/**
 * details.csv: one row per sampled difference: mismatching cells, missing, extra and duplicate
 * keys. `mismatch_class` is the class the join computed for that very cell (results.json's
 * samples carry it), empty for rows that are not a mismatching cell. New columns go at the end.
 */
function detailsCsv(results) {
    const header = ['pair', 'kind', 'key', 'column', 'source_value', 'target_value', 'mismatch_class'];
    const rows = [];
    for (const pair of results.pairs) {
        const key = (parts) => (0,key_text/* keyText */.P)(pair.keys, parts);
        for (const sample of pair.samples.mismatches)
            rows.push([pair.name, 'mismatch', key(sample.key), sample.column, sample.source, sample.target, sample.class ?? null]);
        for (const sample of pair.samples.withinTolerance)
            rows.push([pair.name, 'within_tolerance', key(sample.key), sample.column, sample.source, sample.target, null]);
        for (const sample of pair.samples.onlyInSource)
            rows.push([pair.name, 'only_in_source', key(sample.key), null, null, null, null]);
        for (const sample of pair.samples.onlyInTarget)
            rows.push([pair.name, 'only_in_target', key(sample.key), null, null, null, null]);
        for (const sample of pair.samples.duplicateKeys)
            rows.push([pair.name, 'duplicate_key', key(sample.key), null, `${sample.sourceRows} rows`, `${sample.targetRows} rows`, null]);
    }
    // NULL and '' must stay distinguishable: NULL is an empty field, an empty string is "".
    return (0,sync/* stringify */.A)([header, ...rows.map((row) => row.map((cell) => (cell === null ? null : neutraliseFormula(cell))))], { quoted_match: /^$/ });
}
//# sourceMappingURL=csv-reports.js.map
;// CONCATENATED MODULE: ./lib/report/write-core-reports.js



function writeCoreReports(results, outDir) {
    (0,external_node_fs_.mkdirSync)(outDir, { recursive: true });
    const files = {
        resultsJson: external_node_path_.join(outDir, 'results.json'),
        summaryCsv: external_node_path_.join(outDir, 'summary.csv'),
        detailsCsv: external_node_path_.join(outDir, 'details.csv'),
    };
    (0,external_node_fs_.writeFileSync)(files.resultsJson, `${JSON.stringify(results, null, 2)}\n`);
    (0,external_node_fs_.writeFileSync)(files.summaryCsv, summaryCsv(results));
    (0,external_node_fs_.writeFileSync)(files.detailsCsv, detailsCsv(results));
    return files;
}
//# sourceMappingURL=write-core-reports.js.map
;// CONCATENATED MODULE: ./lib/report/write-reports.js











/** Prepares what writing the reports will need (the chart renderer), in the background. */
function prepareReports(options = {}) {
    if ((options.charts ?? 'mermaid') !== 'none')
        warmUpRenderer(chartSvg((0,chart_configs/* warmUpChart */.tL)()));
}
/**
 * Every report of a run into one folder. Only `quickchart` mode sends chart data anywhere:
 * with `mermaid` (the default) the images are drawn on this machine.
 */
async function writeReports(results, outDir, options = {}) {
    const mode = options.charts ?? 'mermaid';
    const core = writeCoreReports(results, outDir);
    const junitXml = writeJunitXml(results, outDir);
    let images = [];
    let notes = [];
    if (mode !== 'none') {
        ({ images, notes } = await writeChartImages((0,chart_configs/* reportCharts */.Em)(results), outDir, {
            fetchFromQuickChart: mode === 'quickchart',
            quickchartHost: options.quickchartHost,
            timeoutMs: options.chartFetchTimeoutMs,
            fetch: options.fetch,
        }));
    }
    const workbook = external_node_path_.join(outDir, 'report.xlsx');
    await writeWorkbook(results, workbook, {
        charts: mode === 'none' ? undefined : images.map((image) => ({ title: image.title, png: image.png, svgFileName: `charts/${external_node_path_.basename(image.svgFile)}` })),
        chartNotes: notes,
    });
    const summaryMarkdown = external_node_path_.join(outDir, 'summary.md');
    (0,external_node_fs_.writeFileSync)(summaryMarkdown, (0,markdown_summary/* markdownSummary */.yo)(results, {
        charts: mode,
        quickchartHost: options.quickchartHost,
        maxLength: options.markdownBudget,
        artifactUrl: options.artifactUrl,
        runUrl: options.runUrl,
        markerId: options.markerId,
        chartNotes: notes,
    }));
    const reproduce = reproduceSql(results);
    const reproduceFile = reproduce ? external_node_path_.join(outDir, 'reproduce.sql') : undefined;
    if (reproduce && reproduceFile)
        (0,external_node_fs_.writeFileSync)(reproduceFile, reproduce);
    return {
        ...core,
        junitXml,
        workbook,
        summaryMarkdown,
        reproduceSql: reproduceFile,
        charts: images.flatMap((image) => [image.svgFile, ...(image.pngFile ? [image.pngFile] : [])]),
        notes,
    };
}
//# sourceMappingURL=write-reports.js.map

/***/ })

};
