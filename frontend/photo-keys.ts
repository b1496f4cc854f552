/**
 * The photo page's keys, wherever the focus is on the page: ← and → step, Esc closes. They are left alone while the
 * focus is in a text field (the caption being edited, the search box) or in something over or outside the page (a
 * confirmation dialog). The page hears them as a `glimpse-photo-key` event with the key's name as its detail.
 */
const KEYS = new Set(['ArrowLeft', 'ArrowRight', 'Escape']);

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select, vaadin-text-field, vaadin-text-area') !== null;
}

function photoKeys(page: HTMLElement) {
  const onKey = (event: KeyboardEvent) => {
    if (!page.isConnected) {
      document.removeEventListener('keydown', onKey);
      return;
    }
    if (!KEYS.has(event.key) || event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    const target = event.target; // retargeted to the page's own element when the focus is in a shadow root
    const onPage = target === document.body || (target instanceof Node && page.contains(target));
    if (!onPage || typing(target) || typing(event.composedPath()[0] ?? null)) return;
    event.preventDefault();
    page.dispatchEvent(new CustomEvent('glimpse-photo-key', { detail: event.key }));
  };
  document.addEventListener('keydown', onKey);
}

(window as unknown as { glimpsePhotoKeys: typeof photoKeys }).glimpsePhotoKeys = photoKeys;
