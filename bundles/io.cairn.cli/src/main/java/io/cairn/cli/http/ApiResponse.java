package io.cairn.cli.http;

import java.nio.charset.StandardCharsets;

/** Status and body of an HTTP API answer. */
public record ApiResponse(int status, byte[] body) {

  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
