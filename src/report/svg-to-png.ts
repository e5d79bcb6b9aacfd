import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { CHART_FONT_FAMILY } from './chart-svg.js';
import { encodePng } from './png-encoding.js';

/**
 * SVG → PNG for the workbook (exceljs embeds PNG/JPEG only) and for offline runs. resvg's
 * WebAssembly build, not a native canvas: it is the same on every runner and can go into the
 * action's bundle. It has no system fonts in WebAssembly, so the TTF comes from an npm package.
 * Loaded on first use so a run without charts never pays the ~80 ms of compiling it.
 */
type Resvg = typeof import('@resvg/resvg-wasm');

let loading: Promise<{ resvg: Resvg; font: Uint8Array }> | undefined;

async function loadRenderer(): Promise<{ resvg: Resvg; font: Uint8Array }> {
  const require = createRequire(import.meta.url);
  const resvg = await import('@resvg/resvg-wasm');
  const [wasm, font] = await Promise.all([readFile(require.resolve('@resvg/resvg-wasm/index_bg.wasm')), readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'))]);
  await resvg.initWasm(wasm);
  return { resvg, font };
}

function loadedRenderer(): Promise<{ resvg: Resvg; font: Uint8Array }> {
  loading ??= loadRenderer().catch((error: unknown) => {
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
export function warmUpRenderer(sampleSvg?: string): void {
  const draw = async () => {
    await loadedRenderer();
    for (let round = 0; sampleSvg && round < WARM_UP_ROUNDS; round++) {
      await svgToPng(sampleSvg);
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  draw().catch(() => undefined);
}

export async function svgToPng(svg: string): Promise<Uint8Array> {
  const { resvg, font } = await loadedRenderer();
  const renderer = new resvg.Resvg(svg, { font: { fontBuffers: [font], defaultFontFamily: CHART_FONT_FAMILY, sansSerifFamily: CHART_FONT_FAMILY, loadSystemFonts: false } });
  try {
    const image = renderer.render();
    try {
      return encodePng(image.pixels, image.width, image.height);
    } finally {
      image.free();
    }
  } finally {
    renderer.free();
  }
}
