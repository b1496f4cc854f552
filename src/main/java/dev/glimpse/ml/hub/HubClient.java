package dev.glimpse.ml.hub;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Talks to a Hugging Face compatible hub: {@code {base}/{repo}/resolve/{revision}/{file}}. A HEAD request (redirects
 * followed by hand, so that the hub's own {@code X-Linked-Etag}/{@code X-Linked-Size} headers on the redirect to the
 * CDN are seen) says whether a file exists, its size and hash; a GET following redirects fetches it with resume and
 * verification ({@link FileDownload}).
 */
public final class HubClient {

    public static final URI DEFAULT_BASE_URL = URI.create("https://huggingface.co");

    static final String USER_AGENT = "glimpse-model-store/1.0";
    private static final int MAX_REDIRECTS = 10;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(60);

    private final URI baseUrl;
    private final Duration stallTimeout;
    private final HttpClient http;
    private final HttpClient httpNoRedirects;
    private final MeterRegistry meters;
    private final Counter downloadedBytes;

    public HubClient() {
        this(DEFAULT_BASE_URL);
    }

    public HubClient(URI baseUrl) {
        this(baseUrl, DEFAULT_STALL_TIMEOUT);
    }

    /** A client whose downloads give up a connection (and resume) after {@code stallTimeout} without data. */
    public HubClient(URI baseUrl, Duration stallTimeout) {
        this(baseUrl, stallTimeout, new CompositeMeterRegistry());
    }

    /**
     * A client that counts downloaded bytes ({@code glimpse_hub_download_bytes_total}) and failures by kind ({@code
     * glimpse_hub_failures_total}) in {@code meters}.
     */
    public HubClient(URI baseUrl, Duration stallTimeout, MeterRegistry meters) {
        this.stallTimeout = stallTimeout;
        this.meters = meters;
        this.downloadedBytes = Counter.builder("glimpse.hub.download")
                .baseUnit("bytes")
                .description("Bytes of model files downloaded from the hub")
                .register(meters);
        for (HubException.Kind kind : HubException.Kind.values()) {
            failures(kind); // every kind from the start, so that rates and alerts see 0 rather than nothing
        }
        String text = baseUrl.toString();
        this.baseUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.http = newClient(HttpClient.Redirect.NORMAL);
        this.httpNoRedirects = newClient(HttpClient.Redirect.NEVER);
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** The resolve URL of a file, each path segment percent-encoded. */
    URI fileUrl(ModelRef ref, String file) {
        return URI.create(baseUrl + "/" + ref.repo() + "/resolve/" + encode(ref.revision()) + "/"
                + Arrays.stream(file.split("/")).map(HubClient::encode).collect(Collectors.joining("/")));
    }

    /** Metadata of a file on the hub, or empty when the hub answers 404 (the repository does not have it). */
    Optional<RemoteFile> metadata(ModelRef ref, String file) {
        URI url = fileUrl(ref, file);
        URI current = url;
        String linkedEtag = null;
        OptionalLong linkedSize = OptionalLong.empty();
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpResponse<Void> response = head(current, ref, file);
            var headers = response.headers();
            if (linkedEtag == null) {
                linkedEtag = RemoteFile.normalizeEtag(
                        headers.firstValue("X-Linked-Etag").orElse(null));
                linkedSize = headers.firstValueAsLong("X-Linked-Size");
            }
            int status = response.statusCode();
            if (isRedirect(status) && linkedEtag == null) {
                String location = headers.firstValue("Location")
                        .orElseThrow(() -> new HubException("Hub redirect without Location for " + url));
                current = current.resolve(location);
                continue;
            }
            if (isRedirect(status) || status / 100 == 2) {
                return Optional.of(
                        linkedEtag != null
                                ? new RemoteFile(url, linkedSize.orElse(-1), linkedEtag)
                                : new RemoteFile(
                                        url,
                                        headers.firstValueAsLong("Content-Length")
                                                .orElse(-1),
                                        RemoteFile.normalizeEtag(
                                                headers.firstValue("ETag").orElse(null))));
            }
            if (status == 404) {
                return Optional.empty();
            }
            throw refused(status, ref, file, url);
        }
        throw new HubException("Too many redirects fetching " + url);
    }

    /** Downloads a file the hub has into {@code target}, resuming {@code target.part} if present. */
    void download(ModelRef ref, String file, RemoteFile remote, Path target) {
        new FileDownload(http, remote, target, ref + " " + file, stallTimeout, downloadedBytes).run();
    }

    /** Counts a failed attempt to make a model available from the hub. */
    void recordFailure(HubException.Kind kind) {
        failures(kind).increment();
    }

    private Counter failures(HubException.Kind kind) {
        return Counter.builder("glimpse.hub.failures")
                .description("Failed attempts to fetch model files from the hub, by kind")
                .tag("kind", kind.name().toLowerCase(java.util.Locale.ROOT))
                .register(meters);
    }

    private HttpResponse<Void> head(URI url, ModelRef ref, String file) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("User-Agent", USER_AGENT)
                .header("Accept-Encoding", "identity")
                .timeout(REQUEST_TIMEOUT)
                .build();
        try {
            return httpNoRedirects.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw HubFailures.unreachable(url.getHost(), file + " of " + ref + " from " + baseUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubException("Interrupted while asking the hub for " + url, e);
        }
    }

    private static HubException refused(int status, ModelRef ref, String file, URI url) {
        String reason = status == 401 || status == 403
                ? "the repository does not exist, is private or is gated"
                : "the hub answered HTTP " + status;
        return new HubException(
                status == 404 ? HubException.Kind.NOT_FOUND : HubException.Kind.REFUSED,
                "Cannot fetch " + file + " of " + ref + " from " + url + ": " + reason + " (HTTP " + status + ")");
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static HttpClient newClient(HttpClient.Redirect redirect) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(redirect)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
    }
}
