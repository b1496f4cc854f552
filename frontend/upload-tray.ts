/**
 * The upload tray (server side: ingest/UploadTray). The browser owns the files: each pick or drop becomes one group of
 * rows with its own summary ("Uploading 17 of 25 · 9 stored, 3 duplicates, 5 refused"); each file gets an id and its
 * pick's id before anything is sent; files not yet answered are kept in IndexedDB and sent one request each, so a
 * file picked while the server cannot be reached, or whose upload was cut, waits ("waiting for connection") and is
 * sent when the server answers again (after a reload too). The answer to a file comes back on its own request, so it
 * can never miss its row; later changes of a stored image are pushed by the server with a version, newest wins.
 */
import { onConnectionChange } from './connection-state';
import { button, createGroup, span, createRowElement, drawRow, summaryText, type Row, type RowText, type Shown } from './upload-rows';
import { KeptFiles, type KeptFile } from './upload-store';

const SENDING_AT_ONCE = 3;
/** Files being sent by any tray of this page: a tray attached again (after navigating back) leaves them alone. */
const inFlight = new Set<string>();
const RETRY_MILLIS = 2000;

function newId(): string {
  // crypto.randomUUID exists only in secure contexts (not on plain http to a LAN address)
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 12);
}

class UploadTray extends HTMLElement {
  private readonly rows = new Map<string, Row>();
  private readonly queue: Row[] = [];
  private readonly early = new Map<string, { version: number; apply: (row: Row) => void }>();
  private readonly store = new KeptFiles();
  private results!: HTMLElement;
  private input!: HTMLInputElement;
  private sending = 0;
  private offline = false;
  /** Why sending is paused: null for a lost connection, else the server's words (too many uploads a minute). */
  private limitReason: string | null = null;
  private retryTimer?: number;
  private busy = false;

  connectedCallback() {
    if (this.results) {
      return;
    }
    this.input = document.createElement('input');
    this.input.type = 'file';
    this.input.multiple = true;
    this.input.id = 'upload-input';
    this.input.accept = this.getAttribute('accept') ?? '';
    this.input.className = 'upload-input';
    this.input.tabIndex = -1;
    this.input.setAttribute('aria-hidden', 'true');
    this.input.addEventListener('change', () => {
      this.pick(Array.from(this.input.files ?? []));
      this.input.value = '';
    });
    const button = document.createElement('button');
    button.type = 'button';
    button.id = 'upload-button';
    button.className = 'upload-button';
    button.textContent = 'Add images…';
    button.addEventListener('click', () => this.input.click());
    const hint = span('upload-drop-hint', 'or drop them anywhere on this page');
    const bar = document.createElement('div');
    bar.className = 'upload-bar';
    bar.append(button, hint, this.input);
    this.results = document.createElement('div');
    this.results.id = 'upload-results';
    this.results.setAttribute('role', 'region');
    this.results.setAttribute('aria-label', 'Files sent from this page');
    this.append(bar, this.results);
    document.addEventListener('glimpse-files-dropped', (event) => {
      if (this.isConnected) {
        this.pick((event as CustomEvent<File[]>).detail);
      }
    });
    window.addEventListener('online', () => this.resume());
    onConnectionChange((now) => {
      if (now === 'connected') {
        this.resume();
      }
    });
    void this.restoreKept();
  }

  /** A committed change of an image this page sent, pushed by the server. */
  imageChanged(id: string, status: string, mark: string, text: string, detail: string, retry: boolean, version: number) {
    const apply = (row: Row) => {
      if (version > row.version) {
        row.version = version;
        this.draw(row, { status, mark, text, detail, retry });
        this.summarise(row.pickId);
      }
    };
    const known = Array.from(this.rows.values()).filter((row) => row.imageId === id);
    if (known.length === 0) {
      // the push overtook the upload's own answer: kept until the answer names this image
      const before = this.early.get(id);
      if (!before || before.version < version) {
        this.early.set(id, { version, apply });
      }
    }
    known.forEach(apply);
  }

