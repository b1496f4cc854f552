package dev.glimpse.ml.torch;

import static dev.glimpse.ml.torch.StateDictUnpickler.refuse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pickle machine's state: the value stack, the stack of MARKs and the memo, each bounded so that a crafted
 * pickle is refused instead of exhausting memory.
 */
final class PickleStack {

    static final int MAX_MARKS = StateDictUnpickler.MAX_DEPTH;
    static final int MAX_MEMO = 1 << 20;
    static final int MAX_VALUES = 1 << 20;

    private final Map<Integer, Object> memo = new HashMap<>();
    private final ArrayDeque<List<Object>> marks = new ArrayDeque<>();
    private List<Object> stack = new ArrayList<>();
    private int size;

    void push(Object value) {
        if (++size > MAX_VALUES) {
            throw refuse("more than " + MAX_VALUES + " values on the stack");
        }
        stack.add(value);
    }

    Object pop() {
        if (stack.isEmpty()) {
            throw refuse("stack underflow");
        }
        size--;
        return stack.removeLast();
    }

    Object peek() {
        if (stack.isEmpty()) {
            throw refuse("stack underflow");
        }
        return stack.getLast();
    }

    /** The top {@code n} values, removed, in the order they were pushed. */
    List<Object> pop(int n) {
        if (stack.size() < n) {
            throw refuse("stack underflow");
        }
        List<Object> top = stack.subList(stack.size() - n, stack.size());
        List<Object> items = new ArrayList<>(top);
        top.clear();
        size -= n;
        return items;
    }

    void mark() {
        if (marks.size() >= MAX_MARKS) {
            throw refuse("nesting deeper than " + MAX_MARKS + " levels");
        }
        marks.push(stack);
        stack = new ArrayList<>();
    }

    /** The values pushed since the last MARK, removed with it. */
    List<Object> popMark() {
        if (marks.isEmpty()) {
            throw refuse("a MARK is missing");
        }
        List<Object> items = stack;
        stack = marks.pop();
        size -= items.size();
        return items;
    }

    /** The single value left when STOP is reached. */
    Object result() {
        if (stack.size() != 1 || !marks.isEmpty()) {
            throw refuse("STOP with " + stack.size() + " values on the stack");
        }
        return stack.getFirst();
    }

    void memoize(int index) {
        if (index < 0 || index >= MAX_MEMO) {
            throw refuse("memo index " + Integer.toUnsignedString(index) + " beyond the limit of " + MAX_MEMO);
        }
        memo.put(index, peek());
    }

    void recall(int index) {
        Object value = memo.get(index);
        if (value == null) {
            throw refuse("memo index " + Integer.toUnsignedString(index) + " was never stored");
        }
        push(value);
    }
}
