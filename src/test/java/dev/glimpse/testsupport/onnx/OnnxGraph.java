package dev.glimpse.testsupport.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of an ONNX {@code ModelProto} needed to recover a checkpoint: every float32 initializer (name, shape,
 * little-endian bytes) and every node (name, operator, inputs). Read straight from the protobuf wire format
 * (field numbers from {@code onnx.proto}), because no maintained Java ONNX parser without a native runtime exists
 * on Maven Central and only four message types are needed.
 */
public record OnnxGraph(Map<String, Initializer> initializers, List<Node> nodes) {

    /** A float32 tensor stored in the graph. */
    public record Initializer(String name, long[] shape, byte[] littleEndianFloats) {}

    /** One operator of the graph. */
    public record Node(String name, String operator, List<String> inputs) {}

    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int NODE_INPUT = 1;
    private static final int NODE_NAME = 3;
    private static final int NODE_OP_TYPE = 4;
    private static final int TENSOR_DIMS = 1;
    private static final int TENSOR_DATA_TYPE = 2;
    private static final int TENSOR_FLOAT_DATA = 4;
    private static final int TENSOR_NAME = 8;
    private static final int TENSOR_RAW_DATA = 9;
    private static final int ONNX_FLOAT = 1;

    /** Parses a serialised {@code ModelProto}. */
    public static OnnxGraph parse(byte[] model) {
        ProtoReader.Field graph = new ProtoReader(ByteBuffer.wrap(model))
                .fields().stream()
                        .filter(field -> field.number() == MODEL_GRAPH)
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("Not an ONNX model: no graph"));
        Map<String, Initializer> initializers = new LinkedHashMap<>();
        List<Node> nodes = new ArrayList<>();
        for (ProtoReader.Field field : graph.message().fields()) {
            if (field.number() == GRAPH_INITIALIZER) {
                Initializer tensor = initializer(field.message());
                if (tensor != null) {
                    initializers.put(tensor.name(), tensor);
                }
            } else if (field.number() == GRAPH_NODE) {
                nodes.add(node(field.message()));
            }
        }
        return new OnnxGraph(initializers, nodes);
    }

    private static Initializer initializer(ProtoReader tensor) {
        List<Long> dims = new ArrayList<>();
        String name = null;
        long dataType = 0;
        byte[] raw = null;
        List<ByteBuffer> floatData = new ArrayList<>();
        for (ProtoReader.Field field : tensor.fields()) {
            switch (field.number()) {
                case TENSOR_DIMS -> dims.addAll(field.varints());
                case TENSOR_DATA_TYPE -> dataType = field.varint();
                case TENSOR_NAME -> name = field.string();
                case TENSOR_RAW_DATA -> raw = field.bytes();
                case TENSOR_FLOAT_DATA -> floatData.add(ByteBuffer.wrap(field.bytes()));
                default -> {}
            }
        }
        if (dataType != ONNX_FLOAT) {
            return null;
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        return new Initializer(name, shape, raw != null ? raw : concatenate(floatData));
    }

    private static byte[] concatenate(List<ByteBuffer> packedFloats) {
        ByteBuffer all = ByteBuffer.allocate(
                        packedFloats.stream().mapToInt(ByteBuffer::remaining).sum())
                .order(ByteOrder.LITTLE_ENDIAN);
        packedFloats.forEach(all::put);
        return all.array();
    }

    private static Node node(ProtoReader node) {
        String name = "";
        String operator = "";
        List<String> inputs = new ArrayList<>();
        for (ProtoReader.Field field : node.fields()) {
            switch (field.number()) {
                case NODE_INPUT -> inputs.add(field.string());
                case NODE_NAME -> name = field.string();
                case NODE_OP_TYPE -> operator = field.string();
                default -> {}
            }
        }
        return new Node(name, operator, inputs);
    }
}
