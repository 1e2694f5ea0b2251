/**
 * Cache files as ASCII: JSON text whose characters outside ASCII are written as \u escapes.
 *
 * A news text nearly always holds one character outside ASCII (a curly quote, a dash), and a file read as
 * UTF-8 with one such character becomes a string of two bytes a character, which is slower to make and to
 * parse: 9,944 of 10,000 cached extractions were. Read as bytes known to be ASCII, a file is copied into
 * a string of one byte a character instead: reading the 10,000 entries took 0.43 s as UTF-8 and 0.17 s
 * so. The parsed values are the same, since JSON reads an escape as the character it stands for.
 */
import { isAscii } from "node:buffer";
import { closeSync, fstatSync, openSync, readFileSync, readSync } from "node:fs";
import { readFile } from "node:fs/promises";

const NON_ASCII = /[\u0080-\uffff]/;
const EVERY_NON_ASCII = /[\u0080-\uffff]/g;

const escaped = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;

/**
 * `json` (JSON text) with every character outside ASCII escaped. Outside strings, JSON text is ASCII
 * already; inside, an escape is the character. A surrogate pair becomes two escapes, as JSON writes it.
 */
export function asciiOnly(json: string): string {
  return NON_ASCII.test(json) ? json.replace(EVERY_NON_ASCII, escaped) : json;
}

/** Files up to this size are read into one buffer kept for them all (`readCacheText`). */
const SHARED_BUFFER_BYTES = 1 << 20;
let shared = Buffer.allocUnsafe(64 * 1024);

/**
 * A file's text, and whether it was ASCII (an older file, written as UTF-8, may not be). A cached
 * extraction (20 KB on average) is read into one buffer shared by all rather than a buffer of its own, so a
 * build reading 10,000 of them makes one buffer, not 10,000 for the collector to free.
 */
export function readCacheText(file: string): { text: string; ascii: boolean } {
  const fd = openSync(file, "r");
  let bytes: Buffer;
  try {
    const size = fstatSync(fd).size;
    if (size > SHARED_BUFFER_BYTES) bytes = readFileSync(fd);
    else {
      if (shared.length < size) shared = Buffer.allocUnsafe(SHARED_BUFFER_BYTES);
      let read = 0;
      for (let n = 1; read < size && n > 0; read += n) n = readSync(fd, shared, read, size - read, read);
      bytes = shared.subarray(0, read);
    }
  } finally {
    closeSync(fd);
  }
  return decoded(bytes);
}

/** A file's text, read as readCacheText reads it, without blocking. */
export async function readAsciiText(file: string): Promise<string> {
  return decoded(await readFile(file)).text;
}

function decoded(bytes: Buffer): { text: string; ascii: boolean } {
  // Latin-1 is a byte per character: for ASCII, the text itself, in a one-byte string.
  return isAscii(bytes)
    ? { text: bytes.toString("latin1"), ascii: true }
    : { text: bytes.toString("utf8"), ascii: false };
}
