import type { Engine } from '../../src/engines/engine.js';
export function loadDemo(engine: Engine, dataDir?: string): Promise<string[]>;
