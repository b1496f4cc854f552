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

/** Asks Flow's client for one round trip to the server; if it cannot be made, Flow starts reconnecting. */
function roundTrip() {
  const clients = (window as unknown as { Vaadin?: { Flow?: { clients?: Record<string, FlowClient> } } }).Vaadin?.Flow
    ?.clients;
  Object.values(clients ?? {}).forEach((client) => client.poll?.());
}

type Atmosphere = { addCallback: (callback: (response: { state?: string }) => void) => void };

/**
 * When the server push connection (Atmosphere, loaded by Flow once push starts) drops, asks for
 * one round trip at once. Flow's client otherwise learns that the server is gone only at its next heartbeat (a minute
 * later, measured: the page looked connected for 57 s after the server stopped); the failed round trip makes it
 * reconnect every second, and the banner says so.
 */
export function nudgeWhenPushDrops() {
  const attach = () => {
    const atmosphere = (window as unknown as { vaadinPush?: { atmosphere?: Atmosphere } }).vaadinPush?.atmosphere;
    if (!atmosphere) {
      window.setTimeout(attach, 500);
      return;
    }
    atmosphere.addCallback((response) => {
      // Atmosphere tells its global callbacks 'closed' when the socket drops (the reopening itself goes unannounced)
      const dropped = response.state === 'closed' || response.state === 'error' || response.state === 're-connecting';
      if (dropped && navigator.onLine && connectionState()?.state === 'connected') {
        // after Flow's own handler for this drop, which runs next in the same task and marks its push as pending;
        // a round trip asked for before that goes into the closed socket and is lost
        window.setTimeout(roundTrip, 0);
      }
    });
  };
  attach();
}

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
    roundTrip();
    timer = window.setTimeout(nudge, 2000);
  };
  window.addEventListener('online', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(nudge, 2000);
  });
}
