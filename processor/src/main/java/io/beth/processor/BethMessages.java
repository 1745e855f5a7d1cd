package io.beth.processor;

/**
 * The stable ids that start every diagnostic of Beth's processor, one per rule. Tests and users can
 * search for them; a message after the id says what is wrong and how to fix it.
 */
public final class BethMessages {

  /** An {@code @HttpRoute} method that is not an upper-case HTTP token, or set on a type. */
  public static final String ROUTE_METHOD = "[BethRouteMethod]";

  /** A malformed path template. */
  public static final String ROUTE_TEMPLATE = "[BethRouteTemplate]";

  /** A {@code {placeholder}} with no {@code @PathParam} parameter. */
  public static final String ROUTE_PLACEHOLDER = "[BethRoutePlaceholder]";

  /** A {@code @PathParam} parameter whose name is not a placeholder of the template. */
  public static final String ROUTE_PATH_PARAM = "[BethRoutePathParam]";

  /** Two routes with the same method and the same template. */
  public static final String ROUTE_DUPLICATE = "[BethRouteDuplicate]";

  /** Two routes with the same method whose templates match the same paths. */
  public static final String ROUTE_AMBIGUOUS = "[BethRouteAmbiguous]";

  /** A WebSocket endpoint path that is also an HTTP route's path, or another endpoint's. */
  public static final String WEBSOCKET_PATH = "[BethWebSocketPath]";

  /** A bound parameter whose type has no conversion from text. */
  public static final String PARAMETER_CONVERSION = "[BethParameterConversion]";

  /** A route parameter with no binding annotation that is not the request itself. */
  public static final String PARAMETER_UNBOUND = "[BethParameterUnbound]";

  /** A route parameter carrying more than one binding annotation. */
  public static final String PARAMETER_ANNOTATIONS = "[BethParameterAnnotations]";

  /** A {@code @Body} parameter of a type no body binds to (a stream other than bytes...). */
  public static final String PARAMETER_BODY = "[BethParameterBody]";

  /** A header or cookie name that no request can carry. */
  public static final String PARAMETER_NAME = "[BethParameterName]";

  /** A constant {@code defaultValue} that does not convert to the parameter's type. */
  public static final String PARAMETER_DEFAULT = "[BethParameterDefault]";

  /** An {@code Optional} parameter with a {@code defaultValue}, never empty (a warning). */
  public static final String PARAMETER_DEFAULT_OPTIONAL = "[BethParameterDefaultOptional]";

  /** Two parameters of one route bound to the same query parameter, header or cookie. */
  public static final String PARAMETER_DUPLICATE = "[BethParameterDuplicate]";

  /** A {@code java.util.Date} parameter, parsed by its deprecated constructor (a warning). */
  public static final String PARAMETER_LEGACY_DATE = "[BethParameterLegacyDate]";

  /** Two {@code @Body} parameters on one route. */
  public static final String ROUTE_TWO_BODIES = "[BethRouteTwoBodies]";

  /** A route method whose return type the router cannot turn into a response. */
  public static final String ROUTE_RETURN = "[BethRouteReturn]";

  /** A private or static route method. */
  public static final String ROUTE_MODIFIERS = "[BethRouteModifiers]";

  /** A {@code @Body} on a GET or HEAD route (a warning). */
  public static final String ROUTE_BODY_ON_GET = "[BethRouteBodyOnGet]";

  /** A route method overriding a route interface's method with an {@code @HttpRoute} of its own. */
  public static final String ROUTE_OVERRIDE = "[BethRouteOverride]";

  /** An abstract class with routes: neither it nor its subclasses serve them. */
  public static final String ROUTE_ABSTRACT_CLASS = "[BethRouteAbstractClass]";

  /** A class annotated {@code @HttpRoute} without any route (a warning). */
  public static final String ROUTE_NONE = "[BethRouteNone]";

  /** A path prefix on a class whose routes all come from interfaces (a warning). */
  public static final String ROUTE_PREFIX_UNUSED = "[BethRoutePrefixUnused]";

  /**
   * A concrete class implementing a route interface without {@code @HttpRoute}, so its routes are
   * not served; {@code @SuppressWarnings("BethRoutesNotServed")} on a class not meant to serve
   * them, such as a test fake, says so.
   */
  public static final String ROUTES_NOT_SERVED = "[BethRoutesNotServed]";

  /** {@code @NonBlocking} where no route runs (a warning). */
  public static final String NON_BLOCKING_UNUSED = "[BethNonBlockingUnused]";

  /** A handler class that Dagger cannot construct. */
  public static final String HANDLER_CONSTRUCTOR = "[BethHandlerConstructor]";

  /** {@code @Inject} fields or methods on a handler the module creates with {@code new}. */
  public static final String HANDLER_MEMBERS = "[BethHandlerMembers]";

  /** A handler class that does not implement the interface its annotation requires. */
  public static final String HANDLER_INTERFACE = "[BethHandlerInterface]";

  /** A class carrying more than one handler annotation. */
  public static final String HANDLER_KIND = "[BethHandlerKind]";

  /** Two handlers of one protocol on one port. */
  public static final String PORT_CLASH = "[BethPortClash]";

  /**
   * Two TCP handlers, or two UDP sockets, with one simple class name: their listener names ({@code
   * tcp.<SimpleClassName>}, which also names the port property) would be the same.
   */
  public static final String LISTENER_NAME = "[BethListenerName]";

  /** A port outside 0 to 65535. */
  public static final String PORT_RANGE = "[BethPortRange]";

  /** A client interface method that does not return a future. */
  public static final String CLIENT_NOT_ASYNC = "[BethClientNotAsync]";

  /**
   * A route interface the generated client cannot implement: it is generic or private, or has an
   * abstract method without {@code @HttpRoute}, or a generic route method.
   */
  public static final String CLIENT_INTERFACE = "[BethClientInterface]";

  /**
   * A Dagger component asking for what Beth generates (the application, a typed client) without the
   * generated module that provides it.
   */
  public static final String COMPONENT_MODULE = "[BethComponentModule]";

  /** A Dagger component asking for a generated client class instead of its interface. */
  public static final String COMPONENT_REQUEST = "[BethComponentRequest]";

  /** A Dagger component listing a generated class that is not a module among its modules. */
  public static final String COMPONENT_INCLUDES = "[BethComponentIncludes]";

  /** Handler classes without a common package, whose module would have no package. */
  public static final String MODULE_PACKAGE = "[BethModulePackage]";

  /** Beth-annotated code that first appeared after Beth generated the application's wiring. */
  public static final String LATE_ELEMENT = "[BethLateElement]";

  /** An unexpected failure inside the processor; please report it. */
  public static final String INTERNAL = "[BethInternal]";

  private BethMessages() {}
}
