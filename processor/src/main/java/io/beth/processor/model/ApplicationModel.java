package io.beth.processor.model;

import java.util.List;

/** Everything Beth-annotated in one compilation, read and checked element by element. */
public record ApplicationModel(
    List<ServerModel> servers, List<EndpointModel> endpoints, List<ClientModel> clients) {

  public ApplicationModel {
    servers = List.copyOf(servers);
    endpoints = List.copyOf(endpoints);
    clients = List.copyOf(clients);
  }

  /** Whether there is nothing to wire. */
  public boolean isEmpty() {
    return servers.isEmpty() && endpoints.isEmpty() && clients.isEmpty();
  }
}
