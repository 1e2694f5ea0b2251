/**
 * Watch mode: any change under the seeds folder or the knowledge folders triggers a
 * rebuild. Changes arriving together (an editor's save, a copied folder) are gathered
 * into one build, and a change during a build queues exactly one more build after it.
 */
import { type FSWatcher, watch } from "node:fs";

export interface Watcher {
  close(): void;
}

export function watchAndRebuild(
  paths: string[],
  rebuild: (changed: string[]) => Promise<void>,
  options: { debounceMs?: number } = {},
): Watcher {
  const debounceMs = options.debounceMs ?? 250;
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const run = async () => {
    timer = undefined;
    if (running) return; // the running build picks the changes up when it ends
    while (pending.size > 0) {
      const changed = [...pending].sort();
      pending = new Set();
      running = rebuild(changed);
      await running.catch(() => {}); // rebuild reports its own errors; watching goes on
      running = undefined;
    }
  };

  const onChange = (base: string) => (_event: string, file: string | Buffer | null) => {
    const name = file ? String(file) : "";
    // Editors' swap and backup files are not seeds; ignoring them avoids a rebuild per keystroke.
    if (/(^|\/)(\.|#)|~$|\.swp$/.test(name)) return;
    pending.add(name ? `${base}/${name}` : base);
    clearTimeout(timer);
    timer = setTimeout(run, debounceMs);
  };

  const watchers: FSWatcher[] = paths.map((p) => watch(p, { recursive: true }, onChange(p)));
  return {
    close() {
      clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}
