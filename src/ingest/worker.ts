/**
 * A worker thread of the parallel ingest: loads the same knowledge as the main thread,
 * then extracts each batch of seeds it is sent and posts the results back in order.
 */
import { parentPort, workerData } from "node:worker_threads";
import { loadKnowledge } from "../knowledge/index.ts";
import type { SeedSource } from "../types.ts";
import { extractOrReject } from "./extract-one.ts";

const knowledge = loadKnowledge(workerData.knowledgeDirs as string[]);

parentPort!.on("message", (batch: SeedSource[]) => {
  parentPort!.postMessage(batch.map((source) => extractOrReject(source, knowledge)));
});
