import { zipEntries as readEntries } from '../../../src/action/zip-file.js';

export interface ZipEntry {
  name: string;
  size: number;
  data: Buffer;
}

/** Every entry of a zip with its bytes (the reader the action uses for baseline artifacts). */
export function zipEntries(zip: Buffer): ZipEntry[] {
  return readEntries(zip).map((entry) => ({ name: entry.name, size: entry.size, data: entry.read() }));
}
