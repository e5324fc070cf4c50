package io.cairn.cli.http;

/** A request that did not get the answer it needed: a non-success status, or no connection at all. */
public final class ApiException extends Exception {
  private static final long serialVersionUID = 1L;

  public ApiException(String message) {
    super(message);
  }
}
