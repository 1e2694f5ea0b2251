/**
 * The words of a written Pagefind bundle: the text strings of its index chunks (index/*.pf_index, each a
 * gzipped "pagefind_dcd" signature followed by CBOR), read with just enough CBOR for that. Pagefind's file
 * format is internal, so this holds for the pinned version (1.6.0); a change shows as a failing test.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";

const SIGNATURE = "pagefind_dcd";

/** Every text string in a CBOR document. */
function cborTexts(bytes: Buffer): string[] {
  const texts: string[] = [];
  let at = 0;
  const argument = (info: number): number => {
    if (info < 24) return info;
    const size = 2 ** (info - 24); // 24…27: a 1-, 2-, 4- or 8-byte argument
    const value = size === 8 ? Number(bytes.readBigUInt64BE(at)) : bytes.readUIntBE(at, size);
    at += size;
    return value;
  };
  const item = (): void => {
    const head = bytes[at++];
    const major = head >> 5;
    const info = head & 31;
    if (major === 7) {
      if (info >= 24 && info <= 27) at += 2 ** (info - 24);
      return;
    }
    const n = argument(info);
    if (major === 2) at += n;
    else if (major === 3) {
      texts.push(bytes.toString("utf8", at, at + n));
      at += n;
    } else if (major === 4) for (let i = 0; i < n; i++) item();
    else if (major === 5) for (let i = 0; i < 2 * n; i++) item();
    else if (major === 6) item();
  };
  while (at < bytes.length) item();
  return texts;
}

export function pagefindWords(bundleDir: string): Set<string> {
  const words = new Set<string>();
  const dir = path.join(bundleDir, "index");
  for (const name of readdirSync(dir)) {
    const chunk = gunzipSync(readFileSync(path.join(dir, name)));
    if (chunk.toString("utf8", 0, SIGNATURE.length) !== SIGNATURE) throw new Error(`${name}: not a Pagefind chunk`);
    for (const text of cborTexts(chunk.subarray(SIGNATURE.length))) words.add(text);
  }
  return words;
}
