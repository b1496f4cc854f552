/**
 * Keyboard use of a photo grid (library): the grid is one Tab stop, the tile last used keeps it (roving tabindex);
 * the arrow keys move between tiles (up and down to the tile nearest in the row above or below, as laid out), Home and
 * End to the first and last tile drawn, Space toggles the tile's selection checkbox. Tiles come and go as the virtual
 * list scrolls, so the Tab stop is settled again whenever the grid's content changes.
 */
const OPEN = '.photo-tile-open';

/** The tile with the Tab stop, whether the focus is in the grid, and whether the keys are wired already. */
type Grid = HTMLElement & { glimpseActive?: string; glimpseFocused?: boolean; glimpseKeys?: boolean };

function tileId(button: Element): string {
  return button.closest('.photo-tile')?.getAttribute('data-image-id') ?? '';
}

function buttons(grid: Grid): HTMLElement[] {
  return Array.from(grid.querySelectorAll<HTMLElement>(OPEN));
}

/**
 * One Tab stop: the active tile's button, else the first. When the grid draws its tiles anew (an image came or went)
 * the focused button is replaced and the focus would fall to the page: it goes back to the active tile.
 */
function settle(grid: Grid) {
  const all = buttons(grid);
  const active = all.find((b) => tileId(b) === grid.glimpseActive) ?? all[0];
  all.forEach((b) => (b.tabIndex = b === active ? 0 : -1));
  const lost = document.activeElement === null || document.activeElement === document.body;
  if (grid.glimpseFocused && lost && active) {
    active.focus({ preventScroll: true });
  }
}

function nearestVertically(all: HTMLElement[], from: HTMLElement, down: boolean): HTMLElement | undefined {
  const at = from.getBoundingClientRect();
  let best: HTMLElement | undefined;
  let bestScore = Infinity;
  for (const b of all) {
    const r = b.getBoundingClientRect();
    const dy = down ? r.top - at.top : at.top - r.top;
    if (dy < at.height / 2) continue;
    const score = dy * 10000 + Math.abs(r.left - at.left);
    if (score < bestScore) {
      bestScore = score;
      best = b;
    }
  }
  return best;
}

function target(grid: Grid, from: HTMLElement, key: string): HTMLElement | undefined {
  const all = buttons(grid);
  const at = all.indexOf(from);
  switch (key) {
    case 'ArrowLeft':
      return all[at - 1];
    case 'ArrowRight':
      return all[at + 1];
    case 'ArrowUp':
      return nearestVertically(all, from, false);
    case 'ArrowDown':
      return nearestVertically(all, from, true);
    case 'Home':
      return all[0];
    case 'End':
      return all[all.length - 1];
    default:
      return undefined;
  }
}

function focusTile(grid: Grid, button: HTMLElement) {
  grid.glimpseActive = tileId(button);
  settle(grid);
  button.focus();
  button.scrollIntoView({ block: 'nearest' });
}

/**
 * A key pressed while the grid draws its tiles anew lands on the page (the focused button is gone until the next frame
 * settles the focus again): it is taken as pressed on the tile that had the focus, so no key is lost.
 */
function onPageKey(grid: Grid, event: KeyboardEvent) {
  const lost = document.activeElement === null || document.activeElement === document.body;
  if (!lost || !grid.glimpseFocused || !grid.isConnected) return;
  const active = buttons(grid).find((b) => tileId(b) === grid.glimpseActive);
  if (active) {
    active.focus({ preventScroll: true });
    onKey(grid, event, active);
  }
}

function onKey(grid: Grid, event: KeyboardEvent, on?: HTMLElement) {
  const from = on ?? (event.target instanceof HTMLElement ? event.target.closest<HTMLElement>(OPEN) : null);
  if (!from || event.altKey || event.ctrlKey || event.metaKey) return;
  if (event.key === 'Tab') {
    // tiles drawn anew since the last settle are Tab stops until the next frame: settle before Tab moves on
    settle(grid);
    return;
  }
  if (event.key === ' ') {
    const box = from.closest('.photo-tile')?.querySelector<HTMLElement>('.photo-tile-select');
    if (box) {
      event.preventDefault();
      box.click();
    }
    return;
  }
  const to = target(grid, from, event.key);
  if (to) {
    event.preventDefault();
    focusTile(grid, to);
  }
}

function gridKeys(grid: Grid) {
  if (grid.glimpseKeys) return;
  grid.glimpseKeys = true;
  grid.addEventListener('keydown', (e) => onKey(grid, e));
  document.addEventListener('keydown', (e) => onPageKey(grid, e));
  grid.addEventListener('keyup', (e) => {
    if (e.key === ' ' && e.target instanceof HTMLElement && e.target.closest(OPEN)) e.preventDefault();
  });
  grid.addEventListener('focusin', (e) => {
    const b = e.target instanceof HTMLElement ? e.target.closest<HTMLElement>(OPEN) : null;
    grid.glimpseFocused = b !== null;
    if (b) {
      grid.glimpseActive = tileId(b);
      settle(grid);
    }
  });
  grid.addEventListener('focusout', (e) => {
    // a tile removed from the page has no next element; the focus moving elsewhere has one
    if (e.relatedTarget instanceof Element && !grid.contains(e.relatedTarget)) {
      grid.glimpseFocused = false;
    }
  });
  document.addEventListener('pointerdown', (e) => {
    if (!(e.target instanceof Node && grid.contains(e.target))) grid.glimpseFocused = false;
  });
  let queued = false;
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      settle(grid);
    });
  }).observe(grid, { childList: true, subtree: true });
  settle(grid);
}

/** Puts the focus on an image's tile once it is drawn (the grid may still be loading or scrolling): 10 s at most. */
function focusTileById(grid: Grid, id: string) {
  const started = performance.now();
  const attempt = () => {
    const button = grid.querySelector<HTMLElement>(`.photo-tile[data-image-id="${id}"] ${OPEN}`);
    if (button) {
      focusTile(grid, button);
    } else if (performance.now() - started < 10000) {
      setTimeout(attempt, 100);
    }
  };
  attempt();
}

const api = window as unknown as { glimpseGridKeys: typeof gridKeys; glimpseFocusTile: typeof focusTileById };
api.glimpseGridKeys = gridKeys;
api.glimpseFocusTile = focusTileById;
