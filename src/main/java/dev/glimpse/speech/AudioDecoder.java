package dev.glimpse.speech;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Decodes a recording in any container a browser records (WebM/Opus, Ogg, WAV, MP4/AAC, MP3, FLAC) into
 * 16 kHz mono float samples, through FFmpeg reading from memory (no temporary file). Several channels
 * are mixed down as {@code ffmpeg -ac 1} does (stereo: each channel times 1/&radic;2, summed).
 *
 * <p>FFmpeg is locked down for untrusted input: only the audio demuxers in {@link #AUDIO_DEMUXERS} may be
 * used (playlists, concat scripts and image demuxers are refused before they open anything), no protocol
 * at all may be opened, the recording's size and decoding time are bounded and audio past the maximum
 * duration is cut off. FFmpeg logs nothing. Every failure is an {@link AudioDecodingException} whose
 * message can be shown to the user. Instances are immutable and safe to share between threads.
 */
public final class AudioDecoder {

    public static final int SAMPLE_RATE = 16_000;

    /** Demuxer names FFmpeg may pick; a demuxer is allowed when one of its names is listed. */
    static final String AUDIO_DEMUXERS = "matroska,webm,ogg,wav,mov,mp4,m4a,mp3,aac,flac";

    /** No demuxer may open anything by URL or path: the only input is the in-memory stream. */
    static final String NO_PROTOCOLS = "none";

    static {
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
    }

    private final AudioLimits limits;

    public AudioDecoder() {
        this(AudioLimits.defaults());
    }

    public AudioDecoder(AudioLimits limits) {
        this.limits = limits;
    }

    public AudioLimits limits() {
        return limits;
    }

    /** Reads at most {@code maxBytes + 1} bytes from the stream (which the caller closes) and decodes them. */
    public float[] decode(InputStream recording) {
        byte[] bytes;
        try {
            bytes = recording.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
        } catch (IOException e) {
            throw new AudioDecodingException("The recording could not be read.", e);
        }
        return decode(bytes);
    }

    /** Decodes a whole recording into 16 kHz mono samples, cut at the maximum duration. */
    public float[] decode(byte[] recording) {
        checkSize(recording);
        long deadline = System.nanoTime() + limits.maxDecodingTime().toNanos();
        FFmpegFrameGrabber grabber = newGrabber(recording);
        try {
            start(grabber, recording);
            return readSamples(grabber, deadline);
        } finally {
            closeQuietly(grabber);
        }
    }

    private void checkSize(byte[] recording) {
        if (recording.length == 0) {
            throw new AudioDecodingException("The recording is empty.");
        }
        if (recording.length > limits.maxBytes()) {
            throw new AudioDecodingException("The recording is too large (the limit is "
                    + Math.max(1, limits.maxBytes() / (1024 * 1024)) + " MB).");
        }
        if (ContainerSniffer.isTruncatedMatroska(recording)) {
            throw new AudioDecodingException("The recording is damaged: the file is cut short.");
        }
    }

    private static FFmpegFrameGrabber newGrabber(byte[] recording) {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(new ByteArrayInputStream(recording), recording.length);
        grabber.setOption("format_whitelist", AUDIO_DEMUXERS);
        grabber.setOption("protocol_whitelist", NO_PROTOCOLS);
        grabber.setSampleRate(SAMPLE_RATE);
        grabber.setAudioChannels(1);
        grabber.setSampleFormat(avutil.AV_SAMPLE_FMT_FLT);
        return grabber;
    }

    private static void start(FFmpegFrameGrabber grabber, byte[] recording) {
        try {
            grabber.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw ContainerSniffer.looksLikeAudioContainer(recording)
                    ? damaged(e)
                    : new AudioDecodingException("This is not an audio file (or not a supported audio format).", e);
        }
        if (!grabber.hasAudio()) {
            throw new AudioDecodingException("This is not an audio file: it contains no sound track.");
        }
    }

    private float[] readSamples(FFmpegFrameGrabber grabber, long deadline) {
        int maxSamples =
                (int) Math.min(Integer.MAX_VALUE - 8, limits.maxDuration().toMillis() * SAMPLE_RATE / 1000);
        SampleBuffer buffer = new SampleBuffer(maxSamples);
        try {
            Frame frame;
            while (!buffer.full() && (frame = grabber.grabSamples()) != null) {
                if (frame.samples != null && frame.samples[0] instanceof FloatBuffer floats) {
                    buffer.append(floats);
                }
                if (System.nanoTime() > deadline) {
                    throw new AudioDecodingException("The recording took too long to decode.");
                }
            }
        } catch (FrameGrabber.Exception | RuntimeException e) {
            if (e instanceof AudioDecodingException decodingException) {
                throw decodingException;
            }
            throw damaged(e);
        }
        if (buffer.size() == 0) {
            throw new AudioDecodingException("The recording is empty: it contains no sound.");
        }
        return buffer.toArray();
    }

    private static AudioDecodingException damaged(Exception cause) {
        return new AudioDecodingException("The recording is damaged and cannot be played.", cause);
    }

    private static void closeQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception | RuntimeException ignored) {
            // releasing native memory of a failed decode; nothing the caller can do about it
        }
    }

    /** A growable float array that stops at a maximum length. */
    private static final class SampleBuffer {
        private final int capacity;
        private float[] data = new float[SAMPLE_RATE * 4];
        private int size;

        SampleBuffer(int capacity) {
            this.capacity = capacity;
        }

        void append(FloatBuffer floats) {
            int count = Math.min(floats.remaining(), capacity - size);
            if (size + count > data.length) {
                data = Arrays.copyOf(data, (int) Math.min(capacity, Math.max(size + count, 2L * data.length)));
            }
            floats.duplicate().get(data, size, count);
            size += count;
        }

        boolean full() {
            return size >= capacity;
        }

        int size() {
            return size;
        }

        float[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
