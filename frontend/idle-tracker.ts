/**
 * <glimpse-idle-tracker idle-millis="8000">: dispatches one `glimpse-idle` event after the page has seen no pointer
 * movement, key press, touch, wheel or scroll for `idle-millis`; the next activity restarts the timer, so each idle
 * period is reported once. A hidden tab is never reported as idle; when it is shown again a full idle period starts.
 */
const ACTIVITY_EVENTS = ['pointermove', 'pointerdown', 'mousemove', 'keydown', 'touchstart', 'wheel', 'scroll'];
const DEFAULT_IDLE_MILLIS = 8000;

export class IdleTracker extends HTMLElement {
  static get observedAttributes(): string[] {
    return ['idle-millis'];
  }

  private lastActivity = performance.now();
  private reported = false;
  private timer: number | undefined;

  private readonly onActivity = (): void => {
    this.lastActivity = performance.now();
    if (this.reported) {
      this.reported = false;
      this.schedule(this.idleMillis);
    }
  };

  /**
   * Hidden, the tab reports nothing; shown again, it counts as activity: the person has just come back, so a full
   * idle period starts now rather than the time spent in the background being reported as idle at once. A period
   * already reported before the tab was hidden stays reported until the next activity.
   */
  private readonly onVisibility = (): void => {
    if (document.hidden) {
      window.clearTimeout(this.timer);
      this.timer = undefined;
      return;
    }
    this.lastActivity = performance.now();
    if (!this.reported) {
      this.schedule(this.idleMillis);
    }
  };

  get idleMillis(): number {
    const configured = Number(this.getAttribute('idle-millis'));
    return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_IDLE_MILLIS;
  }

  connectedCallback(): void {
    for (const type of ACTIVITY_EVENTS) {
      window.addEventListener(type, this.onActivity, { capture: true, passive: true });
    }
    document.addEventListener('visibilitychange', this.onVisibility);
    this.lastActivity = performance.now();
    this.reported = false;
    this.schedule(this.idleMillis);
  }

  disconnectedCallback(): void {
    for (const type of ACTIVITY_EVENTS) {
      window.removeEventListener(type, this.onActivity, { capture: true });
    }
    document.removeEventListener('visibilitychange', this.onVisibility);
    window.clearTimeout(this.timer);
    this.timer = undefined;
  }

  attributeChangedCallback(): void {
    if (this.isConnected && !this.reported) {
      this.schedule(this.idleMillis - (performance.now() - this.lastActivity));
    }
  }

  private schedule(delay: number): void {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.check(), Math.max(0, delay));
  }

  private check(): void {
    this.timer = undefined;
    const idleFor = performance.now() - this.lastActivity;
    if (idleFor < this.idleMillis) {
      this.schedule(this.idleMillis - idleFor);
    } else if (!document.hidden) {
      this.reported = true;
      this.dispatchEvent(new CustomEvent('glimpse-idle', { detail: { idleMillis: Math.round(idleFor) } }));
    }
  }
}

if (!customElements.get('glimpse-idle-tracker')) {
  customElements.define('glimpse-idle-tracker', IdleTracker);
}
