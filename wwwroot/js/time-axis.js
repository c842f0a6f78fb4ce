// What script adds to the time axis (TimeAxisView.razor), which works without it through its links: one tab stop
// whose arrow keys move through the periods (Home/End, PageUp/PageDown by five), Enter zooming into one (it is a link)
// and Escape out; a drag pans to the earlier or later window; Ctrl+wheel, a trackpad pinch or a two-finger pinch
// zooms in on the period under the pointer or out. Every move is the address of a link on the page, followed by
// Blazor's enhanced navigation: the list below follows, no circuit opens, and Back and Forward restore each view.
(() => {
    const zoomOutUrl = axis => axis.closest("[data-timeline]")?.querySelector("a[data-zoom-out]")?.href;
    const panUrl = (axis, direction) => axis.closest("[data-timeline]")?.querySelector(`a[data-pan=${direction}]`)?.href;
    const periodsOf = axis => [...axis.querySelectorAll(".axis-periods > a")];

    // A move from the axis keeps the reader's place: the scroll position, and the keyboard focus on the new axis.
    // Kept in sessionStorage, for when Blazor falls back to loading the page in full.
    const returnKey = "time-axis-return";
    const go = (axis, url, focus) => {
        if (!url) return false;
        sessionStorage.setItem(returnKey, JSON.stringify({ url, scroll: window.scrollY, focus }));
        if (window.Blazor?.navigateTo) window.Blazor.navigateTo(url); else location.assign(url);
        return true;
    };

    const periodAt = (axis, x) => periodsOf(axis).find(p => {
        const box = p.getBoundingClientRect();
        return x >= box.left && x < box.right;
    });

    // One tab stop: the current period takes the focus, the others and the pointer's links leave the tab order.
    const activate = (periods, index, focus) => {
        periods.forEach((p, i) => {
            p.tabIndex = i === index ? 0 : -1;
            p.classList.toggle("active", i === index && focus);
        });
        if (focus) periods[index].focus();
    };

    const onKey = (axis, event) => {
        const periods = periodsOf(axis);
        const current = periods.indexOf(event.target);
        if (current < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
        const last = periods.length - 1;
        let next;
        switch (event.key) {
            case "ArrowRight": next = current + 1; break;
            case "ArrowLeft": next = current - 1; break;
            case "PageDown": next = Math.min(current + 5, last); break;
            case "PageUp": next = Math.max(current - 5, 0); break;
            case "Home": next = 0; break;
            case "End": next = last; break;
            case "Enter":
                event.preventDefault();
                go(axis, event.target.href, "first");
                return;
            case "Escape":
                event.preventDefault();
                go(axis, zoomOutUrl(axis), "first");
                return;
            default: return;
        }
        event.preventDefault();
        // Past either end, the window before or after (when the view has one).
        if (next < 0) { go(axis, panUrl(axis, "earlier"), "last"); return; }
        if (next > last) { go(axis, panUrl(axis, "later"), "first"); return; }
        activate(periods, next, true);
    };

    // An enhanced navigation may keep the axis element and patch what is inside (dropping the tab order set here):
    // the tab order is set on every page, the listeners once per element.
    const wired = new WeakSet();
    const setUp = axis => {
        // The address this axis was last set up for: the address changes when a move starts, the new view arrives
        // with its fetch, so whoever waits for the next view (the browser tests) waits for this.
        axis.dataset.readyFor = location.href;
        for (const link of axis.querySelectorAll(".axis-marks a, .axis-crowds a, .axis-bands a")) link.tabIndex = -1;
        const periods = periodsOf(axis);
        if (periods.length > 0 && !periods.some(p => p.tabIndex === 0 && p.hasAttribute("tabindex"))) activate(periods, 0, false);
        if (wired.has(axis)) return;
        wired.add(axis);
        axis.addEventListener("keydown", event => onKey(axis, event));
        axis.addEventListener("focusout", () => periodsOf(axis).forEach(p => p.classList.remove("active")));

        // Drag to pan, pinch to zoom: pointer events, so mouse, pen and touch alike (CSS leaves vertical scrolling
        // to the browser with touch-action: pan-y).
        const pointers = new Map();
        let start = null;
        let dragged = false;
        const layers = () => axis.querySelectorAll(".axis-marks, .axis-crowds, .axis-bands, .axis-periods, .axis-ticks");
        const shift = dx => layers().forEach(l => { l.style.transform = dx ? `translateX(${dx}px)` : ""; });
        const spread = () => {
            const [a, b] = [...pointers.values()];
            return Math.hypot(a.x - b.x, a.y - b.y);
        };
        axis.addEventListener("pointerdown", event => {
            if (event.button !== 0) return;
            pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
            if (pointers.size === 1) {
                start = { x: event.clientX, spread: 0 };
                dragged = false;
            } else if (pointers.size === 2) {
                start = { ...start, spread: spread() };
                shift(0);
            }
        });
        axis.addEventListener("pointermove", event => {
            if (!pointers.has(event.pointerId) || !start) return;
            pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
            if (pointers.size !== 1) return;
            const dx = event.clientX - start.x;
            if (!dragged && Math.abs(dx) > 8) {
                dragged = true;
                axis.classList.add("dragging");
                axis.setPointerCapture(event.pointerId);
            }
            if (dragged) shift(dx);
        });
        const end = event => {
            if (!pointers.has(event.pointerId) || !start) return;
            const wasPinch = pointers.size === 2;
            const [a, b] = [...pointers.values()];
            if (wasPinch && start.spread > 0) {
                const ratio = spread() / start.spread;
                if (ratio > 1.25) go(axis, periodAt(axis, (a.x + b.x) / 2)?.href);
                else if (ratio < 0.8) go(axis, zoomOutUrl(axis));
                dragged = true; // no click at the end of a pinch
                start.pinched = true; // nor a pan when the last finger lifts
            }
            pointers.delete(event.pointerId);
            if (pointers.size > 0) return;
            if (!start.pinched && dragged) {
                const dx = event.clientX - start.x;
                const far = Math.abs(dx) > axis.clientWidth * 0.15;
                if (!(far && go(axis, panUrl(axis, dx > 0 ? "earlier" : "later")))) shift(0);
            }
            axis.classList.remove("dragging");
            start = null;
        };
        axis.addEventListener("pointerup", end);
        axis.addEventListener("dragstart", event => event.preventDefault()); // a link dragged away cancels the pointer
        axis.addEventListener("pointercancel", event => {
            pointers.delete(event.pointerId); shift(0); start = null; axis.classList.remove("dragging"); });
        // A drag or pinch that ends on a link is no click on it.
        axis.addEventListener("click", event => {
            if (dragged) {
                event.preventDefault();
                event.stopPropagation();
                dragged = false;
            }
        }, true);

        // Ctrl+wheel (and a trackpad's pinch, which browsers send as one) zooms; a sideways wheel pans. One move per
        // gesture: the wheel keeps firing while the next view loads.
        let resting = 0;
        axis.addEventListener("wheel", event => {
            const sideways = Math.abs(event.deltaX) > Math.abs(event.deltaY) * 2;
            if (!event.ctrlKey && !sideways) return; // an ordinary wheel scrolls the page
            event.preventDefault();
            if (performance.now() < resting) return;
            const url = sideways ? panUrl(axis, event.deltaX > 0 ? "later" : "earlier")
                : event.deltaY < 0 ? periodAt(axis, event.clientX)?.href : zoomOutUrl(axis);
            if (go(axis, url)) resting = performance.now() + 800;
        }, { passive: false });
    };

    const ready = () => {
        document.querySelectorAll("[data-axis]").forEach(setUp);
        const returning = JSON.parse(sessionStorage.getItem(returnKey) ?? "null");
        if (!returning || returning.url !== location.href) return;
        sessionStorage.removeItem(returnKey);
        window.scrollTo(0, returning.scroll);
        const axis = document.querySelector("[data-axis]");
        const periods = axis ? periodsOf(axis) : [];
        if (returning.focus && periods.length > 0) {
            const index = returning.focus === "last" ? periods.length - 1 : 0;
            activate(periods, index, false);
            periods[index].focus({ preventScroll: true });
        }
    };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
    else ready();
    // After Blazor's own focus handling of the new page (it focuses the h1), as in timeline.js.
    window.Blazor?.addEventListener?.("enhancedload", () => setTimeout(ready, 0));
})();
