package io.beth.benchmarks.http;

import dagger.Component;
import io.beth.bootstrap.BethApplication;
import jakarta.inject.Singleton;

/** The Dagger component of the declarative hello-world server. */
@Singleton
@Component(modules = BethModule.class)
public interface DeclarativeHelloComponent {

  /** The application serving {@link DeclarativeHelloRoutes} and {@link BlockingHelloRoutes}. */
  BethApplication beth();
}
