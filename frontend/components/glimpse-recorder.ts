import { css, html, LitElement, nothing, type PropertyValues } from 'lit';

/** What the recorder is doing; each state has its own words in the status line. */
type RecorderState = 'idle' | 'starting' | 'recording' | 'sending' | 'sent' | 'failed' | 'denied' | 'absent' | 'unsupported';

const PREFERRED_TYPES = ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus', 'audio/mp4'];
const TICK_MS = 100;
const DEFAULT_SEND_TIMEOUT_SECONDS = 30;

/**
 * A microphone button: press it (mouse, Enter or Space) to record, press it again to stop; it keeps the keyboard
 * focus throughout (it is marked busy with aria-disabled rather than disabled, which would drop the focus). It shows the elapsed
 * time and the input level, stops by itself after `max-seconds`, lets the user play the clip back and sends it to
 * the server as multipart/form-data to the URL in its `target` attribute (a Vaadin UploadHandler set by the Java
 * component). When the microphone is refused or missing it says so in plain words; a send that gets no answer within
 * `send-timeout-seconds` is abandoned, and a refusal by the server (too large, too many, busy) is named as such.
 * The microphone is released whenever the element is removed or disabled, also while it is still being opened.
 */
export class GlimpseRecorder extends LitElement {
  static properties = {
    target: { type: String },
    maxSeconds: { type: Number, attribute: 'max-seconds' },
    sendTimeoutSeconds: { type: Number, attribute: 'send-timeout-seconds' },
    disabled: { type: Boolean, reflect: true },
    unavailable: { type: String },
    compact: { type: Boolean },
    state: { type: String, reflect: true },
    problem: { state: true },
    elapsed: { state: true },
    level: { state: true },
    clipUrl: { state: true },
  };

  declare target: string;
  declare maxSeconds: number;
  declare sendTimeoutSeconds: number;
  declare disabled: boolean;
  /** Why recording cannot work now (the speech model is missing); empty when it can. Disables the button. */
  declare unavailable: string;
  /** Inside a search box: a short label, and the status line only when there is something to say. */
  declare compact: boolean;
  declare state: RecorderState;
  declare problem: string;
  declare elapsed: number;
  declare level: number;
  declare clipUrl: string;

  private recorder?: MediaRecorder;
  private stream?: MediaStream;
  private audioContext?: AudioContext;
  private analyser?: AnalyserNode;
  private chunks: Blob[] = [];
  private startedAt = 0;
  private ticker?: number;
  /** Counts attempts to open the microphone; removing the element or disabling it makes a pending one stale. */
  private attempt = 0;
  /** While a send is in flight: aborts it (removal, timeout). */
  private sending?: AbortController;
  /** The server asked to wait until then (performance.now() milliseconds) before the next recording. */
  private retryAt = 0;

  constructor() {
    super();
    this.target = '';
    this.maxSeconds = 15;
    this.sendTimeoutSeconds = DEFAULT_SEND_TIMEOUT_SECONDS;
    this.disabled = false;
    this.unavailable = '';
    this.compact = false;
    this.state = 'idle';
    this.problem = '';
    this.elapsed = 0;
    this.level = 0;
    this.clipUrl = '';
  }

  static styles = css`
    :host {
      max-width: 100%;
      display: inline-flex;
      flex-direction: column;
      gap: var(--lumo-space-s, 0.5rem);
      font-family: var(--lumo-font-family, sans-serif);
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--lumo-space-m, 1rem);
    }
    button {
      min-width: 12.5em;
      justify-content: center;
      display: inline-flex;
      align-items: center;
      gap: 0.5em;
      font: inherit;
      font-weight: 600;
      padding: 0.6em 1.1em;
      border-radius: 999px;
      border: 2px solid var(--lumo-primary-color, #1676f3);
      background: var(--lumo-base-color, #fff);
      color: var(--lumo-primary-text-color, #1676f3);
      cursor: pointer;
    }
    button[aria-pressed='true'] {
      background: var(--lumo-error-color, #e22);
      border-color: var(--lumo-error-color, #e22);
      color: var(--lumo-error-contrast-color, #fff);
    }
    button:focus-visible {
      outline: 3px solid var(--lumo-primary-color-50pct, #1676f380);
      outline-offset: 2px;
    }
    button:disabled,
    button[aria-disabled='true'] {
      opacity: 0.5;
      cursor: not-allowed;
    }
    .idle {
      visibility: hidden;
    }
    .dot {
      width: 0.7em;
      height: 0.7em;
      border-radius: 50%;
      background: currentColor;
    }
    .time {
      font-variant-numeric: tabular-nums;
      min-width: 6ch;
    }
    .meter {
      width: 8rem;
      height: 0.6rem;
      border-radius: 0.3rem;
      background: var(--lumo-contrast-10pct, #eee);
      overflow: hidden;
    }
    .meter > div {
      height: 100%;
      background: var(--lumo-success-color, #2a2);
      transition: width 80ms linear;
    }
    .status {
      color: var(--lumo-secondary-text-color, #555);
      font-size: var(--lumo-font-size-s, 0.875rem);
      min-height: 1.2em;
    }
    .status.problem {
      color: var(--lumo-error-text-color, #c00);
    }
    audio {
      max-width: 20rem;
      height: 2.2rem;
    }
    /* compact: inside a search box (the header's), only the button until there is something to say */
    :host([compact]) button {
      min-width: 0;
      padding: 0.35em 0.9em;
    }
    :host([compact]) .idle,
    :host([compact][state='idle']:not([unavailable])) .status {
      display: none;
    }
  `;

