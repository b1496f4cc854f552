package dev.glimpse.serving;

/** A model's request queue is full: the caller should retry later (HTTP 503), not wait. */
public final class BusyException extends RuntimeException {

    public BusyException(String model, int capacity) {
        super("Model '" + model + "' is busy: its queue of " + capacity + " requests is full, try again shortly");
    }
}
