/**
 * Keyboard use of a photo grid (library): the grid is one Tab stop, the tile last used keeps it (roving tabindex);
 * the arrow keys move between tiles (up and down to the tile nearest in the row above or below, as laid out), Home and
 * End to the first and last tile drawn, Space toggles the tile's selection checkbox. Tiles come and go as the virtual
 * list scrolls, so the Tab stop is settled again whenever the grid's content changes.
 */
const OPEN = '.photo-tile-open';

type Grid = HTMLElement & { glimpseActive?: string };

function tileId(button: Element): string {
  return button.closest('.photo-tile')?.getAttribute('data-image-id') ?? '';
}

function buttons(grid: Grid): HTMLElement[] {
  return Array.from(grid.querySelectorAll<HTMLElement>(OPEN));
}

function settle(grid: Grid) {
  const all = buttons(grid);
  const active = all.find((b) => tileId(b) === grid.glimpseActive) ?? all[0];
  all.forEach((b) => (b.tabIndex = b === active ? 0 : -1));
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

function onKey(grid: Grid, event: KeyboardEvent) {
  const from = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>(OPEN) : null;
  if (!from || event.altKey || event.ctrlKey || event.metaKey) return;
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

(window as any).glimpseGridKeys = (grid: Grid) => {
  if ((grid as any).glimpseKeys) return;
  (grid as any).glimpseKeys = true;
  grid.addEventListener('keydown', (e) => onKey(grid, e));
  grid.addEventListener('keyup', (e) => {
    if (e.key === ' ' && e.target instanceof HTMLElement && e.target.closest(OPEN)) e.preventDefault();
  });
  grid.addEventListener('focusin', (e) => {
    const b = e.target instanceof HTMLElement ? e.target.closest<HTMLElement>(OPEN) : null;
    if (b) {
      grid.glimpseActive = tileId(b);
      settle(grid);
    }
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
};

/** Puts the focus on an image's tile once it is drawn (the grid may still be loading or scrolling): 10 s at most. */
(window as any).glimpseFocusTile = (grid: Grid, id: string) => {
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
};
