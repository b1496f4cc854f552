/**
 * Reads PyTorch {@code torch.save} zip checkpoints ({@code pytorch_model.bin}) without Python: {@code data.pkl} is
 * run by a restricted pickle interpreter of our own that understands only what a state dict needs (a dict of
 * tensors rebuilt by {@code torch._utils._rebuild_tensor_v2} from float32/float16/bfloat16/int64 storages) and refuses
 * every other opcode or global by name; tensors are then read from the archive's {@code data/<key>} entries as
 * little-endian {@link dev.glimpse.ml.RawTensor}s, sizes checked against the archive before anything is allocated.
 */
@NullMarked
package dev.glimpse.ml.torch;

import org.jspecify.annotations.NullMarked;
