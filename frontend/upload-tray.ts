/**
 * The upload tray (server side: ingest/UploadTray). The browser owns the files: each pick or drop becomes one group of
 * rows with its own summary ("Uploading 17 of 25 · 9 stored, 3 duplicates, 5 refused"); each file gets an id and its
 * pick's id before anything is sent; files not yet answered are kept in IndexedDB and sent one request each, so a
 * file picked while the server cannot be reached, or whose upload was cut, waits ("waiting for connection") and is
 * sent when the server answers again (after a reload too). The answer to a file comes back on its own request, so it
 * can never miss its row; later changes of a stored image are pushed by the server with a version, newest wins.
 */
import { onConnectionChange } from './connection-state';
import { KeptFiles, type KeptFile } from './upload-store';

type Row = {
  fileId: string;
  pickId: string;
  name: string;
  element: HTMLElement;
  imageId?: string;
  version: number;
  answered: boolean;
  file?: File;
};

type RowText = {
  status: string;
  outcome: string;
  mark: string;
  text: string;
  detail: string;
  imageId: string | null;
  retry: boolean;
  resend: boolean;
};

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

function span(className: string, text = ''): HTMLSpanElement {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
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
    this.draw(row, { status: 'QUEUED', mark: '⋯', text: this.offline ? 'Waiting for connection' : 'Waiting to send', detail: '', retry: false });
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
        ? ((await response.json()) as { row?: RowText; version?: number })
        : null;
      if (response.status === 200 && json?.row) {
        answered = true;
        this.answer(row, json.row, Number(json.version ?? 0));
      } else {
        // kept for whoever looks into a file that keeps waiting (also read by the browser tests)
        this.dataset.lastProblem = `HTTP ${response.status}`;
        if (response.status === 429) {
          waitMillis = 1000 * Number(response.headers.get('Retry-After') ?? '2');
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
      this.waitForConnection(waitMillis);
    }
    this.pump();
  }

  private waitForConnection(millis: number) {
    if (!this.offline) {
      this.offline = true;
      this.retryTimer = window.setTimeout(() => this.resume(), millis);
    }
    this.queue.forEach((waiting) =>
      this.draw(waiting, { status: 'QUEUED', mark: '⋯', text: 'Waiting for connection', detail: 'kept here and sent when Glimpse answers again', retry: false }));
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
    const again = document.createElement('button');
    again.type = 'button';
    again.className = 'upload-retry';
    again.textContent = 'Send again';
    again.addEventListener('click', () => {
      row.answered = false;
      delete row.element.dataset.outcome;
      this.keep(row);
      this.summarise(row.pickId);
      this.pump();
    });
    row.element.append(again);
  }

  private draw(row: Row, text: { status: string; mark: string; text: string; detail: string; retry: boolean }) {
    const element = row.element;
    element.dataset.status = text.status;
    element.querySelector('.upload-mark')!.textContent = text.mark;
    element.querySelector('.upload-state')!.textContent = text.text;
    element.querySelector('.upload-detail')!.textContent = text.detail;
    element.title = `${row.name}: ${text.text} ${text.detail}`.trim();
    element.querySelectorAll('.upload-retry').forEach((button) => button.remove());
    if (text.retry && row.imageId) {
      const retry = document.createElement('button');
      retry.type = 'button';
      retry.className = 'upload-retry';
      retry.textContent = 'Retry';
      const imageId = row.imageId;
      retry.addEventListener('click', () =>
        this.dispatchEvent(new CustomEvent('glimpse-retry', { detail: imageId })));
      element.append(retry);
    }
  }

  private group(pickId: string): HTMLElement {
    const existing = this.results.querySelector<HTMLElement>(`.upload-pick[data-pick='${pickId}']`);
    if (existing) {
      return existing;
    }
    const group = document.createElement('section');
    group.className = 'upload-pick';
    group.dataset.pick = pickId;
    const head = document.createElement('div');
    head.className = 'upload-pick-head';
    const summary = document.createElement('p');
    summary.className = 'upload-summary';
    summary.setAttribute('role', 'status');
    const dismiss = document.createElement('button');
    dismiss.type = 'button';
    dismiss.className = 'upload-dismiss';
    dismiss.textContent = 'Dismiss';
    dismiss.addEventListener('click', () => this.dismiss(pickId, group));
    head.append(summary, dismiss);
    const list = document.createElement('div');
    list.className = 'upload-pick-rows';
    group.append(head, list);
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
    const element = document.createElement('div');
    element.className = 'upload-result';
    element.dataset.fileId = fileId;
    const mark = span('upload-mark');
    mark.setAttribute('aria-hidden', 'true');
    element.append(mark, span('upload-name', name), span('upload-state'), span('upload-detail'));
    group.querySelector('.upload-pick-rows')!.append(element);
    const row: Row = { fileId, pickId, name, element, version: 0, answered: false };
    this.rows.set(fileId, row);
    return row;
  }

  private summarise(pickId: string) {
    const group = this.results.querySelector<HTMLElement>(`.upload-pick[data-pick='${pickId}']`);
    if (!group) {
      return;
    }
    const rows = Array.from(this.rows.values()).filter((row) => row.pickId === pickId);
    const count = (outcome: string) => rows.filter((row) => row.element.dataset.outcome === outcome).length;
    const parts: string[] = [];
    const add = (n: number, one: string, many = one) => n > 0 && parts.push(`${n} ${n === 1 ? one : many}`);
    add(count('stored'), 'stored');
    add(count('duplicate'), 'duplicate', 'duplicates');
    add(count('refused'), 'refused');
    add(count('unavailable'), 'not stored (try again later)');
    add(count('full'), 'not stored (storage is full)');
    const waiting = rows.filter((row) => !row.answered && row.element.dataset.status === 'QUEUED' && this.offline).length;
    const answered = rows.filter((row) => row.answered).length;
    const progress = answered < rows.length ? `Uploading ${answered} of ${rows.length}` : '';
    const waitingText = waiting > 0 ? `${waiting} waiting for connection` : '';
    group.querySelector('.upload-summary')!.textContent = [progress, parts.join(', '), waitingText]
      .filter((part) => part.length > 0)
      .join(' · ');
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
