package dev.glimpse.ml.torch;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pickle interpreter that runs only what {@code torch.save(state_dict)} writes: dicts, tuples, ints, strings,
 * booleans, {@code None}, persistent storage ids and calls of the whitelisted {@link TorchGlobal}s. Opcodes: PROTO,
 * GLOBAL, BINPERSID, REDUCE, EMPTY_DICT, EMPTY_TUPLE, MARK, SETITEM(S), TUPLE/TUPLE1/2/3, BININT/1/2, LONG1,
 * BINUNICODE, (LONG_)BINPUT, (LONG_)BINGET, NEWTRUE/NEWFALSE, NONE, BUILD (only an OrderedDict's ignored
 * {@code _metadata}) and STOP. Any other opcode
 * or global is refused by name before it has any effect. Limits on nesting, memo and stack keep a crafted pickle
 * from exhausting memory; nothing is allocated beyond the bytes of the pickle itself.
 */
final class StateDictUnpickler {

    static final int MAX_DEPTH = 32;
    static final int MAX_MEMO = 1 << 20;
    static final int MAX_STACK = 1 << 20;

    /** A pickled tuple with its nesting depth. */
    record Tuple(List<Object> items, int depth) {}

    /** A dict (plain or {@code collections.OrderedDict}); keys and values as unpickled. */
    record Dict(Map<Object, Object> entries, int depth) {}

    private final ByteBuffer in;
    private final StorageResolver storages;
    private final Map<Integer, Object> memo = new HashMap<>();
    private final ArrayDeque<List<Object>> marks = new ArrayDeque<>();
    private List<Object> stack = new ArrayList<>();
    private int stackSize;

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
                if (stack.size() != 1 || !marks.isEmpty()) {
                    throw refuse("STOP with " + stack.size() + " values on the stack");
                }
                return stack.getFirst();
            }
            execute(opcode, position);
        }
        throw refuse("the pickle ends without STOP");
    }

    private void execute(int opcode, int position) {
        switch (opcode) {
            case 0x80 -> protocol();
            case 'c' -> push(TorchGlobal.named(line(), line()));
            case 'Q' -> push(storages.resolve(asTuple(pop(), "BINPERSID")));
            case 'R' -> reduce();
            case '}' -> push(new Dict(new LinkedHashMap<>(), 1));
            case ')' -> push(new Tuple(List.of(), 1));
            case '(' -> mark();
            case 't' -> push(tuple(popMark()));
            case 0x85 -> push(tuple(popN(1)));
            case 0x86 -> push(tuple(popN(2)));
            case 0x87 -> push(tuple(popN(3)));
            case 'u' -> setItems(popMark());
            case 's' -> setItems(popN(2));
            case 'b' -> build();
            case 'J' -> push((long) in.getInt());
            case 'K' -> push((long) (in.get() & 0xFF));
            case 'M' -> push((long) (in.getShort() & 0xFFFF));
            case 0x8a -> push(long1());
            case 'X' -> push(unicode());
            case 'q' -> put(in.get() & 0xFF);
            case 'r' -> put(in.getInt());
            case 'h' -> get(in.get() & 0xFF);
            case 'j' -> get(in.getInt());
            case 0x88 -> push(Boolean.TRUE);
            case 0x89 -> push(Boolean.FALSE);
            case 'N' -> push(None.NONE);
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
        Tuple args = asTuple(pop(), "REDUCE arguments");
        Object callable = pop();
        if (!(callable instanceof TorchGlobal global)) {
            throw refuse("REDUCE on " + describe(callable) + ", which is not a whitelisted global");
        }
        push(global.call(args.items()));
    }

    private void setItems(List<Object> items) {
        if (items.size() % 2 != 0) {
            throw refuse("SETITEMS with an odd number of values");
        }
        Object target = pop();
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
        push(new Dict(dict.entries(), checkDepth(depth)));
    }

    /** BUILD is accepted only to set an OrderedDict's attributes ({@code _metadata}), which are ignored. */
    private void build() {
        Object state = pop();
        Object target = peek();
        if (!(target instanceof Dict) || !(state instanceof Dict)) {
            throw refuse("BUILD of " + describe(target) + " with " + describe(state)
                    + "; only the attributes of an OrderedDict are accepted");
        }
    }

    private void mark() {
        if (marks.size() >= MAX_DEPTH) {
            throw refuse("nesting deeper than " + MAX_DEPTH + " levels");
        }
        marks.push(stack);
        stack = new ArrayList<>();
    }

    private List<Object> popMark() {
        if (marks.isEmpty()) {
            throw refuse("a MARK is missing");
        }
        List<Object> items = stack;
        stack = marks.pop();
        stackSize -= items.size();
        return items;
    }

    private List<Object> popN(int n) {
        if (stack.size() < n) {
            throw refuse("stack underflow");
        }
        List<Object> top = stack.subList(stack.size() - n, stack.size());
        List<Object> items = new ArrayList<>(top);
        top.clear();
        stackSize -= n;
        return items;
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

    private void put(int index) {
        if (index < 0 || index >= MAX_MEMO) {
            throw refuse("memo index " + Integer.toUnsignedString(index) + " beyond the limit of " + MAX_MEMO);
        }
        memo.put(index, peek());
    }

    private void get(int index) {
        Object value = memo.get(index);
        if (value == null) {
            throw refuse("memo index " + Integer.toUnsignedString(index) + " was never stored");
        }
        push(value);
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

    private void push(Object value) {
        if (++stackSize > MAX_STACK) {
            throw refuse("more than " + MAX_STACK + " values on the stack");
        }
        stack.add(value);
    }

    private Object pop() {
        if (stack.isEmpty()) {
            throw refuse("stack underflow");
        }
        stackSize--;
        return stack.removeLast();
    }

    private Object peek() {
        if (stack.isEmpty()) {
            throw refuse("stack underflow");
        }
        return stack.getLast();
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
