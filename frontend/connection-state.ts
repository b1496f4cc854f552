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
