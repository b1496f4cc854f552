package dev.glimpse.ml.torch;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pickle interpreter that runs only what {@code torch.save(state_dict)} writes: dicts, tuples, ints, strings,
 * booleans, {@code None}, persistent storage ids and calls of the whitelisted {@link TorchGlobal}s. Opcodes: PROTO,
 * GLOBAL, BINPERSID, REDUCE, EMPTY_DICT, EMPTY_TUPLE, MARK, SETITEM(S), TUPLE/TUPLE1/2/3, BININT/1/2, LONG1,
 * BINUNICODE, (LONG_)BINPUT, (LONG_)BINGET, NEWTRUE/NEWFALSE, NONE, BUILD (only an OrderedDict's ignored
 * {@code _metadata}) and STOP. Any other opcode or global is refused by name before it has any effect. Limits on
 * nesting ({@value #MAX_DEPTH} levels), memo and stack ({@link PickleStack}) keep a crafted pickle from exhausting
 * memory, and no string is read past the end of the pickle.
 */
final class StateDictUnpickler {

    static final int MAX_DEPTH = 32;

    /** A pickled tuple with its nesting depth. */
    record Tuple(List<Object> items, int depth) {}

    /** A dict (plain or {@code collections.OrderedDict}); keys and values as unpickled. */
    record Dict(Map<Object, Object> entries, int depth) {}

    private final ByteBuffer in;
    private final StorageResolver storages;
    private final PickleStack stack = new PickleStack();

    /** Turns a persistent id {@code ('storage', type, key, location, numel)} into a storage reference. */
    interface StorageResolver {
        TensorRef.StorageRef resolve(Tuple persistentId);
    }

    StateDictUnpickler(byte[] pickle, StorageResolver storages) {
        this.in = ByteBuffer.wrap(pickle).order(ByteOrder.LITTLE_ENDIAN);
        this.storages = storages;
    }

    /** Runs the pickle and returns the object it builds. */
    Object load() {
        try {
            return run();
        } catch (java.nio.BufferUnderflowException e) {
            throw refuse("the pickle is truncated");
        }
    }

    private Object run() {
        while (in.hasRemaining()) {
            int position = in.position();
            int opcode = in.get() & 0xFF;
            if (opcode == '.') {
                return stack.result();
            }
            execute(opcode, position);
        }
        throw refuse("the pickle ends without STOP");
    }

    private void execute(int opcode, int position) {
        switch (opcode) {
            case 0x80 -> protocol();
            case 'c' -> stack.push(TorchGlobal.named(line(), line()));
            case 'Q' -> stack.push(storages.resolve(asTuple(stack.pop(), "BINPERSID")));
            case 'R' -> reduce();
            case '}' -> stack.push(new Dict(new LinkedHashMap<>(), 1));
            case ')' -> stack.push(new Tuple(List.of(), 1));
            case '(' -> stack.mark();
            case 't' -> stack.push(tuple(stack.popMark()));
            case 0x85 -> stack.push(tuple(stack.pop(1)));
            case 0x86 -> stack.push(tuple(stack.pop(2)));
            case 0x87 -> stack.push(tuple(stack.pop(3)));
            case 'u' -> setItems(stack.popMark());
            case 's' -> setItems(stack.pop(2));
            case 'b' -> build();
            case 'J' -> stack.push((long) in.getInt());
            case 'K' -> stack.push((long) (in.get() & 0xFF));
            case 'M' -> stack.push((long) (in.getShort() & 0xFFFF));
            case 0x8a -> stack.push(long1());
            case 'X' -> stack.push(unicode());
            case 'q' -> stack.memoize(in.get() & 0xFF);
            case 'r' -> stack.memoize(in.getInt());
            case 'h' -> stack.recall(in.get() & 0xFF);
            case 'j' -> stack.recall(in.getInt());
            case 0x88 -> stack.push(Boolean.TRUE);
            case 0x89 -> stack.push(Boolean.FALSE);
            case 'N' -> stack.push(None.NONE);
            default ->
                throw refuse(String.format(
                        "unsupported pickle opcode 0x%02x%s at byte %d; a state dict does not need it",
                        opcode, printable(opcode), position));
        }
    }

    /** Python's {@code None}, which {@code _rebuild_tensor_v2} may receive as its metadata argument. */
    enum None {
        NONE
    }

    private void protocol() {
        int version = in.get() & 0xFF;
        if (version < 2 || version > 5) {
            throw refuse("unsupported pickle protocol " + version);
        }
    }

    private void reduce() {
        Tuple args = asTuple(stack.pop(), "REDUCE arguments");
        Object callable = stack.pop();
        if (!(callable instanceof TorchGlobal global)) {
            throw refuse("REDUCE on " + describe(callable) + ", which is not a whitelisted global");
        }
        stack.push(global.call(args.items()));
    }

    private void setItems(List<Object> items) {
        if (items.size() % 2 != 0) {
            throw refuse("SETITEMS with an odd number of values");
        }
        Object target = stack.pop();
        if (!(target instanceof Dict dict)) {
            throw refuse("SETITEMS on " + describe(target));
        }
        int depth = dict.depth();
        for (int i = 0; i < items.size(); i += 2) {
            Object key = items.get(i);
            if (!(key instanceof String) && !(key instanceof Long)) {
                throw refuse("dict key " + describe(key) + "; only strings and ints are accepted");
            }
            Object value = items.get(i + 1);
            depth = Math.max(depth, depthOf(value) + 1);
            dict.entries().put(key, value);
        }
        stack.push(new Dict(dict.entries(), checkDepth(depth)));
    }

    /** BUILD is accepted only to set an OrderedDict's attributes ({@code _metadata}), which are ignored. */
    private void build() {
        Object state = stack.pop();
        Object target = stack.peek();
        if (!(target instanceof Dict) || !(state instanceof Dict)) {
            throw refuse("BUILD of " + describe(target) + " with " + describe(state)
                    + "; only the attributes of an OrderedDict are accepted");
        }
    }

    private Tuple tuple(List<Object> items) {
        int depth = 1;
        for (Object item : items) {
            depth = Math.max(depth, depthOf(item) + 1);
        }
        return new Tuple(List.copyOf(items), checkDepth(depth));
    }

    private int checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw refuse("nesting deeper than " + MAX_DEPTH + " levels");
        }
        return depth;
    }

    private static int depthOf(Object value) {
        return switch (value) {
            case Tuple t -> t.depth();
            case Dict d -> d.depth();
            default -> 0;
        };
    }

    /** LONG1: a little-endian two's complement integer of up to 8 bytes. */
    private long long1() {
        int length = in.get() & 0xFF;
        if (length > 8) {
            throw refuse("an integer of " + length + " bytes");
        }
        long value = 0;
        for (int i = 0; i < length; i++) {
            value |= (in.get() & 0xFFL) << (8 * i);
        }
        return length == 0 || length == 8 ? value : (value << (64 - 8 * length)) >> (64 - 8 * length);
    }

    private String unicode() {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw refuse("a string of " + Integer.toUnsignedString(length) + " bytes, past the end of the pickle");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw refuse("a string that is not UTF-8");
        }
    }

    /** A newline-terminated ASCII line of GLOBAL, at most 256 bytes. */
    private String line() {
        StringBuilder text = new StringBuilder();
        while (true) {
            if (!in.hasRemaining() || text.length() > 256) {
                throw refuse("an unterminated GLOBAL name");
            }
            char c = (char) (in.get() & 0xFF);
            if (c == '\n') {
                return text.toString();
            }
            text.append(c < 0x20 || c > 0x7E ? '?' : c);
        }
    }

    private Tuple asTuple(Object value, String what) {
        if (value instanceof Tuple tuple) {
            return tuple;
        }
        throw refuse(what + " is " + describe(value) + ", not a tuple");
    }

    static String describe(Object value) {
        return switch (value) {
            case null -> "nothing";
            case Tuple t -> "a tuple of " + t.items().size();
            case Dict d -> "a dict";
            case String s -> "the string '" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'";
            case TorchGlobal g -> "the global " + g.qualifiedName();
            default -> "a " + value.getClass().getSimpleName();
        };
    }

    private static String printable(int opcode) {
        return opcode >= 0x20 && opcode < 0x7F ? " ('" + (char) opcode + "')" : "";
    }

    static UnsafeCheckpointException refuse(String why) {
        return new UnsafeCheckpointException("Refusing PyTorch checkpoint: " + why);
    }
}
