// Node 20 does not pass a parent's TypeScript loader on to worker threads, so the worker
// starts as plain JavaScript, registers tsx itself, then loads the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
