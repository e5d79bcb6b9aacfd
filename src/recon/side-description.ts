import path from 'node:path';
import type { SideConfig } from '../config/recon-config.js';
import type { SideSummary } from '../results/results-model.js';

export function describeSide(side: SideConfig, sharedFilter?: string): SideSummary {
  const filters = [side.filter, sharedFilter].filter(Boolean);
  const filter = filters.length > 0 ? filters.join(' AND ') : undefined;
  switch (side.kind) {
    case 'table': return { description: `table ${side.parts.join('.')}`, filter };
    case 'query': return { description: 'query', filter };
    case 'file': return { description: `file ${path.relative(process.cwd(), side.path) || side.path}`, filter };
  }
}
