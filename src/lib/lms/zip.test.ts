import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../encoding/checksum.ts';
import { createZip, readZip, type ZipEntry } from './zip.ts';

const text = (s: string) => new TextEncoder().encode(s);

/** Bytes that do not compress: deflate would make them larger, so they must be stored. */
function noise(length: number, seed = 7): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

const files: ZipEntry[] = [
  { name: 'index.html', data: text('<!doctype html><html lang="ru"><title>Сильное звено</title>'.repeat(40)) },
  { name: 'assets/index-abc123.js', data: text('export const x = 1;\n'.repeat(500)) },
  { name: 'assets/шрифт.woff2', data: noise(5000) },
  { name: 'empty.txt', data: new Uint8Array(0) },
  { name: 'imsmanifest.xml', data: text('<?xml version="1.0"?><manifest/>') },
];

describe('crc32', () => {
  it('matches the check value of the standard and node:zlib', () => {
    expect(crc32(text('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    const sample = noise(10_000, 3);
    expect(crc32(sample)).toBe(zlibCrc32(sample));
  });
});

describe('createZip / readZip', () => {
  it('reads back every file byte for byte, at the root, in order', () => {
    const entries = readZip(createZip(files, new Date(2026, 0, 15, 10, 30)));
    expect(entries.map((e) => e.name)).toEqual(files.map((f) => f.name));
    for (const [i, entry] of entries.entries()) expect(Buffer.from(entry.data).equals(Buffer.from(files[i]!.data))).toBe(true);
  });

  it('deflates what shrinks and stores what would not', () => {
    const entries = readZip(createZip(files));
    const byName = new Map(entries.map((e) => [e.name, e]));
    expect(byName.get('assets/index-abc123.js')).toMatchObject({ method: 8 });
    expect(byName.get('assets/index-abc123.js')!.compressedSize).toBeLessThan(1000);
    expect(byName.get('assets/шрифт.woff2')).toMatchObject({ method: 0, compressedSize: 5000 });
    expect(byName.get('empty.txt')).toMatchObject({ method: 0, compressedSize: 0 });
  });

  it('marks names as UTF-8 and writes the DOS date of the build', () => {
    const zip = createZip([{ name: 'папка/урок.txt', data: text('x') }], new Date(2026, 0, 15, 10, 30, 20));
    const view = new DataView(zip.buffer, zip.byteOffset);
    expect(view.getUint16(6, true) & 0x0800).toBe(0x0800);
    expect(view.getUint16(12, true)).toBe(((2026 - 1980) << 9) | (1 << 5) | 15);
    expect(view.getUint16(10, true)).toBe((10 << 11) | (30 << 5) | 10);
    expect(readZip(zip)[0]!.name).toBe('папка/урок.txt');
  });

  it('reads a zip written by another tool (Python zipfile: deflated + stored, UTF-8 names)', () => {
    const zip = Buffer.from(
      'UEsDBBQAAAAIAABgoVjjUT2NCgAAABcAAAAKAAAAcmVhZG1lLnR4dMtIzcnJV8hAJwFQSwMEFAAACAAAAGChWBCXtzgZAAAAGQAAABcAAADQv9Cw0L/QutCwL9GD0YDQvtC6LnR4dNCh0LjQu9GM0L3QvtC1INC30LLQtdC90L5QSwECFAMUAAAACAAAYKFY41E9jQoAAAAXAAAACgAAAAAAAAAAAAAAgAEAAAAAcmVhZG1lLnR4dFBLAQIUAxQAAAgAAABgoVgQl7c4GQAAABkAAAAXAAAAAAAAAAAAAACAATIAAADQv9Cw0L/QutCwL9GD0YDQvtC6LnR4dFBLBQYAAAAAAgACAH0AAACAAAAAAAA=',
      'base64',
    );
    const entries = readZip(new Uint8Array(zip));
    expect(entries.map((e) => [e.name, new TextDecoder().decode(e.data)])).toEqual([
      ['readme.txt', 'hello hello hello hello'],
      ['папка/урок.txt', 'Сильное звено'],
    ]);
  });

  it('refuses a damaged archive, naming the entry', () => {
    const zip = createZip([{ name: 'a.txt', data: text('aaaa'.repeat(100)) }]);
    const broken = zip.slice();
    broken[40] = broken[40]! ^ 0xff; // inside the deflated data of a.txt
    expect(() => readZip(broken)).toThrow(/a\.txt|invalid/);
    expect(() => readZip(zip.subarray(0, zip.length - 10))).toThrow(/end of central directory/);
  });

  it('refuses names that would escape the package root or repeat', () => {
    for (const name of ['/etc/passwd', '../x', 'a//b', 'a\\b', '']) expect(() => createZip([{ name, data: text('x') }])).toThrow(/bad entry name/);
    expect(() => createZip([{ name: 'a', data: text('1') }, { name: 'a', data: text('2') }])).toThrow(/twice/);
  });

  it.runIf(existsSync('/usr/bin/unzip'))('passes Info-ZIP’s own test (unzip -t)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sz-zip-'));
    try {
      writeFileSync(join(dir, 'p.zip'), createZip(files));
      const out = execFileSync('unzip', ['-t', join(dir, 'p.zip')], { encoding: 'utf8' });
      expect(out).toMatch(/No errors detected/);
      execFileSync('unzip', ['-q', join(dir, 'p.zip'), '-d', join(dir, 'out')]);
      expect(readFileSync(join(dir, 'out', 'assets', 'index-abc123.js'), 'utf8')).toBe('export const x = 1;\n'.repeat(500));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
