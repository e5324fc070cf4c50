package io.cairn.http.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own answers (a malformed request line, headers over the limit, a request that failed before or after
 * the API handled it) in Consul's form: plain text, {@code 400 Bad Request: <what was wrong>} the way Go's server
 * words them, never HTML and never a Java exception's text.
 */
final class PlainTextErrors implements Request.Handler {
    private final int maxHeaderBytes;

    /** @param maxHeaderBytes the limit on the request line and headers, named in 414 and 431 answers */
    PlainTextErrors(int maxHeaderBytes) {
        this.maxHeaderBytes = maxHeaderBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        String detail = null;
        if (request.getAttribute(ErrorHandler.ERROR_EXCEPTION) instanceof HttpException http) {
            status = http.getCode();
            detail = http.getReason();
        }
        response.setStatus(status);
        if (HttpStatus.hasNoBody(status)) {
            callback.succeeded();
            return true;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Reply.TEXT);
        response.write(true, ByteBuffer.wrap(message(status, detail).getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    /** {@code <status> <reason>}, then what was wrong when Jetty said more than the reason. */
    String message(int status, String detail) {
        String reason = HttpStatus.getMessage(status);
        String text = status + " " + reason;
        if (status == HttpStatus.URI_TOO_LONG_414 || status == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431) {
            return text + ": the request line and headers may be up to " + maxHeaderBytes + " bytes";
        }
        if (status >= 500 || detail == null || detail.isBlank() || detail.equalsIgnoreCase(reason)) {
            return text;
        }
        return text + ": " + detail;
    }
}
