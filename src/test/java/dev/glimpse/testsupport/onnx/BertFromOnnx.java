package dev.glimpse.testsupport.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the initializers of a BERT encoder exported to ONNX by transformers into the tensors of transformers'
 * {@code BertModel}, named as in its state dict. Most initializers keep their PyTorch names; the weights of linear
 * layers are stored transposed ({@code [in, out]}) under anonymous names ({@code onnx::MatMul_787}), recoverable from
 * the {@code MatMul} node that reads them ({@code /encoder/layer.0/attention/self/query/MatMul} →
 * {@code encoder.layer.0.attention.self.query.weight}).
 */
public final class BertFromOnnx {

    private static final Pattern MATMUL_NODE = Pattern.compile("/(.+)/MatMul");

    private BertFromOnnx() {}

    /** The float tensors of the model by state-dict name, sorted by name; buffers are not used by BertModel. */
    public static Map<String, OnnxGraph.Initializer> tensors(OnnxGraph graph) {
        Map<String, OnnxGraph.Initializer> tensors = new TreeMap<>();
        graph.initializers().forEach((name, tensor) -> {
            if (!name.startsWith("onnx::")) {
                tensors.put(name, tensor);
            }
        });
        for (OnnxGraph.Node node : graph.nodes()) {
            Matcher matcher = MATMUL_NODE.matcher(node.name());
            if (!node.operator().equals("MatMul")
                    || !matcher.matches()
                    || node.inputs().size() != 2) {
                continue;
            }
            OnnxGraph.Initializer weight =
                    graph.initializers().get(node.inputs().get(1));
            if (weight != null) {
                String name = matcher.group(1).replace('/', '.') + ".weight";
                tensors.put(name, transposed(name, weight));
            }
        }
        return tensors;
    }

    private static OnnxGraph.Initializer transposed(String name, OnnxGraph.Initializer weight) {
        if (weight.shape().length != 2) {
            throw new IllegalArgumentException("MatMul weight " + weight.name() + " is not a matrix");
        }
        int rows = Math.toIntExact(weight.shape()[0]);
        int columns = Math.toIntExact(weight.shape()[1]);
        FloatBuffer in = ByteBuffer.wrap(weight.littleEndianFloats())
                .order(ByteOrder.LITTLE_ENDIAN)
                .asFloatBuffer();
        ByteBuffer out = ByteBuffer.allocate(rows * columns * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        FloatBuffer outFloats = out.asFloatBuffer();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                outFloats.put(c * rows + r, in.get(r * columns + c));
            }
        }
        return new OnnxGraph.Initializer(name, new long[] {columns, rows}, out.array());
    }
}
