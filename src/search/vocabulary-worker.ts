/**
 * A worker thread gathering the search vocabulary (src/search/vocabulary-beside.ts): each message is some
 * articles' texts, answered with how many characters it held; `null` asks for the vocabulary itself.
 */
import { parentPort } from "node:worker_threads";
import { VocabularyWords } from "./shards.ts";

const words = new VocabularyWords();
parentPort!.on("message", (texts: string[] | null) => {
  if (texts === null) {
    parentPort!.postMessage(words.text());
    return;
  }
  words.add(texts);
  parentPort!.postMessage(texts.reduce((chars, text) => chars + text.length, 0));
});