  render() {
    const recording = this.state === 'recording';
    const busy = this.state === 'starting' || this.state === 'sending';
    return html`
      <div class="controls">
        <button
          id="record"
          type="button"
          aria-pressed=${recording ? 'true' : 'false'}
          aria-disabled=${busy ? 'true' : 'false'}
          ?disabled=${this.disabled || !!this.unavailable}
          aria-describedby="status"
          @click=${() => this.toggle()}
        >
          <span class="dot" aria-hidden="true"></span>
          ${recording ? (this.compact ? 'Stop' : 'Stop recording') : this.compact ? 'Speak' : 'Record your search'}
        </button>
        ${recording
          ? html`<span class="time" id="elapsed">${clock(this.elapsed)} / ${clock(this.maxSeconds)}</span>
              <div
                class="meter"
                role="meter"
                aria-label="Microphone input level"
                aria-valuemin="0"
                aria-valuemax="100"
                aria-valuenow=${Math.round(this.level * 100)}
              >
                <div style="width: ${Math.round(this.level * 100)}%"></div>
              </div>`
          : html`<span class="time idle" aria-hidden="true">0:00 / ${clock(this.maxSeconds)}</span>
              <div class="meter idle" aria-hidden="true"></div>`}
      </div>
      <div id="status" class="status ${this.problem || this.unavailable ? 'problem' : ''}" role="status" aria-live="polite">
        ${this.statusText()}
      </div>
      ${this.clipUrl && !recording
        ? html`<audio id="playback" controls src=${this.clipUrl} aria-label="Play back your recording"></audio>`
        : nothing}
    `;
  }

  protected updated(changed: PropertyValues<this>) {
    if ((changed.has('disabled') && this.disabled) || (changed.has('unavailable') && this.unavailable)) {
      if (this.state === 'recording') {
        this.stop();
      } else if (this.state === 'starting') {
        this.abandonStart();
      }
    }
    if (changed.has('clipUrl') && this.clipUrl) {
      this.showClipLength();
    }
  }

  /**
   * MediaRecorder's WebM clips carry no duration, so the player would show 0:00: seeking far past the end makes the
   * browser find the real length, after which the player goes back to the start.
   */
  private showClipLength() {
    const audio = this.renderRoot.querySelector('audio');
    if (!audio) {
      return;
    }
    const rewind = () => {
      audio.removeEventListener('timeupdate', rewind);
      audio.currentTime = 0;
    };
    audio.addEventListener(
      'loadedmetadata',
      () => {
        if (!Number.isFinite(audio.duration)) {
          audio.addEventListener('timeupdate', rewind);
          audio.currentTime = 1e101;
        }
      },
      { once: true },
    );
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.attempt++;
    this.sending?.abort();
    if (this.recorder && this.recorder.state !== 'inactive') {
      this.recorder.onstop = null;
      this.recorder.stop();
    }
    this.release();
    this.forgetClip();
  }

  private statusText(): string {
    if (this.unavailable) {
      return this.unavailable;
    }
    switch (this.state) {
      case 'starting':
        return 'Waiting for the microphone…';
      case 'recording':
        return `Recording: speak now. It stops by itself after ${this.maxSeconds} seconds.`;
      case 'sending':
        return 'Sending your recording…';
      case 'sent':
        return 'Recording sent. You can play it back below.';
      case 'idle':
        return 'Press the button and say what you are looking for.';
      default:
        return this.problem;
    }
  }

