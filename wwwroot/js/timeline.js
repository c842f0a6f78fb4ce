// Behaviour that must work on server-rendered pages, before (or without) a Blazor circuit:
// keyboard movement through the timeline, bringing the focused event into view, and "copy link".
(() => {
    const listLinks = () => [...document.querySelectorAll("[data-timeline] .event-link")];

    document.addEventListener("keydown", event => {
        if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
        const target = event.target;
        if (target instanceof HTMLElement && target.closest("input, select, textarea, [contenteditable]")) return;
        const links = listLinks();
        if (links.length === 0) return;
        const inList = target instanceof HTMLElement && target.closest("[data-timeline]");
        if (!inList && target !== document.body) return;

        const item = target instanceof HTMLElement ? target.closest("li.event-item") : null;
        const current = item ? links.indexOf(item.querySelector(".event-link")) : -1;
        const start = current >= 0 ? current : Math.max(0, links.findIndex(l => l.closest("[aria-current=true]")));
        let next;
        switch (event.key) {
            case "ArrowDown": case "j": next = current < 0 ? start : Math.min(current + 1, links.length - 1); break;
            case "ArrowUp": case "k": next = current < 0 ? start : Math.max(current - 1, 0); break;
            case "Home": if (!inList) return; next = 0; break;
            case "End": if (!inList) return; next = links.length - 1; break;
            default: return;
        }
        event.preventDefault();
        links[next].focus();
        links[next].scrollIntoView({ block: "nearest" });
    });

    // ?focus=slug: bring the highlighted event into view and put keyboard focus on it.
    const showFocused = () => {
        const focused = document.querySelector("[data-timeline] li[aria-current=true]");
        if (!focused) return;
        focused.scrollIntoView({ block: "center" });
        focused.querySelector(".event-link")?.focus({ preventScroll: true });
    };

    document.addEventListener("click", async event => {
        const button = event.target instanceof Element ? event.target.closest("[data-copy-link]") : null;
        if (!button) return;
        const status = button.parentElement?.querySelector(".copy-status");
        const url = button.getAttribute("data-copy-link");
        try {
            await navigator.clipboard.writeText(url);
            if (status) status.textContent = "Link copied.";
        } catch {
            if (status) status.textContent = "Copy this link: " + url;
        }
    });

    // When the circuit connects, Blazor renders the timeline afresh and the prerendered link that had focus is gone.
    // Remember which event had focus and give it back, so a reader who started early keeps their place.
    let rememberedHref = null;
    document.addEventListener("focusin", event => {
        const link = event.target instanceof Element ? event.target.closest("[data-timeline] .event-link") : null;
        rememberedHref = link ? link.getAttribute("href") : null;
    });
    new MutationObserver(() => {
        if (!rememberedHref || (document.activeElement && document.activeElement !== document.body)) return;
        const again = [...document.querySelectorAll("[data-timeline] .event-link")].find(l => l.getAttribute("href") === rememberedHref);
        again?.focus({ preventScroll: true });
    }).observe(document.body, { childList: true, subtree: true });

    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", showFocused);
    else showFocused();
    // After an enhanced navigation Blazor has patched the page; wait for its own focus handling, then ours.
    window.Blazor?.addEventListener?.("enhancedload", () => setTimeout(showFocused, 0));
})();
