import type { RunResults } from '../results/results-model.js';
import { markdownText, markdownUrl } from './markdown-escaping.js';

/** The footer's link to the copy of the reports in a Unity Catalog volume, or why there is none. */
export function reportVolumeMarkdown(results: RunResults): { link?: string; note?: string } {
  const volume = results.reportVolume;
  if (!volume) return {};
  const where = markdownText(volume.path, 300);
  if (volume.error) return { note: `> **Reports not copied to the volume** ${where}: ${markdownText(volume.error.replace(/^not copied: /, ''), 400)}.` };
  const url = volume.url ? markdownUrl(volume.url) : null;
  return { link: url ? `🗂️ [Reports in the volume](${url}): ${where}` : `🗂️ Reports in the volume ${where}` };
}
