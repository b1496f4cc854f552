package dev.glimpse.serving;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * The C allocator's knobs, called through the Foreign Function API. libtorch allocates activations with
 * {@code malloc}; glibc keeps freed memory in per-thread arenas and raises its mmap threshold as large blocks are
 * freed, so after a batch the process keeps hundreds of megabytes it no longer uses. {@link #limitArenas} caps the
 * number of arenas ({@code mallopt(M_ARENA_MAX)}) and {@link #trim} hands free memory back to the system
 * ({@code malloc_trim(0)}, which glibc applies to every arena). Where the C library has no such functions (musl,
 * macOS) both do nothing and say so. No library wraps these two calls, hence this small class.
 */
public final class NativeMemory {

    private static final int M_ARENA_MAX = -8;

    private static final Optional<MethodHandle> MALLOPT =
            find("mallopt", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final Optional<MethodHandle> MALLOC_TRIM =
            find("malloc_trim", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG));

    private NativeMemory() {}

    /** Whether this C library has glibc's {@code mallopt} and {@code malloc_trim}. */
    public static boolean available() {
        return MALLOPT.isPresent() && MALLOC_TRIM.isPresent();
    }

    /** At most {@code arenas} allocator arenas from now on; false when the C library cannot do it. */
    public static boolean limitArenas(int arenas) {
        return MALLOPT.map(handle -> invoke(handle, M_ARENA_MAX, arenas) == 1).orElse(false);
    }

    /** Returns the allocator's free memory to the system; true when some was released. */
    public static boolean trim() {
        return MALLOC_TRIM.map(handle -> invoke(handle, 0L) == 1).orElse(false);
    }

    private static Optional<MethodHandle> find(String name, FunctionDescriptor descriptor) {
        try {
            Linker linker = Linker.nativeLinker();
            SymbolLookup lookup = linker.defaultLookup();
            return lookup.find(name).map(symbol -> linker.downcallHandle(symbol, descriptor));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static int invoke(MethodHandle handle, Object... args) {
        try {
            return (int) handle.invokeWithArguments(args);
        } catch (Throwable e) {
            throw new IllegalStateException("Native call failed: " + handle, e);
        }
    }
}
