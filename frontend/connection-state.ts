/**
 * Vaadin's connection state (window.Vaadin.connectionState, set by Flow's client): 'loading', 'connected',
 * 'reconnecting' or 'connection-lost'. Absent before Flow has started; callers then learn nothing until it has.
 */
type ConnectionStateStore = {
  state: string;
  addStateChangeListener: (listener: (before: string, now: string) => void) => void;
};

export function connectionState(): ConnectionStateStore | undefined {
  return (window as unknown as { Vaadin?: { connectionState?: ConnectionStateStore } }).Vaadin?.connectionState;
}

/** Calls back with each new state, once Flow's client has started. */
export function onConnectionChange(listener: (now: string) => void) {
  const attach = () => {
    const store = connectionState();
    if (store) {
      store.addStateChangeListener((_, now) => listener(now));
    } else {
      window.setTimeout(attach, 500);
    }
  };
  attach();
}

type FlowClient = { poll?: () => void };

/**
 * Once the browser is back online, asks the server for a round trip every 2 s until Flow's client says it is
 * connected again. Flow stops its heartbeat when the browser goes offline and, once online, may stay 'reconnecting'
 * until the next request reaches the server (seen in Chromium: the page's banner stayed although uploads went through).
 */
export function nudgeWhenBackOnline() {
  let timer: number | undefined;
  const nudge = () => {
    window.clearTimeout(timer);
    const store = connectionState();
    if (!navigator.onLine || !store || store.state === 'connected') {
      return;
    }
    const clients = (window as unknown as { Vaadin?: { Flow?: { clients?: Record<string, FlowClient> } } }).Vaadin
      ?.Flow?.clients;
    Object.values(clients ?? {}).forEach((client) => client.poll?.());
    timer = window.setTimeout(nudge, 2000);
  };
  window.addEventListener('online', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(nudge, 2000);
  });
}
