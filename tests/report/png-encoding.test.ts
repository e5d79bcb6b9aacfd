import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { encodePng } from '../../src/report/png-encoding.js';

interface Chunk {
  type: string;
  data: Buffer;
  crc: number;
}

function chunksOf(png: Buffer): Chunk[] {
  const chunks: Chunk[] = [];
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    chunks.push({ type, data: png.subarray(offset + 8, offset + 8 + length), crc: png.readUInt32BE(offset + 8 + length) });
    offset += 12 + length;
  }
  return chunks;
}

describe('encodePng', () => {
  const width = 5;
  const height = 3;
  const rgba = Uint8Array.from({ length: width * height * 4 }, (_, i) => (i * 37) % 256);
  const png = Buffer.from(encodePng(rgba, width, height));
  const chunks = chunksOf(png);

  test('writes the PNG signature and IHDR, IDAT, IEND, each with the CRC-32 zlib computes', () => {
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(chunks.map((chunk) => chunk.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    for (const chunk of chunks) expect(chunk.crc, chunk.type).toBe(crc32(Buffer.concat([Buffer.from(chunk.type, 'ascii'), chunk.data])));
  });

  test('declares the size as 8-bit RGBA, not interlaced', () => {
    const header = chunks[0]!.data;
    expect([header.readUInt32BE(0), header.readUInt32BE(4), ...header.subarray(8)]).toEqual([width, height, 8, 6, 0, 0, 0]);
  });

  test('holds every pixel unchanged, one unfiltered scanline per row', () => {
    const scanlines = inflateSync(chunks[1]!.data);
    expect(scanlines.length).toBe(height * (width * 4 + 1));
    for (let y = 0; y < height; y++) {
      const row = scanlines.subarray(y * (width * 4 + 1), (y + 1) * (width * 4 + 1));
      expect(row[0], `filter of row ${y}`).toBe(0);
      expect([...row.subarray(1)]).toEqual([...rgba.subarray(y * width * 4, (y + 1) * width * 4)]);
    }
  });

  test('refuses pixels that do not fill the size given', () => {
    expect(() => encodePng(rgba.subarray(1), width, height)).toThrow('59 bytes are not 5×3 RGBA pixels');
  });
});
