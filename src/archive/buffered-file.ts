/**
 * A file written through one reused buffer, for archive.json: text is encoded straight into the buffer and
 * bytes copied from another file are read straight into it, so each piece can be hashed where it lies and no
 * piece needs a buffer of its own.
 */
import { closeSync, readSync, writeSync } from "node:fs";

/** About as much as a write takes at once; a larger piece is written on its own. */
const BUFFER_BYTES = 8 << 20;

const encoder = new TextEncoder();

export class BufferedFile {
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  /** Bytes appended so far: the file offset of the next one. */
  offset = 0;

  constructor(private readonly fd: number) {}

  /** Appends `text` in UTF-8; returns its bytes, which stay valid until the next append. */
  text(text: string): Uint8Array {
    // A UTF-16 code unit is at most three bytes of UTF-8 (a surrogate pair, two units, is four).
    const most = text.length * 3;
    if (!this.roomFor(most)) return this.direct(Buffer.from(text));
    const { written } = encoder.encodeInto(text, this.buffer.subarray(this.used));
    return this.advance(written);
  }

  /** Appends `length` bytes read at `position` of the open file `fd`; returns them, valid until the next append. */
  copy(fd: number, position: number, length: number): Uint8Array {
    if (!this.roomFor(length)) {
      const bytes = Buffer.allocUnsafe(length);
      readFully(fd, bytes, position);
      return this.direct(bytes);
    }
    readFully(fd, this.buffer.subarray(this.used, this.used + length), position);
    return this.advance(length);
  }

  flush(): void {
    writeFully(this.fd, this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  close(): void {
    closeSync(this.fd);
  }

  /** Whether `bytes` fit in the buffer, flushed first if they do not fit beside what it holds. */
  private roomFor(bytes: number): boolean {
    if (bytes > this.buffer.length - this.used) this.flush();
    return bytes <= this.buffer.length;
  }

  private advance(bytes: number): Uint8Array {
    const piece = this.buffer.subarray(this.used, this.used + bytes);
    this.used += bytes;
    this.offset += bytes;
    return piece;
  }

  /** A piece too large for the buffer, written as it is (the buffer was flushed before it). */
  private direct(bytes: Buffer): Uint8Array {
    writeFully(this.fd, bytes);
    this.offset += bytes.length;
    return bytes;
  }
}

/** Fills `into` from `fd` at `position`; a file that ends first is an error. */
function readFully(fd: number, into: Uint8Array, position: number): void {
  for (let done = 0; done < into.length; ) {
    const read = readSync(fd, into, done, into.length - done, position + done);
    if (read === 0) throw new Error("the file ended before the bytes asked for");
    done += read;
  }
}

function writeFully(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}
