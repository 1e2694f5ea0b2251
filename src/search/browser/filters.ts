// <pagefind-filter-pane>: a group per filter, closed; a group's values load when it is first opened.
import { el } from "./dom.ts";
import type { Engine, FilterCounts, Selected } from "./types.ts";

interface Group {
  details: HTMLElement;
  count: HTMLElement;
  options: HTMLElement;
  boxes: Map<string, { label: HTMLElement; box: HTMLInputElement; number: HTMLElement }>;
  loaded: Record<string, number> | null;
  opening?: Promise<void>;
}

export class FilterPane {
  private readonly groups = new Map<string, Group>();
  /** name → the values selected. */
  private readonly selected: Record<string, Set<string>> = {};
  /** Counts over the search on screen (none: every value's total counts). */
  counts: { available: FilterCounts; total: FilterCounts } = { available: {}, total: {} };
  /** Results of a term are on screen. */
  searched = false;

  /** `changed` runs when a value is selected or unselected; `failed` when a group cannot load. */
  constructor(
    host: Element,
    private readonly engine: Engine,
    private readonly changed: () => void,
    private readonly failed: () => void,
  ) {
    const pane = el("div", { class: "pf-filter-pane" });
    host.replaceChildren(pane);
    for (const name of engine.filterNames) pane.append(this.group(name));
  }

  private group(name: string): HTMLElement {
    const title = name.charAt(0).toUpperCase() + name.slice(1);
    const count = el("span", { class: "pf-filter-group-count", "aria-hidden": "true", "data-pf-hidden": "true" });
    const options = el("div", { class: "pf-filter-options" });
    const details = el(
      "details",
      { class: "pf-filter-group", "data-filter-name": name },
      el("summary", { class: "pf-filter-group-title" }, el("span", { class: "pf-filter-group-name" }, title), count),
      el("fieldset", { class: "pf-filter-fieldset" }, el("legend", { "data-pf-sr-hidden": "" }, title), options),
    );
    this.groups.set(name, { details, count, options, boxes: new Map(), loaded: null });
    details.addEventListener("toggle", () => {
      if ((details as HTMLDetailsElement).open) this.openGroup(name).catch(this.failed);
    });
    return details;
  }

  /** The selected values, as a search takes them. */
  selection(): Selected {
    return Object.fromEntries(Object.entries(this.selected).map(([name, values]) => [name, [...values]]));
  }

  /** Selects exactly `selected` (from the page's address), as a search takes it; drawn by drawAll. */
  select(selected: Selected): void {
    for (const name of Object.keys(this.selected)) delete this.selected[name];
    for (const [name, values] of Object.entries(selected)) {
      if (this.groups.has(name) && values.length) this.selected[name] = new Set(values);
    }
  }

  /** Draws every group's counts and selection. */
  drawAll(): void {
    for (const name of this.groups.keys()) {
      this.drawGroup(name);
      this.drawSelectedCount(name);
    }
  }

  private drawGroup(name: string): void {
    const group = this.groups.get(name)!;
    if (!group.loaded) return;
    const available = this.counts.available[name] || group.loaded;
    const total = this.counts.total[name] || group.loaded;
    const chosen = this.selected[name] || new Set();
    let visible = 0;
    for (const [value, { label, box, number }] of group.boxes) {
      const isSelected = chosen.has(value);
      const offered = (available[value] || 0) > 0 || isSelected;
      number.textContent = String(isSelected ? (total[value] ?? 0) : (available[value] ?? 0));
      label.toggleAttribute("data-pf-hidden", !offered);
      box.checked = isSelected;
      if (offered) visible++;
    }
    group.details.toggleAttribute("data-pf-hidden", visible === 0);
  }

  private drawSelectedCount(name: string): void {
    const { count } = this.groups.get(name)!;
    const n = this.selected[name]?.size || 0;
    if (n > 0) {
      count.textContent = String(n);
      count.removeAttribute("data-pf-hidden");
    } else count.setAttribute("data-pf-hidden", "true");
  }

  private async openGroup(name: string): Promise<void> {
    const group = this.groups.get(name)!;
    if (group.opening) return group.opening;
    group.opening = this.fillGroup(name, group);
    return group.opening;
  }

  private async fillGroup(name: string, group: Group): Promise<void> {
    const { engine } = this;
    await engine.loadFilter(name);
    const onScreen = this.searched ? await engine.lastCounts() : null;
    group.loaded = engine.totals()[name] || {};
    if (onScreen) {
      // A search is on screen: count this filter's values over its results.
      this.counts.available[name] = onScreen.filters[name];
      this.counts.total[name] = onScreen.totalFilters[name];
    }
    const labels = document.createDocumentFragment();
    let i = 0;
    for (const value of Object.keys(group.loaded)) {
      const id = `pf-filter-${name}-${i++}`;
      const box = el("input", { type: "checkbox", class: "pf-checkbox-input", id, name, value }) as HTMLInputElement;
      const number = el("span", { class: "pf-filter-checkbox-count" });
      const label = el("label", { class: "pf-filter-checkbox", for: id }, box, value, number);
      box.addEventListener("change", () => this.toggle(name, value, box.checked));
      group.boxes.set(value, { label, box, number });
      labels.append(label);
    }
    this.drawGroup(name);
    group.options.append(labels);
  }

  private toggle(name: string, value: string, checked: boolean): void {
    if (!this.selected[name]) this.selected[name] = new Set();
    if (checked) this.selected[name].add(value);
    else this.selected[name].delete(value);
    if (this.selected[name].size === 0) delete this.selected[name];
    this.drawSelectedCount(name);
    this.changed();
  }
}
