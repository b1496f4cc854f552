/**
 * How the upload tray (frontend/upload-tray.ts) draws its picks and rows: a group per pick with its summary and
 * Dismiss button, one row per file with a mark, the name, the state, the details and Retry where it applies.
 */
export type Row = {
  fileId: string;
  pickId: string;
  name: string;
  element: HTMLElement;
  imageId?: string;
  version: number;
  answered: boolean;
  file?: File;
};

/** What a row says, as the server words it (ingest/UploadRowText). */
export type RowText = {
  status: string;
  outcome: string;
  mark: string;
  text: string;
  detail: string;
  imageId: string | null;
  retry: boolean;
  resend: boolean;
};

export type Shown = { status: string; mark: string; text: string; detail: string; retry: boolean };

export function span(className: string, text = ''): HTMLSpanElement {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}

export function button(className: string, text: string, onClick: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = className;
  element.textContent = text;
  element.addEventListener('click', onClick);
  return element;
}

/** Shows the row's new state; Retry (captioning again) asks the server through onRetry. */
export function drawRow(row: Row, shown: Shown, onRetry: (imageId: string) => void) {
  const element = row.element;
  element.dataset.status = shown.status;
  element.querySelector('.upload-mark')!.textContent = shown.mark;
  element.querySelector('.upload-state')!.textContent = shown.text;
  element.querySelector('.upload-detail')!.textContent = shown.detail;
  element.title = `${row.name}: ${shown.text} ${shown.detail}`.trim();
  element.querySelectorAll('.upload-retry').forEach((old) => old.remove());
  const imageId = row.imageId;
  if (shown.retry && imageId) {
    element.append(button('upload-retry', 'Retry', () => onRetry(imageId)));
  }
}

export function createGroup(pickId: string, onDismiss: () => void): HTMLElement {
  const group = document.createElement('section');
  group.className = 'upload-pick';
  group.dataset.pick = pickId;
  const head = document.createElement('div');
  head.className = 'upload-pick-head';
  const summary = document.createElement('p');
  summary.className = 'upload-summary';
  summary.setAttribute('role', 'status');
  head.append(summary, button('upload-dismiss', 'Dismiss', onDismiss));
  const list = document.createElement('div');
  list.className = 'upload-pick-rows';
  group.append(head, list);
  return group;
}

export function createRowElement(fileId: string, name: string): HTMLElement {
  const element = document.createElement('div');
  element.className = 'upload-result';
  element.dataset.fileId = fileId;
  const mark = span('upload-mark');
  mark.setAttribute('aria-hidden', 'true');
  element.append(mark, span('upload-name', name), span('upload-state'), span('upload-detail'));
  return element;
}

/** "Uploading 17 of 25 · 9 stored, 3 duplicates, 5 refused · 8 waiting for connection"; no progress once all answered. */
export function summaryText(rows: Row[], waitingFor: string | null): string {
  const count = (outcome: string) => rows.filter((row) => row.element.dataset.outcome === outcome).length;
  const parts: string[] = [];
  const add = (n: number, one: string, many = one) => n > 0 && parts.push(`${n} ${n === 1 ? one : many}`);
  add(count('stored'), 'stored');
  add(count('duplicate'), 'duplicate', 'duplicates');
  add(count('refused'), 'refused');
  add(count('unavailable'), 'not stored (try again later)');
  add(count('full'), 'not stored (storage is full)');
  const waiting = waitingFor ? rows.filter((row) => !row.answered && row.element.dataset.status === 'QUEUED').length : 0;
  const answered = rows.filter((row) => row.answered).length;
  const progress = answered < rows.length ? `Uploading ${answered} of ${rows.length}` : '';
  const waitingText = waiting > 0 ? `${waiting} ${waitingFor}` : '';
  return [progress, parts.join(', '), waitingText].filter((part) => part.length > 0).join(' · ');
}