  private pick(files: File[], pickId = newId()) {
    if (files.length === 0) {
      return;
    }
    const limit = Number(this.getAttribute('max-files') ?? '20');
    const maxBytes = Number(this.getAttribute('max-bytes') ?? '0');
    const group = this.group(pickId);
    files.forEach((file, index) => {
      const row = this.addRow(group, pickId, newId(), file.name);
      const refusal =
        index >= limit
          ? this.getAttribute('too-many')
          : maxBytes > 0 && file.size > maxBytes
            ? this.getAttribute('too-large')
            : this.accepts(file)
              ? null
              : this.getAttribute('not-image');
      if (refusal) {
        this.answer(row, { status: 'REFUSED', outcome: 'refused', mark: '✗', text: 'Refused:', detail: refusal, imageId: null, retry: false, resend: false }, 0);
      } else {
        row.file = file;
        this.keep(row);
      }
    });
    this.summarise(pickId);
    this.pump();
  }

  private accepts(file: File): boolean {
    const accepted = (this.getAttribute('accept') ?? '').split(',').map((type) => type.trim().toLowerCase());
    const name = file.name.toLowerCase();
    return accepted.some((type) => (type.startsWith('.') ? name.endsWith(type) : file.type === type));
  }

  private keep(row: Row) {
    this.queue.push(row);
    const text = this.offline && !this.limitReason ? 'Waiting for connection' : 'Waiting to send';
    this.draw(row, { status: 'QUEUED', mark: '⋯', text, detail: '', retry: false });
    void this.store.put({ fileId: row.fileId, pickId: row.pickId, name: row.name, file: row.file! });
  }

  private async restoreKept() {
    const kept: KeptFile[] = await this.store.all();
    const picks = new Map<string, KeptFile[]>();
    kept.filter((entry) => !this.rows.has(entry.fileId) && !inFlight.has(entry.fileId)).forEach((entry) => {
      picks.set(entry.pickId, [...(picks.get(entry.pickId) ?? []), entry]);
    });
    picks.forEach((entries, pickId) => {
      const group = this.group(pickId);
      entries.forEach((entry) => {
        const row = this.addRow(group, pickId, entry.fileId, entry.name);
        row.file = entry.file;
        this.queue.push(row);
        this.draw(row, { status: 'QUEUED', mark: '⋯', text: 'Waiting to send (kept from before)', detail: '', retry: false });
      });
      this.summarise(pickId);
    });
    this.pump();
  }

  private resume() {
    if (this.offline) {
      this.offline = false;
      window.clearTimeout(this.retryTimer);
      this.pump();
    }
  }

  private pump() {
    // a tray whose page was left stops: what it had not sent is still kept and taken up by the next tray
    while (this.isConnected && !this.offline && this.sending < SENDING_AT_ONCE && this.queue.length > 0) {
      void this.send(this.queue.shift()!);
    }
    this.setBusy(this.sending > 0 || this.queue.length > 0);
  }

  private async send(row: Row) {
    this.sending++;
    inFlight.add(row.fileId);
    this.dataset.attempts = String(Number(this.dataset.attempts ?? '0') + 1);
    this.draw(row, { status: 'SENDING', mark: '⋯', text: 'Sending…', detail: '', retry: false });
    this.summarise(row.pickId);
    let waitMillis = RETRY_MILLIS;
    let answered = false;
    let limited: string | null = null;
    try {
      const body = new FormData();
      body.append('file', row.file!, row.name);
      const response = await fetch(this.getAttribute('target') ?? '', {
        method: 'POST',
        body,
        credentials: 'same-origin',
        headers: { 'X-Glimpse-Pick': row.pickId, 'X-Glimpse-File': row.fileId },
      });
      const json = response.headers.get('content-type')?.includes('json')
        ? ((await response.json()) as { row?: RowText; version?: number; reason?: string })
        : null;
      if (response.status === 200 && json?.row) {
        answered = true;
        this.answer(row, json.row, Number(json.version ?? 0));
      } else {
        // kept for whoever looks into a file that keeps waiting (also read by the browser tests)
        this.dataset.lastProblem = `HTTP ${response.status}`;
        if (response.status === 429) {
          waitMillis = 1000 * Number(response.headers.get('Retry-After') ?? '2');
          limited = json?.reason ?? 'too many uploads right now';
        }
      }
    } catch (error) {
      // the server could not be reached, or the upload was cut: the file is kept
      this.dataset.lastProblem = String(error);
      console.warn(`Upload of ${row.name} failed (${String(error)}); kept for later`);
    } finally {
      this.sending--;
      inFlight.delete(row.fileId);
    }
    if (!answered) {
      this.queue.unshift(row);
      this.waitForConnection(waitMillis, limited);
    }
    this.pump();
  }

