/**
 * A file written through 8 MB buffers, for archive.json: text is encoded straight into the buffer and bytes
 * copied from another file are read straight into it, so each piece can be hashed where it lies and no piece
 * needs a buffer of its own. A full buffer is written by the thread pool while the next one fills: writing
 * archive.json's 270 MB (10,000 articles) took 0.57 s of the main thread when each write waited.
 */
import { close, readSync, write } from "node:fs";
import { promisify } from "node:util";

/** About as much as a write takes at once; a larger piece is written on its own. */
const BUFFER_BYTES = 8 << 20;
/** Most writes waiting in the thread pool: the buffers held for them stay under 40 MB. */
const MAX_WRITES_IN_FLIGHT = 4;

const encoder = new TextEncoder();
const writeAt = promisify(write);
const closeFd = promisify(close);

export class BufferedFile {
  private buffer: Buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  /** Bytes appended so far: the file offset of the next one. */
  offset = 0;
  /** Writes under way, each at its own offset, so their order does not matter. They never reject. */
  private readonly writing = new Set<Promise<void>>();
  /** The first write that failed, thrown by `close`. */
  private failure: { error: unknown } | undefined;
  /** Buffers whose writes are done, to fill again. */
  private readonly spare: Buffer[] = [];
  /** What was last read ahead of a `copy`: bytes start to start + filled of the file fd. */
  private readonly ahead = { fd: -1, start: 0, filled: 0, bytes: Buffer.allocUnsafe(BUFFER_BYTES) };

  constructor(private readonly fd: number) {}

  /** Appends `text` in UTF-8; returns its bytes, which stay valid until the next append. */
  text(text: string): Uint8Array {
    // A UTF-16 code unit is at most three bytes of UTF-8 (a surrogate pair, two units, is four).
    const most = text.length * 3;
    if (!this.roomFor(most)) return this.direct(Buffer.from(text));
    const { written } = encoder.encodeInto(text, this.buffer.subarray(this.used));
    return this.advance(written);
  }

  /**
   * Appends `length` bytes read at `position` of the open file `fd`; returns them, valid until the next append.
   * The file is read ahead a buffer at a time: the lines a rebuild copies lie one after another, and a read
   * for each of 10,000 took 0.2 s.
   */
  copy(fd: number, position: number, length: number): Uint8Array {
    if (!this.roomFor(length)) {
      const bytes = Buffer.allocUnsafe(length);
      readFully(fd, bytes, position);
      return this.direct(bytes);
    }
    const ahead = this.readAhead(fd, position, length);
    if (ahead) ahead.copy(this.buffer, this.used);
    else readFully(fd, this.buffer.subarray(this.used, this.used + length), position);
    return this.advance(length);
  }

  /**
   * Whether MAX_WRITES_IN_FLIGHT writes are under way: the writer then waits for one (`writeDone`), so the
   * buffers held for them stay few. A write is seen done only when the main thread yields.
   */
  mustWait(): boolean {
    return this.writing.size >= MAX_WRITES_IN_FLIGHT;
  }

  /** Resolves once one of the writes under way is done. */
  writeDone(): Promise<void> {
    return Promise.race(this.writing);
  }

  /** Hands what the buffer holds to the thread pool, and goes on in another buffer. */
  flush(): void {
    if (this.used === 0) return;
    const full = this.buffer;
    this.startWrite(full.subarray(0, this.used), this.offset - this.used, full);
    this.buffer = this.spare.pop() ?? Buffer.allocUnsafe(BUFFER_BYTES);
    this.used = 0;
  }

  /** Flushes, waits for every write and closes the file; throws the first failed write's error. */
  async close(): Promise<void> {
    this.flush();
    await this.abandon();
    if (this.failure) throw this.failure.error;
  }

  /** Waits for the writes under way and closes the file, without flushing: for a failure before `close`. */
  async abandon(): Promise<void> {
    await Promise.all(this.writing);
    await closeFd(this.fd);
  }

  /**
   * Bytes `position` to `position + length` of `fd` from the read-ahead buffer, refilled from `position` when
   * they are not in it; null for a piece larger than the buffer or past the file's end (read on its own, which
   * reports a file that ends too soon).
   */
  private readAhead(fd: number, position: number, length: number): Buffer | null {
    const ahead = this.ahead;
    if (ahead.fd !== fd || position < ahead.start || position + length > ahead.start + ahead.filled) {
      if (length > ahead.bytes.length) return null;
      ahead.fd = fd;
      ahead.start = position;
      ahead.filled = readSync(fd, ahead.bytes, 0, ahead.bytes.length, position);
      if (length > ahead.filled) return null;
    }
    const from = position - ahead.start;
    return ahead.bytes.subarray(from, from + length);
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
    this.startWrite(bytes, this.offset);
    this.offset += bytes.length;
    return bytes;
  }

  /** Writes `bytes` at `position` in the thread pool; `buffer`, if given, is filled again once they are written. */
  private startWrite(bytes: Uint8Array, position: number, buffer?: Buffer): void {
    const done: Promise<void> = writeFully(this.fd, bytes, position)
      .then(
        () => {
          if (buffer) this.spare.push(buffer);
        },
        (error: unknown) => {
          this.failure ??= { error };
        },
      )
      .finally(() => this.writing.delete(done));
    this.writing.add(done);
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

async function writeFully(fd: number, bytes: Uint8Array, position: number): Promise<void> {
  for (let done = 0; done < bytes.length; ) {
    const { bytesWritten } = await writeAt(fd, bytes, done, bytes.length - done, position + done);
    done += bytesWritten;
  }
}
