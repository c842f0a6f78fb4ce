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
};

// Enter in a field marked data-enter-clicks="id" presses that button (a tag's "Add") rather than submitting the form around it.
document.addEventListener("keydown", (event) => {
    const target = event.target;
    if (event.key !== "Enter" || !(target instanceof HTMLElement) || !target.dataset.enterClicks) return;
    event.preventDefault();
    document.getElementById(target.dataset.enterClicks)?.click();
});
