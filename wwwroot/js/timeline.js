// What script adds to the server-rendered reader pages. Each of these works without it, by plain links and forms:
// keyboard movement through the timeline, bringing the focused event into view, "copy link", filters that apply as
// soon as they are chosen, and "Show later/earlier events" adding the next page in place.
(() => {
    const listLinks = () => [...document.querySelectorAll("[data-timeline] .event-link")];

    // Another reader page, as a document to take parts from; throws when it cannot be had.
    const fetchPage = async url => {
        const response = await fetch(url, { headers: { accept: "text/html" } });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return new DOMParser().parseFromString(await response.text(), "text/html");
    };

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
            if (status) status.textContent = button.getAttribute("data-copied") ?? "Link copied.";
        } catch {
            if (status) status.textContent = "Copy this link: " + url;
        }
    });

    // Filters. The form alone would send every field, the empty ones too; the address carries only what is chosen,
    // in the form's order (the server's), so one view has one address. Blazor's enhanced navigation fetches it.
    const filterUrl = form => {
        const pairs = [];
        for (const [key, value] of new FormData(form)) {
            const text = String(value).trim();
            if (text) pairs.push(encodeURIComponent(key) + "=" + encodeURIComponent(text));
        }
        return form.getAttribute("action") + (pairs.length ? "?" + pairs.join("&") : "");
    };
    const go = url => (window.Blazor?.navigateTo ? window.Blazor.navigateTo(url) : location.assign(url));
    document.addEventListener("submit", event => {
        const form = event.target instanceof HTMLFormElement && event.target.matches("[data-filters]") ? event.target : null;
        if (!form) return;
        event.preventDefault();
        go(filterUrl(form));
    }, true);
    document.addEventListener("change", event => {
        const field = event.target;
        const choice = field instanceof HTMLSelectElement || (field instanceof HTMLInputElement && field.type === "checkbox");
        if (choice && field.form?.matches("[data-filters]")) go(filterUrl(field.form));
    });

    // Filters with many choices arrive with only "all" and the current one (TimelineFilters.razor); the full lists
    // come from /filters, which is the same for every view and cached like any reader page.
    const fillChoices = async () => {
        const form = document.querySelector("form[data-filters]");
        const short = form ? [...form.querySelectorAll("select[data-choices]")] : [];
        if (short.length === 0) return;
        try {
            const page = await fetchPage("/filters");
            for (const select of short) {
                const full = page.querySelector(`form[data-filters] select[name="${select.name}"]`);
                if (!full || !select.isConnected) continue;
                const chosen = [...select.options].find(o => o.defaultSelected)?.value ?? "";
                select.replaceChildren(...[...full.options].map(o => new Option(o.text, o.value, o.value === chosen, o.value === chosen)));
                if (![...select.options].some(o => o.value === chosen)) select.add(new Option(chosen, chosen, true, true));
                select.removeAttribute("data-choices");
            }
            form.querySelector("[data-more-choices]")?.setAttribute("hidden", "");
        } catch {
            // The short lists and the "All filter choices" link still work.
        }
    };

    // "Show later/earlier events": the link is the next page's address; fetch it and add its events here, joining
    // a storyline section or a period that continues across the pages.
    const groupsOf = section => [...section.children].filter(c => !c.matches("header"));
    const join = (target, source, later) => {
        const groups = groupsOf(source);
        const existing = groupsOf(target);
        const edge = later ? existing[existing.length - 2] : existing[0];   // the period heading at the seam
        const seam = later ? groups[0] : groups[groups.length - 2];
        if (edge && seam && edge.textContent === seam.textContent) {
            const list = later ? existing[existing.length - 1] : existing[1];
            const items = (later ? groups[1] : groups[groups.length - 1]).children;
            if (later) list.append(...items); else list.prepend(...items);
            groups.splice(later ? 0 : groups.length - 2, 2);
        }
        if (later) target.append(...groups); else target.querySelector("header").after(...groups);
    };
    const addPage = (link, page) => {
        const later = link.dataset.more === "later";
        const holder = link.closest(".more");
        const sections = [...page.querySelectorAll("[data-timeline] .era-section")];
        const newLinks = sections.flatMap(s => [...s.querySelectorAll(".event-link")]);
        const current = [...document.querySelectorAll("[data-timeline] .era-section")];
        let neighbour = later ? current[current.length - 1] : current[0];
        for (const section of later ? sections : sections.reverse()) {
            if (neighbour && neighbour.dataset.era === section.dataset.era) {
                join(neighbour, section, later);
            } else {
                if (later) holder.before(section); else holder.after(section);
                neighbour = section;
            }
        }
        const replacement = page.querySelector(`[data-timeline] a[data-more=${later ? "later" : "earlier"}]`)?.closest(".more");
        if (replacement) holder.replaceWith(replacement); else holder.remove();
        const status = document.querySelector("[data-more-status]");
        const count = newLinks.length;
        if (status) status.textContent = `${count} ${later ? "later" : "earlier"} ${count === 1 ? "event" : "events"} added.`;
        // Keyboard focus moves to the nearest new event, where the reader was heading.
        (later ? newLinks[0] : newLinks[count - 1])?.focus();
    };
    document.addEventListener("click", async event => {
        const link = event.target instanceof Element ? event.target.closest("a[data-more]") : null;
        if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        if (link.getAttribute("aria-busy") === "true") return;
        link.setAttribute("aria-busy", "true");
        try {
            addPage(link, await fetchPage(link.href));
        } catch {
            location.assign(link.href); // the page itself still shows the events
        }
    });

    const pageReady = () => {
        // An enhanced navigation (Back, say) patches the page's markup, but a control the reader had changed keeps
        // showing their choice rather than the new page's: reset the filters to what this page's address says.
        document.querySelector("form[data-filters]")?.reset();
        showFocused();
        fillChoices();
    };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", pageReady);
    else pageReady();
    // After an enhanced navigation Blazor has patched the page; wait for its own focus handling, then ours.
    window.Blazor?.addEventListener?.("enhancedload", () => setTimeout(pageReady, 0));
    // A page restored from the back/forward cache keeps its controls as they were left: reset them too.
    window.addEventListener("pageshow", event => { if (event.persisted) document.querySelector("form[data-filters]")?.reset(); });
})();