  /** Starts recording as a press of the button would, unless it is recording already or cannot. */
  startRecording() {
    if (this.state !== 'recording') {
      this.toggle();
    }
  }

  private toggle() {
    if (this.disabled || this.unavailable || this.state === 'starting' || this.state === 'sending') {
      return; // busy: the button stays focused (never disabled) so Space or Enter works again right after
    }
    if (this.state === 'recording') {
      this.stop();
    } else if (performance.now() < this.retryAt) {
      this.fail('failed', tooMany(this.retryAt));
    } else {
      void this.start();
    }
  }

  private async start() {
    if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === 'undefined') {
      this.fail(
        'unsupported',
        window.isSecureContext
          ? 'This browser cannot record sound. Type your search in the box instead.'
          : 'The browser only allows recording on a secure (https) page. Type your search in the box instead.',
      );
      return;
    }
    this.state = 'starting';
    this.problem = '';
    const attempt = ++this.attempt;
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (error) {
      if (attempt === this.attempt) {
        this.microphoneRefused(error);
      }
      return;
    }
    if (attempt !== this.attempt || !this.isConnected || this.disabled) {
      // removed or disabled while the browser was opening the microphone: it must not stay on
      stream.getTracks().forEach((track) => track.stop());
      if (attempt === this.attempt && this.state === 'starting') {
        this.state = 'idle';
      }
      return;
    }
    this.stream = stream;
    this.forgetClip();
    this.chunks = [];
    const mimeType = PREFERRED_TYPES.find((type) => MediaRecorder.isTypeSupported(type));
    this.recorder = new MediaRecorder(stream, mimeType ? { mimeType } : undefined);
    this.recorder.ondataavailable = (event) => {
      if (event.data.size > 0) {
        this.chunks.push(event.data);
      }
    };
    this.recorder.onstop = () => this.finished();
    this.recorder.start(250);
    this.listen(stream);
    this.startedAt = performance.now();
    this.elapsed = 0;
    this.ticker = window.setInterval(() => this.tick(), TICK_MS);
    this.state = 'recording';
  }

  /** Makes a microphone request still in progress stale: its stream is stopped as soon as it arrives. */
  private abandonStart() {
    this.attempt++;
    this.state = 'idle';
  }

  private stop() {
    if (this.recorder && this.recorder.state !== 'inactive') {
      this.recorder.stop();
    }
  }

  private tick() {
    this.elapsed = (performance.now() - this.startedAt) / 1000;
    this.level = this.inputLevel();
    if (this.elapsed >= this.maxSeconds) {
      this.stop();
    }
  }

  private listen(stream: MediaStream) {
    try {
      this.audioContext = new AudioContext();
      this.analyser = this.audioContext.createAnalyser();
      this.analyser.fftSize = 1024;
      this.audioContext.createMediaStreamSource(stream).connect(this.analyser);
    } catch {
      this.analyser = undefined; // the level meter is a nicety; recording works without it
    }
  }

  /** Root mean square of the latest samples, scaled so that ordinary speech fills most of the meter. */
  private inputLevel(): number {
    if (!this.analyser) {
      return 0;
    }
    const samples = new Float32Array(this.analyser.fftSize);
    this.analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const sample of samples) {
      sum += sample * sample;
    }
    return Math.min(1, Math.sqrt(sum / samples.length) * 4);
  }

  private finished() {
    const type = this.recorder?.mimeType || 'audio/webm';
    const clip = new Blob(this.chunks, { type });
    this.release();
    if (clip.size === 0) {
      this.fail('failed', 'Nothing was recorded. Check that your microphone is not muted, then try again.');
      return;
    }
    this.clipUrl = URL.createObjectURL(clip);
    void this.send(clip);
  }

  private async send(clip: Blob) {
    if (!this.target) {
      this.fail('failed', 'The page is not ready to receive recordings. Reload it and try again.');
      return;
    }
    this.state = 'sending';
    const form = new FormData();
    form.append('file', clip, `recording.${extension(clip.type)}`);
    const sending = new AbortController();
    this.sending = sending;
    const timeoutSeconds = this.sendTimeoutSeconds > 0 ? this.sendTimeoutSeconds : DEFAULT_SEND_TIMEOUT_SECONDS;
    let timedOut = false;
    const timer = window.setTimeout(() => {
      timedOut = true;
      sending.abort();
    }, timeoutSeconds * 1000);
    try {
      const response = await fetch(this.target, {
        method: 'POST',
        body: form,
        credentials: 'same-origin',
        signal: sending.signal,
      });
      if (!response.ok) {
        this.refused(response);
        return;
      }
      this.state = 'sent';
      this.dispatchEvent(new CustomEvent('recording-sent', { bubbles: true, composed: true }));
    } catch {
      if (timedOut) {
        this.fail(
          'failed',
          `The server did not answer within ${timeoutSeconds} seconds, so your recording was not sent. ` +
            'Check your connection and try again.',
        );
      } else if (this.isConnected) {
        this.fail('failed', 'Your recording could not be sent. Check your connection and try again.');
      }
    } finally {
      window.clearTimeout(timer);
      if (this.sending === sending) {
        this.sending = undefined;
      }
    }
  }

  /** The server answered, but not with success: each kind of refusal in its own words. */
  private refused(response: Response) {
    const status = response.status;
    const wait = retryAfterSeconds(response.headers.get('Retry-After'));
    if (status === 413) {
      this.fail('failed', 'Your recording is too large to send. Record a shorter search and try again.');
    } else if (status === 429) {
      this.retryAt = performance.now() + (wait ?? 1) * 1000;
      this.fail('failed', tooMany(this.retryAt));
    } else if (status === 503) {
      this.fail(
        'failed',
        wait === undefined
          ? 'The server is busy right now. Try again in a moment.'
          : `The server is busy right now. Try again in ${seconds(wait)}.`,
      );
    } else if (status === 401 || status === 403) {
      this.fail('failed', 'Your session has ended. Reload the page, sign in if asked, and try again.');
    } else if (status >= 500) {
      this.fail('failed', `The server could not take your recording (error ${status}). Try again in a moment.`);
    } else {
      this.fail('failed', `The server refused your recording (error ${status}). Reload the page and try again.`);
    }
  }

  private microphoneRefused(error: unknown) {
    this.release();
    const name = error instanceof DOMException ? error.name : '';
    if (name === 'NotAllowedError' || name === 'SecurityError') {
      this.fail(
        'denied',
        'The microphone is blocked for this page. Allow it in the address bar (the camera/microphone icon) or in ' +
          "your browser's site settings, then press the button again. Or type your search in the box instead.",
      );
    } else if (name === 'NotFoundError' || name === 'OverconstrainedError') {
      this.fail(
        'absent',
        'No microphone was found. Connect one and press the button again, or type your search in the box instead.',
      );
    } else if (name === 'NotReadableError' || name === 'AbortError') {
      this.fail(
        'absent',
        'The microphone could not be started; another program may be using it. Close it and try again, or type ' +
          'your search instead.',
      );
    } else {
      this.fail('failed', 'The microphone could not be started. Try again, or type your search in the box instead.');
    }
  }

  private fail(state: RecorderState, problem: string) {
    this.problem = problem;
    this.state = state;
  }

  private release() {
    if (this.ticker !== undefined) {
      window.clearInterval(this.ticker);
      this.ticker = undefined;
    }
    this.stream?.getTracks().forEach((track) => track.stop());
    this.stream = undefined;
    void this.audioContext?.close().catch(() => undefined);
    this.audioContext = undefined;
    this.analyser = undefined;
    this.level = 0;
  }

  private forgetClip() {
    if (this.clipUrl) {
      URL.revokeObjectURL(this.clipUrl);
      this.clipUrl = '';
    }
  }
}

function clock(seconds: number): string {
  const whole = Math.min(Math.floor(seconds), 59 * 60);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** Seconds to wait from a Retry-After header: a number of seconds or an HTTP date; undefined if absent or unreadable. */
function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) {
    return undefined;
  }
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) {
    return Number(trimmed);
  }
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function tooMany(retryAt: number): string {
  const wait = Math.max(1, Math.ceil((retryAt - performance.now()) / 1000));
  return `Too many searches in a short time. You can record again in ${seconds(wait)}.`;
}

function seconds(count: number): string {
  return count === 1 ? '1 second' : `${count} seconds`;
}

function extension(type: string): string {
  if (type.includes('ogg')) return 'ogg';
  if (type.includes('mp4')) return 'm4a';
  return 'webm';
}

if (!customElements.get('glimpse-recorder')) {
  customElements.define('glimpse-recorder', GlimpseRecorder);
}

declare global {
  interface HTMLElementTagNameMap {
    'glimpse-recorder': GlimpseRecorder;
  }
}
