// Search page: an "Order" select that re-sorts Pagefind results by the articles' date
// (data-pagefind-sort="date:YYYY-MM-DD"), and a visible note when the search bundle cannot load
// (pages opened from disk). Loaded after pagefind-component-ui.js, which defines window.PagefindComponents.

(() => {
  const select = document.getElementById("search-sort");
  const components = window.PagefindComponents;
  if (!components) {
    document.querySelector(".search-offline")?.removeAttribute("hidden");
    return;
  }
  const instance = components.getInstanceManager().getInstance("default");
  instance.on("error", () => document.querySelector(".search-offline")?.removeAttribute("hidden"));
  select?.addEventListener("change", () => {
    const [key, direction] = select.value.split(":");
    instance.searchSort = key ? { [key]: direction } : {};
    instance.triggerSearch(instance.searchTerm ?? "");
  });
})();
