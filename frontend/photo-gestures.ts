/**
 * Touch on the photo page (phones): a horizontal swipe steps to the previous or next photo (by pressing the page's
 * own buttons, so the server does the stepping), a double tap zooms in to 2.5× and out again, two fingers pinch to
 * zoom (1× to 5×), and one finger pans a zoomed photo. Written by hand: the handful of touch events needed is smaller
 * than any gesture library, and the photo is a plain <img> scaled with a CSS transform.
 */
type Point = { x: number; y: number };

const SWIPE_PX = 60;
const DOUBLE_TAP_MS = 300;
const MAX_ZOOM = 5;

type Gestured = HTMLElement & { glimpseGestures?: boolean };

function photoGestures(img: Gestured, previous: HTMLElement, next: HTMLElement) {
  if (img.glimpseGestures) return;
  img.glimpseGestures = true;
  let zoom = 1;
  let pan: Point = { x: 0, y: 0 };
  let start: Point | null = null;
  let startPan: Point = pan;
  let pinchFrom = 0;
  let pinchZoom = 1;
  let lastTap = 0;

  const apply = () => {
    img.style.transform = zoom === 1 ? '' : `translate(${pan.x}px, ${pan.y}px) scale(${zoom})`;
    img.toggleAttribute('data-zoomed', zoom !== 1);
  };
  const reset = () => {
    zoom = 1;
    pan = { x: 0, y: 0 };
    apply();
  };
  const distance = (t: TouchList) => Math.hypot(t[0].clientX - t[1].clientX, t[0].clientY - t[1].clientY);

  img.addEventListener('touchstart', (e: TouchEvent) => {
    if (e.touches.length === 2) {
      pinchFrom = distance(e.touches);
      pinchZoom = zoom;
      start = null;
    } else if (e.touches.length === 1) {
      start = { x: e.touches[0].clientX, y: e.touches[0].clientY };
      startPan = pan;
    }
  }, { passive: true });

  img.addEventListener('touchmove', (e: TouchEvent) => {
    if (e.touches.length === 2 && pinchFrom > 0) {
      e.preventDefault();
      zoom = Math.min(MAX_ZOOM, Math.max(1, (pinchZoom * distance(e.touches)) / pinchFrom));
      apply();
    } else if (e.touches.length === 1 && start && zoom > 1) {
      e.preventDefault();
      pan = { x: startPan.x + e.touches[0].clientX - start.x, y: startPan.y + e.touches[0].clientY - start.y };
      apply();
    }
  }, { passive: false });

  img.addEventListener('touchend', (e: TouchEvent) => {
    if (e.touches.length > 0) return;
    pinchFrom = 0;
    if (zoom === 1) img.style.transform = '';
    const end = e.changedTouches[0];
    if (!start || !end) return;
    const dx = end.clientX - start.x;
    const dy = end.clientY - start.y;
    start = null;
    if (zoom === 1 && Math.abs(dx) > SWIPE_PX && Math.abs(dx) > 2 * Math.abs(dy)) {
      (dx < 0 ? next : previous).click();
      lastTap = 0;
      return;
    }
    if (Math.abs(dx) < 10 && Math.abs(dy) < 10) {
      const now = performance.now();
      if (now - lastTap < DOUBLE_TAP_MS) {
        e.preventDefault();
        if (zoom === 1) {
          zoom = 2.5;
          apply();
        } else {
          reset();
        }
        lastTap = 0;
      } else {
        lastTap = now;
      }
    }
  });

  // a new photo in the same <img> starts unzoomed
  new MutationObserver(reset).observe(img, { attributes: true, attributeFilter: ['src'] });
}

(window as unknown as { glimpsePhotoGestures: typeof photoGestures }).glimpsePhotoGestures = photoGestures;
