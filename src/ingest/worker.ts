/**
 * A worker thread of the parallel ingest (started by src/ingest/typescript-worker.ts): takes the main thread's knowledge
 * (cloned into workerData), then extracts each batch of seeds it is sent and posts the results back in order.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Knowledge } from "../knowledge/index.ts";
import type { SeedSource } from "../types.ts";
import { extractOrReject } from "./extract-one.ts";

const knowledge = workerData.data as Knowledge;

parentPort!.on("message", (batch: SeedSource[]) => {
  parentPort!.postMessage(batch.map((source) => extractOrReject(source, knowledge)));
});
