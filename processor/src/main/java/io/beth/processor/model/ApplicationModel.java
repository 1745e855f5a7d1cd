package io.beth.processor.model;

import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * Everything Beth-annotated in one compilation, read and checked element by element: the models of
 * what read cleanly (a server keeps its valid routes), and {@code handlerTypes}, every class that
 * was read as a server or endpoint whether or not it read cleanly, which places the application's
 * module.
 */
public record ApplicationModel(
    List<ServerModel> servers,
    List<EndpointModel> endpoints,
    List<ClientModel> clients,
    List<TypeElement> handlerTypes) {

  public ApplicationModel {
    servers = List.copyOf(servers);
    endpoints = List.copyOf(endpoints);
    clients = List.copyOf(clients);
    handlerTypes = List.copyOf(handlerTypes);
  }

  /** Whether there is nothing to wire. */
  public boolean isEmpty() {
    return servers.isEmpty() && endpoints.isEmpty() && clients.isEmpty() && handlerTypes.isEmpty();
  }
}
