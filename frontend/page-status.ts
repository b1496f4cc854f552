/**
 * On every page (loaded by the page frame, base/MainLayout): a visible banner while Glimpse cannot be reached
 * ("Can't reach Glimpse — retrying…", a polite live region), in place of Vaadin's own indicator text, and a drop
 * target covering the whole page: files dropped anywhere go to the upload tray when the page has one, and a drop never
 * makes the browser leave the app to show the file.
 */
import { connectionState, nudgeWhenBackOnline, nudgeWhenPushDrops, onConnectionChange } from './connection-state';

const LOST = "Can't reach Glimpse — retrying… What you do meanwhile is kept and sent when it answers again.";
const BACK = 'Connected again.';

function banner(): HTMLElement {
  let element = document.getElementById('connection-banner');
  if (!element) {
    element = document.createElement('div');
    element.id = 'connection-banner';
    element.className = 'connection-banner';
    element.setAttribute('role', 'status');
    element.setAttribute('aria-live', 'polite');
    element.hidden = true;
    document.body.append(element);
  }
  return element;
}

let hideTimer: number | undefined;

function show(state: string) {
  const element = banner();
  window.clearTimeout(hideTimer);
  if (state === 'reconnecting' || state === 'connection-lost') {
    element.textContent = LOST;
    element.dataset.state = 'lost';
    element.hidden = false;
  } else if (state === 'connected' && !element.hidden) {
    element.textContent = BACK;
    element.dataset.state = 'back';
    hideTimer = window.setTimeout(() => (element.hidden = true), 3000);
  }
}

function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

function guardDrops() {
  const root = document.documentElement;
  document.addEventListener('dragover', (event) => {
    if (carriesFiles(event)) {
      event.preventDefault();
      const tray = document.querySelector('glimpse-upload-tray');
      if (event.dataTransfer) {
        event.dataTransfer.dropEffect = tray ? 'copy' : 'none';
      }
      root.classList.toggle('glimpse-dragging', tray !== null);
    }
  });
  document.addEventListener('dragleave', (event) => {
    if (event.relatedTarget === null) {
      root.classList.remove('glimpse-dragging');
    }
  });
  document.addEventListener('drop', (event) => {
    if (!carriesFiles(event)) {
      return;
    }
    event.preventDefault();
    root.classList.remove('glimpse-dragging');
    const files = Array.from(event.dataTransfer?.files ?? []);
    document.dispatchEvent(new CustomEvent('glimpse-files-dropped', { detail: files }));
  });
}

const flags = window as unknown as { glimpsePageStatus?: boolean };
if (!flags.glimpsePageStatus) {
  flags.glimpsePageStatus = true;
  onConnectionChange(show);
  window.addEventListener('offline', () => show('connection-lost'));
  // back online: Vaadin may never have noticed the outage (no request failed meanwhile), so its state is asked
  window.addEventListener('online', () => show(connectionState()?.state ?? 'connected'));
  nudgeWhenBackOnline();
  nudgeWhenPushDrops();
  guardDrops();
}
