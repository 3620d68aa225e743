/**
 * A tiny zip writer and reader (PKWARE APPNOTE 6.3: local headers, central directory, end record),
 * enough for an LMS package: deflate or store, UTF-8 names, no zip64, no encryption. Node-only
 * (node:zlib); used by the packaging plugin and by the tests that open the packages again.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { crc32 } from '../encoding/checksum.ts';

/** One file to put in a zip; `name` uses `/` and has no leading slash. */
export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

const STORE = 0;
const DEFLATE = 8;
/** General-purpose flag bit 11: the name is UTF-8. */
const UTF8 = 0x0800;
const LIMIT = 0xffffffff;

/** MS-DOS date and time of a moment (local fields, 2-second resolution, 1980 at the earliest). */
function dosDateTime(when: Date): { date: number; time: number } {
  const year = Math.min(2107, Math.max(1980, when.getFullYear()));
  return {
    date: ((year - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate(),
    time: (when.getHours() << 11) | (when.getMinutes() << 5) | Math.floor(when.getSeconds() / 2),
  };
}

function checkName(name: string): void {
  if (!name || name.startsWith('/') || name.includes('\\') || name.split('/').some((part) => part === '..' || part === '')) {
    throw new Error(`zip: bad entry name «${name}»`);
  }
}

/**
 * Builds a zip archive. Each file is deflated unless that would not make it smaller (images, fonts,
 * already-compressed data are stored). `modified` is written as every entry's time.
 */
export function createZip(entries: ZipEntry[], modified = new Date()): Uint8Array {
  const { date, time } = dosDateTime(modified);
  const seen = new Set<string>();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    checkName(entry.name);
    if (seen.has(entry.name)) throw new Error(`zip: «${entry.name}» added twice`);
    seen.add(entry.name);
    const name = new TextEncoder().encode(entry.name);
    const deflated = deflateRawSync(entry.data, { level: 9 });
    const method = deflated.length < entry.data.length ? DEFLATE : STORE;
    const body = method === DEFLATE ? deflated : entry.data;
    if (entry.data.length >= LIMIT || offset >= LIMIT) throw new Error('zip: too large for a zip without zip64');
    const crc = crc32(entry.data);

    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true); // version needed: 2.0 (deflate)
    local.setUint16(6, UTF8, true);
    local.setUint16(8, method, true);
    local.setUint16(10, time, true);
    local.setUint16(12, date, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, body.length, true);
    local.setUint32(22, entry.data.length, true);
    local.setUint16(26, name.length, true);
    local.setUint16(28, 0, true);
    locals.push(new Uint8Array(local.buffer), name, body);

    const central = new DataView(new ArrayBuffer(46));
    central.setUint32(0, 0x02014b50, true);
    central.setUint16(4, (3 << 8) | 20, true); // made by: Unix, 2.0 — so the mode below is read
    central.setUint16(6, 20, true);
    central.setUint16(8, UTF8, true);
    central.setUint16(10, method, true);
    central.setUint16(12, time, true);
    central.setUint16(14, date, true);
    central.setUint32(16, crc, true);
    central.setUint32(20, body.length, true);
    central.setUint32(24, entry.data.length, true);
    central.setUint16(28, name.length, true);
    central.setUint32(38, (0o100644 << 16) >>> 0, true); // a regular file, rw-r--r--
    central.setUint32(42, offset, true);
    centrals.push(new Uint8Array(central.buffer), name);

    offset += 30 + name.length + body.length;
  }
  const centralSize = centrals.reduce((n, part) => n + part.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  return concat([...locals, ...centrals, new Uint8Array(end.buffer)]);
}

/** An entry read back from a zip, with what its headers say. */
export interface ReadEntry extends ZipEntry {
  method: number;
  compressedSize: number;
}

/**
 * Reads a zip made by `createZip` (or any plain zip: stored or deflated, no zip64): finds the end
 * record, walks the central directory, inflates each entry and checks its size and CRC-32.
 * Throws with the entry named when anything does not add up.
 */
export function readZip(zip: Uint8Array): ReadEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('zip: no end of central directory record');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ReadEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error(`zip: central directory entry ${n} is damaged`);
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localAt = view.getUint32(at + 42, true);
    const name = new TextDecoder(flags & UTF8 ? 'utf-8' : 'latin1').decode(zip.subarray(at + 46, at + 46 + nameLength));
    if (view.getUint32(localAt, true) !== 0x04034b50) throw new Error(`zip: local header of ${name} is missing`);
    const dataAt = localAt + 30 + view.getUint16(localAt + 26, true) + view.getUint16(localAt + 28, true);
    const raw = zip.subarray(dataAt, dataAt + compressedSize);
    let data: Uint8Array;
    if (method === STORE) data = raw;
    else if (method === DEFLATE) data = new Uint8Array(inflateRawSync(raw));
    else throw new Error(`zip: ${name} uses compression method ${method}`);
    if (data.length !== size) throw new Error(`zip: ${name} is ${data.length} bytes, the directory says ${size}`);
    if (crc32(data) !== crc) throw new Error(`zip: ${name} fails its CRC-32 check`);
    entries.push({ name, data, method, compressedSize });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