  /** Pauses sending for a while: the connection is lost, or (limited) the server asked to slow down. */
  private waitForConnection(millis: number, limited: string | null) {
    if (!this.offline) {
      this.offline = true;
      this.limitReason = limited;
      this.retryTimer = window.setTimeout(() => this.resume(), millis);
    }
    const shown = this.limitReason
      ? { text: 'Waiting to send', detail: `${this.limitReason}; sent by itself in ${Math.ceil(millis / 1000)} s` }
      : { text: 'Waiting for connection', detail: 'kept here and sent when Glimpse answers again' };
    this.queue.forEach((waiting) => this.draw(waiting, { status: 'QUEUED', mark: '⋯', retry: false, ...shown }));
    new Set(this.queue.map((waiting) => waiting.pickId)).forEach((pickId) => this.summarise(pickId));
  }

  private answer(row: Row, text: RowText, version: number) {
    row.answered = true;
    row.version = version;
    row.element.dataset.outcome = text.outcome;
    if (text.imageId) {
      row.imageId = text.imageId;
      row.element.dataset.imageId = text.imageId;
    }
    this.draw(row, text);
    if (text.resend && row.file) {
      this.offerResend(row);
    } else {
      row.file = undefined;
    }
    void this.store.remove(row.fileId);
    const early = row.imageId ? this.early.get(row.imageId) : undefined;
    if (early && row.imageId) {
      this.early.delete(row.imageId);
      early.apply(row);
    }
    this.summarise(row.pickId);
  }

  private offerResend(row: Row) {
    row.element.append(
      button('upload-retry', 'Send again', () => {
        row.answered = false;
        delete row.element.dataset.outcome;
        this.keep(row);
        this.summarise(row.pickId);
        this.pump();
      }),
    );
  }

  private draw(row: Row, shown: Shown) {
    drawRow(row, shown, (imageId) => this.dispatchEvent(new CustomEvent('glimpse-retry', { detail: imageId })));
  }

  private group(pickId: string): HTMLElement {
    const existing = this.results.querySelector<HTMLElement>(`.upload-pick[data-pick='${pickId}']`);
    if (existing) {
      return existing;
    }
    const group = createGroup(pickId, () => this.dismiss(pickId, group));
    this.results.prepend(group);
    return group;
  }

  private dismiss(pickId: string, group: HTMLElement) {
    const rows = Array.from(this.rows.values()).filter((row) => row.pickId === pickId);
    if (rows.some((row) => !row.answered)) {
      // files still to send stay: only the rows with nothing more to say go
      rows.filter((row) => row.answered).forEach((row) => this.forget(row));
      this.summarise(pickId);
    } else {
      rows.forEach((row) => this.forget(row));
      group.remove();
      this.querySelector<HTMLElement>('#upload-button')?.focus();
    }
  }

  private forget(row: Row) {
    row.element.remove();
    this.rows.delete(row.fileId);
  }

  private addRow(group: HTMLElement, pickId: string, fileId: string, name: string): Row {
    const element = createRowElement(fileId, name);
    group.querySelector('.upload-pick-rows')!.append(element);
    const row: Row = { fileId, pickId, name, element, version: 0, answered: false };
    this.rows.set(fileId, row);
    return row;
  }

  private summarise(pickId: string) {
    const group = this.results.querySelector<HTMLElement>(`.upload-pick[data-pick='${pickId}']`);
    if (!group) {
      return; // dismissed
    }
    const rows = Array.from(this.rows.values()).filter((row) => row.pickId === pickId);
    group.querySelector('.upload-summary')!.textContent = summaryText(rows, this.offline ? (this.limitReason ? 'waiting to send' : 'waiting for connection') : null);
  }

  private setBusy(busy: boolean) {
    if (busy !== this.busy) {
      this.busy = busy;
      this.dispatchEvent(new CustomEvent('glimpse-busy', { detail: busy }));
    }
  }
}

if (!customElements.get('glimpse-upload-tray')) {
  customElements.define('glimpse-upload-tray', UploadTray);
}
