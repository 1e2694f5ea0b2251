/**
 * The archive's search vocabulary (searchVocabulary, src/search/shards.ts), gathered in a worker thread while
 * this one renders: every word of every article, split and put in a set, took 0.5 s of a 10,000-article
 * rebuild's one busy thread, and is the same words either way. The texts go to the worker some articles at
 * a time, never more than MAX_UNREAD characters it has not read yet, so they are not all copied at once (at
 * 50,000 articles, 200 MB). If the worker cannot do it, the vocabulary is gathered here.
 */
import type { Worker } from "node:worker_threads";
import { typescriptWorker } from "../ingest/typescript-worker.ts";
import type { Archive } from "../types.ts";
import { searchVocabulary, vocabularyParts } from "./shards.ts";

/** Articles whose texts go in one message. */
const CHUNK_ARTICLES = 500;
/** Most characters sent to the worker and not yet read by it. */
const MAX_UNREAD = 32 * 2 ** 20;

export interface BesideOptions {
  /** Articles whose texts go in one message, and most characters not yet read (smaller in tests). */
  chunkArticles?: number;
  maxUnread?: number;
  /** How the vocabulary is gathered if the worker cannot gather it. */
  here?: (archive: Archive) => string;
}

/** searchVocabulary(archive), worked out in a worker thread. */
export async function vocabularyBeside(archive: Archive, options: BesideOptions = {}): Promise<string> {
  const { chunkArticles = CHUNK_ARTICLES, maxUnread = MAX_UNREAD, here = searchVocabulary } = options;
  let worker: Worker;
  try {
    worker = typescriptWorker(new URL("./vocabulary-worker.ts", import.meta.url), null);
  } catch {
    return here(archive);
  }
  let unread = 0;
  let read: (() => void) | undefined;
  const vocabulary = new Promise<string>((resolve, reject) => {
    worker.on("message", (message: string | number) => {
      if (typeof message === "string") resolve(message);
      else {
        unread -= message;
        read?.();
      }
    });
    worker.once("error", reject);
    worker.once("exit", () => reject(new Error("the vocabulary's worker stopped")));
  });
  vocabulary.catch(() => {}); // a failure is met below, or not at all if sending failed first
  try {
    const { articles } = archive;
    for (let start = 0; start < articles.length; start += chunkArticles) {
      while (unread > maxUnread) {
        // Until the worker has read more, or has failed (then gathered here).
        await Promise.race([new Promise<void>((resolve) => (read = resolve)), vocabulary]);
      }
      const texts = articles.slice(start, start + chunkArticles).flatMap(vocabularyParts);
      worker.postMessage(texts);
      unread += texts.reduce((chars, text) => chars + text.length, 0);
    }
    worker.postMessage(null);
    return await vocabulary;
  } catch {
    return here(archive);
  } finally {
    await worker.terminate();
  }
}
