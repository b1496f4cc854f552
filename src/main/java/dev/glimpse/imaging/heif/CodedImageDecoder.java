package dev.glimpse.imaging.heif;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_HEVC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_INPUT_BUFFER_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_mallocz;

import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.jspecify.annotations.Nullable;

/**
 * Decodes one coded image (HEVC with FFmpeg's {@code hevc} decoder, AV1 with {@code libdav1d} or
 * {@code libaom-av1}) from its item bytes and decoder configuration, the way a demuxer would hand them over, and
 * converts it with {@link FrameConverter}. Every native object is freed before returning, on failure too; FFmpeg
 * logs nothing. One thread per decode: callers bound concurrency.
 */
final class CodedImageDecoder {

    private static final List<String> AV1_DECODERS = List.of("libdav1d", "libaom-av1");

    static {
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
    }

    private CodedImageDecoder() {}

    /** The image converted to {@code output} pixels, scaled to {@code width} × {@code height}. */
    static byte[] decode(CodedImage image, int width, int height, FrameConverter.Output output) {
        AVCodec codec = decoderFor(image.itemType());
        AVCodecContext context = avcodec_alloc_context3(codec);
        AVPacket packet = av_packet_alloc();
        AVFrame frame = av_frame_alloc();
        if (context == null || packet == null || frame == null) {
            free(context, packet, frame);
            throw new OutOfMemoryError("FFmpeg could not allocate a decoder");
        }
        try {
            setConfiguration(context, image.configuration());
            context.thread_count(1);
            check(avcodec_open2(context, codec, (AVDictionary) null), "its decoder cannot start");
            decodeInto(context, packet, frame, image.data());
            if (frame.width() < image.size().width()
                    || frame.height() < image.size().height()) {
                throw HeifDecodingException.damaged("an image is smaller than the file says");
            }
            return FrameConverter.convert(frame, image, width, height, output);
        } finally {
            free(context, packet, frame);
        }
    }

    private static AVCodec decoderFor(String itemType) {
        AVCodec codec = null;
        if (itemType.equals("hvc1")) {
            codec = avcodec_find_decoder(AV_CODEC_ID_HEVC);
        } else {
            for (String name : AV1_DECODERS) {
                codec = codec == null ? avcodec_find_decoder_by_name(name) : codec;
            }
        }
        if (codec == null) {
            throw HeifDecodingException.unsupported("no decoder for '" + itemType + "' images is available");
        }
        return codec;
    }

    private static void setConfiguration(AVCodecContext context, byte[] configuration) {
        BytePointer extradata = new BytePointer(av_mallocz(configuration.length + AV_INPUT_BUFFER_PADDING_SIZE));
        if (extradata.isNull()) {
            throw new OutOfMemoryError("FFmpeg could not allocate a decoder configuration");
        }
        extradata.capacity(configuration.length + AV_INPUT_BUFFER_PADDING_SIZE);
        extradata.put(configuration, 0, configuration.length);
        context.extradata(extradata); // freed with the context
        context.extradata_size(configuration.length);
    }

    private static void decodeInto(AVCodecContext context, AVPacket packet, AVFrame frame, byte[] data) {
        check(av_new_packet(packet, data.length), "an image is too large");
        packet.data().capacity(data.length).put(data, 0, data.length);
        check(avcodec_send_packet(context, packet), "an image's coded data cannot be read");
        check(avcodec_send_packet(context, null), "an image's coded data cannot be read");
        check(avcodec_receive_frame(context, frame), "an image's coded data holds no picture");
    }

    private static void check(int result, String problem) {
        if (result < 0) {
            throw HeifDecodingException.damaged(problem);
        }
    }

    private static void free(@Nullable AVCodecContext context, @Nullable AVPacket packet, @Nullable AVFrame frame) {
        if (frame != null) {
            av_frame_free(frame);
        }
        if (packet != null) {
            av_packet_free(packet);
        }
        if (context != null) {
            avcodec_free_context(context);
        }
    }
}
