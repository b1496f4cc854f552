package dev.glimpse.ingest;

import dev.glimpse.imaging.ImageInspector;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Multipart bodies the container cannot parse are the client's mistake, not a server failure: they are answered as
 * RFC 9457 problems (400 for a malformed body or too many parts, 413 for a file or request over the container's size
 * limits) with a sentence naming the limit, and logged as one line without a stack trace. Applies to every multipart
 * endpoint (uploads and voice search), because parsing happens before any controller is chosen.
 */
@RestControllerAdvice
@Order(0)
class UploadProblems {

    private static final Logger log = LoggerFactory.getLogger(UploadProblems.class);
    private static final int MAX_REASON_LENGTH = 200;

    private final UploadProperties uploads;
    private final MultipartProperties multipart;

    UploadProblems(UploadProperties uploads, MultipartProperties multipart) {
        this.uploads = uploads;
        this.multipart = multipart;
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadableMultipart(MultipartException e) {
        Throwable root = rootCause(e);
        String kind = root.getClass().getSimpleName();
        String reason = readable(root.getMessage());
        boolean headersTooLong = kind.equals("SizeLimitExceededException") && reason.startsWith("Header section");
        ProblemDetail problem = switch (headersTooLong ? "PartHeadersTooLong" : kind) {
            case "PartHeadersTooLong" ->
                problem(
                        HttpStatus.BAD_REQUEST,
                        "Part headers too long",
                        "A part's headers, its file name included, are longer than the limit of " + firstNumber(reason)
                                + " bytes.");
            case "FileCountLimitExceededException" ->
                problem(
                        HttpStatus.BAD_REQUEST,
                        "Too many files",
                        "Send at most " + uploads.maxFilesPerUpload() + " files per request.");
            case "FileSizeLimitExceededException", "SizeLimitExceededException" ->
                problem(
                        HttpStatus.CONTENT_TOO_LARGE,
                        "Upload too large",
                        "A file may be at most " + size(multipart.getMaxFileSize())
                                + " and a request at most " + size(multipart.getMaxRequestSize())
                                + "; images over " + size(uploads.maxBytes()) + " are refused anyway.");
            default ->
                problem(
                        HttpStatus.BAD_REQUEST,
                        "Malformed upload",
                        "The request body is not valid multipart/form-data: " + reason + ".");
        };
        log.info("Refused a multipart request ({}): {}", kind, reason);
        return problem;
    }

    /** A body that parsed but has no part with the expected name (for example, only a nested multipart/mixed). */
    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingPart(MissingServletRequestPartException e) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "Missing part",
                "The request has no multipart/form-data part named '" + readable(e.getRequestPartName()) + "'.");
    }

    private static String firstNumber(String text) {
        java.util.regex.Matcher number = java.util.regex.Pattern.compile("\\d+").matcher(text);
        return number.find() ? number.group() : "the server's";
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** The container's reason as one short printable line (it may quote what the client sent). */
    static String readable(String message) {
        if (message == null || message.isBlank()) {
            return "it cannot be parsed";
        }
        String line =
                message.replaceAll("[\\p{Cntrl}\\p{Cf}\\p{Zl}\\p{Zp}]+", " ").strip();
        if (line.endsWith(".")) {
            line = line.substring(0, line.length() - 1);
        }
        return line.length() <= MAX_REASON_LENGTH ? line : line.substring(0, MAX_REASON_LENGTH - 1) + "…";
    }

    private static String size(@Nullable DataSize size) {
        return size == null || size.toBytes() < 0 ? "unlimited" : ImageInspector.megabytes(size.toBytes());
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
