package io.beth.http;

/**
 * A client response with a 4xx or 5xx status, failing the request's future when the client (or the
 * request) treats error statuses as failures. The response is kept, body included: read or close
 * it.
 */
public final class HttpResponseException extends HttpStatusException {

  private static final long serialVersionUID = 1L;

  private final transient ClientResponse response;

  public HttpResponseException(ClientResponse response) {
    super(response.status(), "HTTP " + response.status() + " from " + response.uri());
    this.response = response;
  }

  /** The response that carried the error status. */
  public ClientResponse response() {
    return response;
  }
}
