// Node 20 does not pass a parent's TypeScript loader on to worker threads, so a worker starts as this plain
// JavaScript file, registers tsx itself, then loads its TypeScript module (workerData.module, a URL).
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.module);
