/** The machine a run measured, printed with the figures so they can be compared across machines. */
import os from 'node:os';

export function loadAverage() {
  const [one, five, fifteen] = os.loadavg();
  return { one, five, fifteen };
}

export function describeMachine() {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    memoryBytes: os.totalmem(),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}
