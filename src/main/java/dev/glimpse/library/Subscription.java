package dev.glimpse.library;

/** A listener's hold on a stream of notifications; closing it stops them (closing twice does nothing more). */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    @Override
    void close();
}
