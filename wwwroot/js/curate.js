// The curator area's one piece of browser code: the text the editor selected inside an element, so a link's
// passage can be picked from the article instead of retyped. Paragraphs are joined with a newline, as the
// article text stores them.
window.timelineCurate = {
    selectedTextWithin(elementId) {
        const element = document.getElementById(elementId);
        const selection = window.getSelection();
        if (!element || !selection || selection.rangeCount === 0) return "";
        const range = selection.getRangeAt(0);
        if (!element.contains(range.commonAncestorContainer)) return "";
        return selection.toString().replace(/\n{2,}/g, "\n");
    },
    // After a refused save: the first field marked invalid takes the focus (its message is tied to it), or else
    // the first message, when it is not about one field.
    focusFirstInvalid() {
        let target = document.querySelector('[aria-invalid="true"]');
        if (!target) {
            target = document.querySelector(".field-error");
            target?.setAttribute("tabindex", "-1");
        }
        target?.focus();
        target?.scrollIntoView({ block: "center" });
    },
};

// Enter in a tag picker picks the highlighted suggestion (MudAutocomplete handles the key); it must not also submit
// the event form around it, half filled in.
document.addEventListener("keydown", (event) => {
    const target = event.target;
    if (event.key === "Enter" && target instanceof HTMLInputElement && target.closest(".tag-picker")) event.preventDefault();
});
