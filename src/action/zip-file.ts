import { inflateRawSync } from 'node:zlib';

/** A zip the action cannot read (not a zip, zip64, an unknown compression method, too large). */
export class ZipReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipReadError';
  }
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** results.json of a very large run is a few MB; anything far beyond is not ours. */
const MAX_ENTRY_BYTES = 256 * 1024 * 1024;

export interface ZipEntry {
  name: string;
  /** Uncompressed size, from the central directory. */
  size: number;
  read(): Buffer;
}

/**
 * The entries of a zip held in memory, read through the central directory (sizes there are
 * right even when the local header defers them to a data descriptor, as archiver's streaming
 * zips do). Nothing is written to disk, so an entry name such as `../x` can do no harm.
 */
export function zipEntries(zip: Buffer): ZipEntry[] {
  // The end record is 22 bytes plus a comment of up to 65,535.
  const searchFrom = Math.max(0, zip.length - 22 - 0xffff);
  let end = -1;
  for (let offset = zip.length - 22; offset >= searchFrom; offset--) {
    if (zip.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) {
      end = offset;
      break;
    }
  }
  if (end < 0) throw new ZipReadError('not a zip archive (no end of central directory)');
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new ZipReadError('a zip64 archive, which is not supported');
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== CENTRAL_ENTRY) throw new ZipReadError(`a damaged central directory (entry ${i + 1} of ${count})`);
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const size = zip.readUInt32LE(offset + 24);
    const nameLength = zip.readUInt16LE(offset + 28);
    const localHeader = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
    entries.push({
      name,
      size,
      read: () => {
        if (size > MAX_ENTRY_BYTES) throw new ZipReadError(`${name} is ${size} bytes, over the ${MAX_ENTRY_BYTES} this reads`);
        if (zip.readUInt32LE(localHeader) !== LOCAL_HEADER) throw new ZipReadError(`a damaged local header for ${name}`);
        const dataStart = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
        const raw = zip.subarray(dataStart, dataStart + compressedSize);
        if (method === 0) return Buffer.from(raw);
        if (method === 8) return inflateRawSync(raw, { maxOutputLength: MAX_ENTRY_BYTES });
        throw new ZipReadError(`${name} uses compression method ${method}; only stored and deflate are read`);
      },
    });
  }
  return entries;
}

/** One file out of a zip, by its name in the archive; undefined when it is not there. */
export function zipEntry(zip: Buffer, name: string): Buffer | undefined {
  return zipEntries(zip).find((entry) => entry.name === name)?.read();
}
