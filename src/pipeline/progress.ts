/**
 * Progress of a long ingest: a counter rewritten in place on a terminal, plain lines
 * (every tenth) when the output goes to a file or CI log, nothing for small archives.
 */
import { PIPELINE } from "../settings.ts";

const LONG_INGEST = PIPELINE.progressFrom;

export function progressReporter(stream: NodeJS.WriteStream = process.stderr): (done: number, total: number) => void {
  let lastTenth = 0;
  return (done, total) => {
    if (total < LONG_INGEST) return;
    if (stream.isTTY) {
      stream.write(`\ringest ${done}/${total}${done === total ? "\n" : ""}`);
      return;
    }
    const tenth = Math.floor((done * 10) / total);
    if (tenth > lastTenth) {
      lastTenth = tenth;
      stream.write(`ingest ${done}/${total}\n`);
    }
  };
}
