/**
 * Turns the raw bytes of a seed into text: picks the encoding from the byte-order mark,
 * refuses binary and mis-encoded files with a reason a user can act on, and normalises
 * line ends so every later stage can split on "\n".
 */
import { SeedRejectedError } from "../errors.ts";

const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** 1-based line of a byte offset: the number of "\n" bytes before it, plus one (valid for UTF-8 and ASCII-compatible prefixes). */
function lineAtOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset; index++) if (bytes[index] === 0x0a) line++;
  return line;
}

/**
 * Offset of the first byte where UTF-8 decoding fails. A prefix that decodes in streaming
 * mode (an unfinished sequence at its end is allowed) stays valid when shortened, so a binary
 * search over prefix lengths finds the failure with ~log2(n) decodes of the platform decoder.
 */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  const decodes = (length: number) => {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let valid = 0;
  let invalid = bytes.length;
  if (decodes(invalid)) return invalid; // only an unfinished sequence at the very end
  while (invalid - valid > 1) {
    const middle = Math.floor((valid + invalid) / 2);
    if (decodes(middle)) valid = middle;
    else invalid = middle;
  }
  return valid;
}

/** CRLF and lone CR (old Mac files) become LF. */
export function normaliseLineEnds(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

/**
 * Decodes a seed's bytes. Throws SeedRejectedError (with an empty `file`, filled in by the
 * caller) for empty, binary and invalid files.
 */
export function decodeSeedBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new SeedRejectedError("", "empty file");
  let text: string;
  if (startsWith(bytes, UTF16LE_BOM) || startsWith(bytes, UTF16BE_BOM)) {
    const encoding = startsWith(bytes, UTF16LE_BOM) ? "utf-16le" : "utf-16be";
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      throw new SeedRejectedError("", `not valid ${encoding.toUpperCase()}`);
    }
  } else {
    const nul = bytes.indexOf(0);
    if (nul !== -1) throw new SeedRejectedError("", `binary file (NUL byte at offset ${nul})`);
    try {
      // The decoder drops a UTF-8 byte-order mark by default.
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      const line = lineAtOffset(bytes, firstInvalidUtf8Offset(bytes));
      throw new SeedRejectedError("", `not valid UTF-8 (at line ${line})`, line);
    }
  }
  // A UTF-8 BOM read as UTF-16 (or doubled) would survive decoding; drop any leftover one.
  text = normaliseLineEnds(text.replace(/^\uFEFF/, ""));
  if (text.trim() === "") throw new SeedRejectedError("", "whitespace only");
  return text;
}
