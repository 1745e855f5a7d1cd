package io.beth.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;

/** The runtime and library classes generated code names, without the processor loading them. */
final class Names {

  static final ClassName HTTP_HANDLER = ClassName.get("io.beth.http", "HttpHandler");
  static final ClassName HTTP_REQUEST = ClassName.get("io.beth.http", "HttpRequest");
  static final ClassName HTTP_RESPONSE = ClassName.get("io.beth.http", "HttpResponse");
  static final ClassName CODECS = ClassName.get("io.beth.codec", "Codecs");
  static final ClassName TYPE_TOKEN = ClassName.get("io.beth.codec", "TypeToken");
  static final ClassName PARAMS = ClassName.get("io.beth.bootstrap", "Params");
  static final ClassName PATHS = ClassName.get("io.beth.bootstrap", "Paths");
  static final ClassName RESULTS = ClassName.get("io.beth.bootstrap", "Results");
  static final ClassName BAD_PARAMETER =
      ClassName.get("io.beth.bootstrap", "BadParameterException");
  static final ClassName ENDPOINTS = ClassName.get("io.beth.bootstrap", "Endpoints");
  static final ClassName APPLICATION = ClassName.get("io.beth.bootstrap", "BethApplication");
  static final ClassName HTTP_CLIENT = ClassName.get("io.beth.http", "HttpClient");
  static final ClassName ROUTE_CLIENT = ClassName.get("io.beth.bootstrap", "RouteClient");
  static final ClassName CLIENT_OPTIONS = ClassName.get("io.beth.bootstrap", "BethClientOptions");
  static final ClassName URI = ClassName.get("java.net", "URI");
  static final ClassName TYPE = ClassName.get("java.lang.reflect", "Type");
  static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
  static final ClassName COMPLETION_STAGE =
      ClassName.get("java.util.concurrent", "CompletionStage");
  static final ParameterizedTypeName RESPONSE_STAGE =
      ParameterizedTypeName.get(COMPLETION_STAGE, HTTP_RESPONSE);
  static final ClassName MODULE = ClassName.get("dagger", "Module");
  static final ClassName PROVIDES = ClassName.get("dagger", "Provides");
  static final ClassName BINDS_OPTIONAL_OF = ClassName.get("dagger", "BindsOptionalOf");
  static final ClassName INJECT = ClassName.get("jakarta.inject", "Inject");

  /** {@code @Generated("io.beth.processor.BethProcessor")}. */
  static AnnotationSpec generated() {
    return AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
        .addMember("value", "$S", "io.beth.processor.BethProcessor")
        .build();
  }

  private Names() {}
}
