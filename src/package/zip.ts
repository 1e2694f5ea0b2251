/**
 * A folder → .zip writer for handing the built site to readers (scripts/package.ts). Deterministic: files
 * in byte order of their paths, one fixed timestamp (1980-01-01 00:00, the earliest DOS date), fixed
 * permissions (0644), no extra fields unless ZIP64 needs them. Entries are deflated (node:zlib) unless that
 * does not make them smaller, then stored. ZIP64 end records are written when there are 65,535 entries or
 * more, or the archive passes 4 GiB (a 50,000-article site has far more files than that).
 *
 * Streams to disk: only the central directory is held in memory.
 */
import { open, readFile } from "node:fs/promises";
import path from "node:path";
import zlib from "node:zlib";
import { filesUnder } from "../util/files.ts";

const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
const DOS_TIME = 0;
const UTF8_NAMES = 0x0800;
const MAX32 = 0xffffffff;
const MAX16 = 0xffff;

let crcTable: Uint32Array | null = null;
/** CRC-32 (zlib.crc32 when this Node has it). */
export function crc32(data: Uint8Array): number {
  if (typeof zlib.crc32 === "function") return zlib.crc32(data) >>> 0;
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of data) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Every file under `dir`, as POSIX paths relative to it, in byte order. */
function zipEntries(dir: string): string[] {
  return filesUnder(dir)
    .map((file) => path.relative(dir, file).split(path.sep).join("/"))
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

export interface ZipResult {
  files: number;
  bytes: number;
}

/**
 * The fields a file's local header and its central directory entry share, in the same order: version
 * needed (2.0, or 4.5 for ZIP64), flags, method, time, date, CRC-32, sizes, name and extra lengths.
 */
function writeEntryFields(
  header: Buffer,
  at: number,
  fields: {
    versionNeeded: number;
    method: number;
    crc: number;
    compressedSize: number;
    size: number;
    nameLength: number;
    extraLength: number;
  },
): void {
  header.writeUInt16LE(fields.versionNeeded, at);
  header.writeUInt16LE(UTF8_NAMES, at + 2);
  header.writeUInt16LE(fields.method, at + 4);
  header.writeUInt16LE(DOS_TIME, at + 6);
  header.writeUInt16LE(DOS_DATE, at + 8);
  header.writeUInt32LE(fields.crc, at + 10);
  header.writeUInt32LE(fields.compressedSize, at + 14);
  header.writeUInt32LE(fields.size, at + 18);
  header.writeUInt16LE(fields.nameLength, at + 22);
  header.writeUInt16LE(fields.extraLength, at + 24);
}

/**
 * Zips every file under `dir` into `zipFile`, each under `prefix/` (e.g. "news-archive-site/", so
 * unpacking gives one folder), skipping paths for which `skip` returns true.
 */
export async function zipFolder(
  dir: string,
  zipFile: string,
  options: { prefix?: string; skip?: (file: string) => boolean } = {},
): Promise<ZipResult> {
  const prefix = options.prefix ? `${options.prefix.replace(/\/+$/, "")}/` : "";
  const files = zipEntries(dir).filter((file) => !options.skip?.(file));
  const handle = await open(zipFile, "w");
  let offset = 0;
  const write = async (buffer: Buffer) => {
    await handle.write(buffer);
    offset += buffer.length;
  };
  const central: Buffer[] = [];
  try {
    for (const file of files) {
      const data = await readFile(path.join(dir, file));
      if (data.length >= MAX32) throw new Error(`zip: ${file} is 4 GiB or larger`);
      const deflated = zlib.deflateRawSync(data, { level: 9 });
      const stored = deflated.length >= data.length;
      const body = stored ? data : deflated;
      const method = stored ? 0 : 8;
      const crc = crc32(data);
      const name = Buffer.from(prefix + file, "utf8");
      const localOffset = offset;

      const fields = { method, crc, compressedSize: body.length, size: data.length, nameLength: name.length };
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      writeEntryFields(local, 4, { ...fields, versionNeeded: 20, extraLength: 0 });
      await write(Buffer.concat([local, name]));
      await write(body);

      // A local header past 4 GiB is named in a ZIP64 extra field of its central entry.
      const far = localOffset >= MAX32;
      const extra = Buffer.alloc(far ? 12 : 0);
      if (far) {
        extra.writeUInt16LE(0x0001, 0);
        extra.writeUInt16LE(8, 2);
        extra.writeBigUInt64LE(BigInt(localOffset), 4);
      }
      const entry = Buffer.alloc(46);
      entry.writeUInt32LE(0x02014b50, 0);
      entry.writeUInt16LE((3 << 8) | (far ? 45 : 20), 4); // made by: Unix
      writeEntryFields(entry, 6, { ...fields, versionNeeded: far ? 45 : 20, extraLength: extra.length });
      entry.writeUInt16LE(0, 32); // comment
      entry.writeUInt16LE(0, 34); // disk
      entry.writeUInt16LE(0, 36); // internal attributes
      entry.writeUInt32LE((0o100644 << 16) >>> 0, 38); // regular file, rw-r--r--
      entry.writeUInt32LE(far ? MAX32 : localOffset, 42);
      central.push(entry, name, extra);
    }

    const centralOffset = offset;
    for (const part of central) await write(part);
    const centralSize = offset - centralOffset;
    const count = files.length;
    const zip64 = count >= MAX16 || centralOffset >= MAX32 || centralSize >= MAX32;
    if (zip64) {
      const record = Buffer.alloc(56);
      record.writeUInt32LE(0x06064b50, 0);
      record.writeBigUInt64LE(44n, 4); // size of the rest of this record
      record.writeUInt16LE((3 << 8) | 45, 12);
      record.writeUInt16LE(45, 14);
      record.writeUInt32LE(0, 16);
      record.writeUInt32LE(0, 20);
      record.writeBigUInt64LE(BigInt(count), 24);
      record.writeBigUInt64LE(BigInt(count), 32);
      record.writeBigUInt64LE(BigInt(centralSize), 40);
      record.writeBigUInt64LE(BigInt(centralOffset), 48);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(0x07064b50, 0);
      locator.writeUInt32LE(0, 4);
      locator.writeBigUInt64LE(BigInt(offset), 8);
      locator.writeUInt32LE(1, 16);
      await write(Buffer.concat([record, locator]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(0, 4);
    end.writeUInt16LE(0, 6);
    end.writeUInt16LE(Math.min(count, MAX16), 8);
    end.writeUInt16LE(Math.min(count, MAX16), 10);
    end.writeUInt32LE(Math.min(centralSize, MAX32), 12);
    end.writeUInt32LE(Math.min(centralOffset, MAX32), 16);
    end.writeUInt16LE(0, 20);
    await write(end);
  } finally {
    await handle.close();
  }
  return { files: files.length, bytes: offset };
}
