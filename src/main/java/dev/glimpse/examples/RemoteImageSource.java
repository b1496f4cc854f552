package dev.glimpse.examples;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Fetches one image from the configured random-image URL. Redirects are followed by hand, at most
 * {@code maxRedirects} of them, only to http(s) URLs, and never from a public host to a loopback, private or
 * link-local address. The URL the image finally came from is kept, so the picture shown is the one captioned. The
 * body is read in small chunks and the download is aborted as soon as it passes {@code maxBytes} (or declares a larger
 * length), a read stalls past {@code readTimeout}, or the whole fetch passes {@code totalTimeout}.
 */
final class RemoteImageSource {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final ExamplesProperties.Remote config;
    private final URI source;
    private final ImageDecoding decoding;

    RemoteImageSource(ExamplesProperties.Remote config, ImageDecoding decoding) {
        this.config = config;
        this.decoding = decoding;
        this.source = URI.create(config.url());
        requireHttp(source);
    }

    /** One freshly fetched image; throws {@link ExampleUnavailableException} saying why there is none. */
    Example.Fetched fetch() {
        long deadline = System.nanoTime() + config.totalTimeout().toNanos();
        boolean sourceIsPrivate = isPrivate(source.getHost());
        URI current = source;
        for (int redirects = 0; ; redirects++) {
            HttpURLConnection connection = open(current);
            try {
                int status = connection.getResponseCode();
                if (REDIRECTS.contains(status)) {
                    if (redirects >= config.maxRedirects()) {
                        throw new ExampleUnavailableException("more than " + config.maxRedirects() + " redirects");
                    }
                    current = redirectTarget(current, connection.getHeaderField("Location"), sourceIsPrivate);
                    continue;
                }
                if (status != HttpURLConnection.HTTP_OK) {
                    throw new ExampleUnavailableException(current + " answered HTTP " + status);
                }
                byte[] bytes = readBody(connection, deadline);
                ImageDecoding.Decoded decoded = decoding.decode(bytes);
                return new Example.Fetched(
                        Example.Source.REMOTE, current.toString(), bytes, decoded.format(), decoded.image());
            } catch (SocketTimeoutException e) {
                throw new ExampleUnavailableException("timed out fetching " + current, e);
            } catch (IOException e) {
                throw new ExampleUnavailableException("could not fetch " + current + ": " + e.getMessage(), e);
            } finally {
                connection.disconnect();
            }
        }
    }

    private HttpURLConnection open(URI uri) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setInstanceFollowRedirects(false);
            connection.setConnectTimeout(millis(config.connectTimeout().toMillis()));
            connection.setReadTimeout(millis(config.readTimeout().toMillis()));
            connection.setUseCaches(false);
            connection.setRequestProperty("Accept", "image/*");
            connection.setRequestProperty("User-Agent", "Glimpse-examples");
            return connection;
        } catch (IOException | IllegalArgumentException e) {
            throw new ExampleUnavailableException("cannot open " + uri + ": " + e.getMessage(), e);
        }
    }

    private byte[] readBody(HttpURLConnection connection, long deadline) throws IOException {
        long limit = config.maxBytes().toBytes();
        long declared = connection.getContentLengthLong();
        if (declared > limit) {
            throw new ExampleUnavailableException("image of " + declared + " bytes is larger than " + limit);
        }
        InputStream body = connection.getInputStream();
        try {
            byte[] bytes = BoundedRead.readAtMost(body, limit, deadline);
            body.close();
            return bytes;
        } catch (IOException | RuntimeException e) {
            connection.disconnect(); // closes the socket instead of draining the rest for keep-alive
            throw e;
        }
    }

    private URI redirectTarget(URI from, @Nullable String location, boolean sourceIsPrivate) {
        if (location == null || location.isBlank()) {
            throw new ExampleUnavailableException(from + " redirected without a Location");
        }
        URI target;
        try {
            target = from.resolve(new URI(location.strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new ExampleUnavailableException("bad redirect Location '" + location + "'");
        }
        requireHttp(target);
        if (!sourceIsPrivate && isPrivate(target.getHost())) {
            throw new ExampleUnavailableException("refused redirect to the local address " + target.getHost());
        }
        return target;
    }

    private static void requireHttp(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new ExampleUnavailableException("not an http(s) URL: " + uri);
        }
    }

    private static boolean isPrivate(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (address.isLoopbackAddress()
                        || address.isSiteLocalAddress()
                        || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress()) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException e) {
            throw new ExampleUnavailableException("unknown host " + host, e);
        }
    }

    private static int millis(long millis) {
        return (int) Math.clamp(millis, 1, Integer.MAX_VALUE);
    }
}
